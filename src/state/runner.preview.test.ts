import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LayerStats } from '../core/types';
import { SimulationClient } from '../worker/client';
import type { FromWorker } from '../worker/protocol';
import { FakeWorker } from '../worker/fakeWorker.testutil';
import { setBatch, setDepth, setWidth } from './actions';
import { PREVIEW_POLICY } from './previewPolicy';
import { notifyDrawn, startRunner } from './runner';
import { resetStore, store } from './store';

/** A gap between two changes of one drag (a slider sends one every frame or two). */
const DRAG_STEP_MS = 40;
/** Longer than the runner's frame stand-in in Node (16 ms). */
const FRAME_MS = 20;

/** One forward layer's reply, with one-value samples. */
const layerReply = (id: number, n: number): FromWorker => ({
  type: 'layer',
  id,
  stats: { layer: n } as LayerStats,
  sample: new Float32Array(1),
  preSample: new Float32Array(1),
  elapsedMs: n,
});

/** Replies `started` and `depth` forward layers, and `done` unless `finish` is false. */
function reply(worker: FakeWorker, id: number, depth: number, finish = true): void {
  worker.reply({ type: 'started', id, theory: [], kernel: 'js-reference' });
  for (let n = 1; n <= depth; n++) worker.reply(layerReply(id, n));
  if (finish) worker.reply({ type: 'done', id, elapsedMs: 42 });
}

const batches = (worker: FakeWorker) => worker.runs().map((r) => r.config.batch);
const depths = (worker: FakeWorker) => worker.runs().map((r) => r.config.widths.length);

describe('runner previews while settings are dragged', () => {
  let worker: FakeWorker;
  let releases: EventTarget;
  let stop: () => void;

  function begin(width: number, batch: number, fakePerformance = true): void {
    vi.useFakeTimers({
      toFake: fakePerformance ? ['setTimeout', 'clearTimeout', 'performance'] : ['setTimeout', 'clearTimeout'],
    });
    resetStore();
    setWidth(width);
    setBatch(batch);
    setDepth(10);
    worker = new FakeWorker();
    releases = new EventTarget();
    stop = startRunner(new SimulationClient({ createWorker: () => worker, testHooks: false }), releases);
    vi.advanceTimersByTime(FRAME_MS);
  }

  /** Finishes the first run, waits well past a drag's gap, then drags depth 11 → 14. */
  function drag(): void {
    reply(worker, worker.lastRun().id, 10);
    vi.advanceTimersByTime(1000);
    for (const depth of [11, 12, 13, 14]) {
      setDepth(depth);
      vi.advanceTimersByTime(DRAG_STEP_MS);
    }
  }

  beforeEach(() => performance.clearMeasures('simulation'));
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  it('previews an expensive config with a small batch, then runs the last settings in full once', () => {
    begin(1024, 256);
    drag();
    // The first change could be a single click: it runs in full. The ones after it are a drag.
    expect(batches(worker)).toEqual([256, 256, 16, 16, 16]);
    expect(depths(worker)).toEqual([10, 11, 12, 13, 14]);
    // Previews keep the seed, so they draw the same weights as the full run.
    expect(new Set(worker.runs().map((r) => r.config.seed))).toEqual(new Set([store.getState().config.seed]));
    vi.advanceTimersByTime(PREVIEW_POLICY.settleMs + FRAME_MS);
    expect(batches(worker)).toEqual([256, 256, 16, 16, 16, 256]);
    expect(worker.lastRun().config).toEqual(store.getState().config);
    // Nothing more follows once the settings stay still.
    vi.advanceTimersByTime(5000);
    expect(worker.runs()).toHaveLength(6);
  });

  it('flags a preview in the store, never finishes it, and clears the flag with the full run', () => {
    begin(1024, 256);
    drag();
    const preview = worker.lastRun();
    // A preview is forward only: the worker is asked for neither gradients nor correlations.
    expect(preview).toMatchObject({ backward: false, correlations: false });
    reply(worker, preview.id, 14);
    expect(worker.cancels()).not.toContain(preview.id);
    vi.advanceTimersByTime(FRAME_MS);
    let { run } = store.getState();
    expect(run.preview).toEqual({ batch: 16, fullBatch: 256 });
    expect(run).toMatchObject({ phase: 'running', slow: false });
    expect(run.layers).toHaveLength(14);
    expect(run.config?.batch).toBe(16);
    vi.advanceTimersByTime(PREVIEW_POLICY.settleMs);
    const full = worker.lastRun();
    expect(full.config.batch).toBe(256);
    expect(full).toMatchObject({ backward: true }); // the client's own defaults again
    reply(worker, full.id, 14);
    vi.advanceTimersByTime(FRAME_MS);
    run = store.getState().run;
    expect(run.preview).toBeNull();
    expect(run).toMatchObject({ phase: 'done', config: store.getState().config });
  });

  it("writes a preview's layers on the next frame, not at the paced interval of a full run", () => {
    begin(1024, 256);
    drag();
    const { id } = worker.lastRun();
    worker.reply({ type: 'started', id, theory: [], kernel: 'js-reference' });
    worker.reply(layerReply(id, 1));
    vi.advanceTimersByTime(FRAME_MS);
    for (const n of [2, 3]) {
      worker.reply(layerReply(id, n));
      vi.advanceTimersByTime(FRAME_MS);
      expect(store.getState().run.layers).toHaveLength(n);
    }
  });

  it("opens the page on the full run: the link's settings loaded right after the start are no drag", () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    resetStore();
    setWidth(1024);
    setBatch(256);
    worker = new FakeWorker();
    releases = new EventTarget();
    stop = startRunner(new SimulationClient({ createWorker: () => worker, testHooks: false }), releases);
    setDepth(12); // what the URL sync does a moment after the runner starts
    vi.advanceTimersByTime(FRAME_MS + PREVIEW_POLICY.settleMs);
    expect(batches(worker)).toEqual([256]);
    expect(depths(worker)).toEqual([12]);
    expect(store.getState().run.preview).toBeNull();
  });

  it('never previews a cheap config', () => {
    begin(16, 8);
    drag();
    vi.advanceTimersByTime(PREVIEW_POLICY.settleMs + FRAME_MS);
    // One full run per change and none after: nothing to refine, so nothing flickers.
    expect(batches(worker)).toEqual([8, 8, 8, 8, 8]);
    reply(worker, worker.lastRun().id, 14);
    vi.advanceTimersByTime(FRAME_MS);
    expect(store.getState().run).toMatchObject({ phase: 'done', preview: null });
  });

  it('refuses settings past the run budget during a drag once, and not again when the drag ends', () => {
    begin(16, 8);
    drag();
    const posted = worker.runs().length;
    store.setState({
      config: { ...store.getState().config, widths: new Array<number>(2000).fill(4096), inputDim: 4096, batch: 4096 },
    });
    vi.advanceTimersByTime(2 * FRAME_MS);
    expect(store.getState().run).toMatchObject({ phase: 'error', preview: null });
    expect(store.getState().run.error).toMatch(/^Not run/);
    // The drag's end must not launch the refused settings again: the run state stays as it is.
    let writes = 0;
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.run !== prev.run) writes++;
    });
    vi.advanceTimersByTime(PREVIEW_POLICY.settleMs + 1000);
    unsubscribe();
    expect(writes).toBe(0);
    expect(worker.runs()).toHaveLength(posted);
  });

  it('runs a single change in full at once, however expensive', () => {
    begin(1024, 256);
    reply(worker, worker.lastRun().id, 10);
    vi.advanceTimersByTime(1000);
    setDepth(20);
    vi.advanceTimersByTime(FRAME_MS);
    expect(batches(worker)).toEqual([256, 256]);
    vi.advanceTimersByTime(5000);
    expect(worker.runs()).toHaveLength(2);
  });

  it('starts the full run as soon as the pointer is released', () => {
    begin(1024, 256);
    drag();
    releases.dispatchEvent(new Event('pointerup'));
    expect(batches(worker)).toEqual([256, 256, 16, 16, 16, 256]);
    expect(worker.lastRun().config.widths).toHaveLength(14);
    vi.advanceTimersByTime(PREVIEW_POLICY.settleMs + FRAME_MS);
    expect(worker.runs()).toHaveLength(6);
  });

  it('follows a change made after the preview finished with a preview and a full run of it', () => {
    begin(1024, 256);
    drag();
    reply(worker, worker.lastRun().id, 14, false);
    vi.advanceTimersByTime(DRAG_STEP_MS);
    setDepth(15);
    vi.advanceTimersByTime(PREVIEW_POLICY.settleMs + FRAME_MS);
    expect(batches(worker).slice(-2)).toEqual([16, 256]);
    expect(depths(worker).slice(-2)).toEqual([15, 15]);
  });

  it('records the simulation measure for the full run only, never for a preview', () => {
    begin(1024, 256, false);
    drag();
    const preview = worker.lastRun();
    reply(worker, preview.id, 14, false);
    vi.advanceTimersByTime(FRAME_MS);
    expect(store.getState().run.preview).not.toBeNull();
    notifyDrawn(store.getState().run.id, 14);
    expect(performance.getEntriesByName('simulation')).toHaveLength(0);
    vi.advanceTimersByTime(PREVIEW_POLICY.settleMs);
    reply(worker, worker.lastRun().id, 14);
    vi.advanceTimersByTime(FRAME_MS);
    notifyDrawn(store.getState().run.id, 14);
    const entries = performance.getEntriesByName('simulation');
    expect(entries).toHaveLength(1);
    expect((entries[0] as PerformanceMeasure).detail).toMatchObject({ depth: 14, runId: store.getState().run.id });
  });
});
