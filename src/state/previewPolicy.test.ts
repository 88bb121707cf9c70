import { afterEach, describe, expect, it, vi } from 'vitest';
import { normalizeConfig } from '../core/config';
import { DragTracker } from './dragTracker';
import { continuesDrag, estimateRunMs, PREVIEW_POLICY, previewConfigFor } from './previewPolicy';

const config = (input: Record<string, unknown>) => normalizeConfig(input).config;

describe('previewConfigFor', () => {
  it('previews a wide network with batch 16, the same seed and everything else unchanged', () => {
    const full = config({ width: 1024, depth: 30, batch: 256, seed: 7 });
    expect(previewConfigFor(full)).toEqual({ ...full, batch: 16 });
  });

  it('leaves out configs whose full run takes a frame or two', () => {
    const small = config({ width: 16, depth: 10, batch: 8 });
    expect(estimateRunMs(small, true)).toBeLessThan(PREVIEW_POLICY.expensiveMs);
    expect(previewConfigFor(small)).toBeNull();
  });

  it('leaves out a preview that would save too little of the work', () => {
    // Batch under 16 already: the preview could only drop the backward pass, which saves about
    // half when drawing the weights dominates (wide layers, small batch).
    const drawBound = config({ width: 4096, depth: 4, batch: 4 });
    expect(estimateRunMs(drawBound, true)).toBeGreaterThan(PREVIEW_POLICY.expensiveMs);
    expect(previewConfigFor(drawBound)).toBeNull();
  });

  it('leaves out settings the budget refuses, which take no time', () => {
    expect(previewConfigFor(config({ width: 4096, depth: 2000, batch: 4096 }))).toBeNull();
  });
});

describe('continuesDrag', () => {
  it('is a drag when the previous change is recent or its run still going', () => {
    expect(continuesDrag(1000, 1000 - PREVIEW_POLICY.dragGapMs + 1, false)).toBe(true);
    expect(continuesDrag(1000, 1000 - PREVIEW_POLICY.dragGapMs, false)).toBe(false);
    expect(continuesDrag(1000, -Infinity, true)).toBe(true);
  });
});

describe('DragTracker', () => {
  afterEach(() => vi.useRealTimers());

  it('ends a drag once, settleMs after its last change, or at a release', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const ended = vi.fn();
    const tracker = new DragTracker(ended);
    expect(tracker.change(0, false)).toBe(false);
    expect(tracker.dragging).toBe(false);
    expect(tracker.change(50, false)).toBe(true);
    vi.advanceTimersByTime(PREVIEW_POLICY.settleMs - 1);
    expect(tracker.change(PREVIEW_POLICY.settleMs + 49, false)).toBe(true);
    vi.advanceTimersByTime(PREVIEW_POLICY.settleMs - 1);
    expect(ended).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(ended).toHaveBeenCalledTimes(1);
    expect(tracker.dragging).toBe(false);

    const target = new EventTarget();
    tracker.listen(target);
    tracker.change(10_000, true);
    target.dispatchEvent(new Event('keyup'));
    expect(ended).toHaveBeenCalledTimes(2);
    // A release with no drag going on ends nothing; after stop() releases are not heard.
    target.dispatchEvent(new Event('pointerup'));
    tracker.change(20_000, true);
    tracker.stop();
    target.dispatchEvent(new Event('pointerup'));
    vi.advanceTimersByTime(1000);
    expect(ended).toHaveBeenCalledTimes(2);
  });
});
