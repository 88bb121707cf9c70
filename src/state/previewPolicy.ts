// When a settings change gets a quick preview before its full run. A dragged slider sends a
// change every frame or two; on a large network each full run takes seconds, so without a preview
// the charts would freeze on the value where the drag began. The preview is the same network
// (same seed, so the same weights) pushed through a smaller batch, forward only; the full run for
// the settings the drag ends on always follows, and only it counts as the result.

import { checkBudget, estimateCost } from '../core/budget';
import type { SimConfig } from '../core/types';

export const PREVIEW_POLICY = {
  /**
   * A change this soon after the previous one belongs to a drag. Slider and key-repeat events
   * arrive every 16–50 ms while a person moves; 250 ms is longer than any such gap and shorter
   * than two deliberate clicks.
   */
  dragGapMs: 250,
  /** A drag has ended once the settings have been still this long (or the pointer or key is released). */
  settleMs: 200,
  /**
   * Full runs estimated under this need no preview: they come back within a couple of frames, and
   * a preview would only add a flicker between two pictures.
   */
  expensiveMs: 30,
  /**
   * Speed assumed for the estimate: a quarter of core/budget.ts's 40 GFLOP/s, since during a drag
   * the page renders on the same cores and a laptop on battery is slower than the benchmark one.
   */
  flopsPerSecond: 10e9,
  /**
   * Batch of a preview. Drawing a weight costs as much as ~300 operations of the product
   * (WEIGHT_DRAW_FLOPS), and a batch B costs 2·B per weight: at B = 16 the product is ~10 % of a
   * layer's work, so a smaller batch would barely be faster, while 16 inputs × the layer's width
   * still pool thousands of values into each second moment.
   */
  maxBatch: 16,
  /**
   * A preview must cost at most this share of the full run. One that is only 2× quicker (a
   * network whose cost is drawing its weights, where the batch hardly matters and only the
   * backward pass is saved) would replace one frozen picture by another, at the price of a second run.
   */
  maxCostShare: 0.25,
} as const;

export interface PreviewInfo {
  /** Batch the shown preview was run with. */
  batch: number;
  /** Batch of the full run that will replace it. */
  fullBatch: number;
}

/** Estimated milliseconds of engine work for a run, with or without the backward pass. */
export function estimateRunMs(config: SimConfig, backward: boolean): number {
  return (estimateCost(config, { gradients: backward }).flops / PREVIEW_POLICY.flopsPerSecond) * 1000;
}

/** Whether a change at `now` continues a drag: the previous change was recent, or its run is still going. */
export function continuesDrag(now: number, previousChangeAt: number, runInFlight: boolean): boolean {
  return runInFlight || now - previousChangeAt < PREVIEW_POLICY.dragGapMs;
}

/**
 * The config to preview `config` with during a drag, or null when the full run is cheap enough
 * to run at once, or a preview would save too little, or the full run will be refused over the
 * budget anyway (which takes no time). Only the batch changes: the seed, and with it every weight,
 * stays the same.
 */
export function previewConfigFor(config: SimConfig): SimConfig | null {
  if (!checkBudget(config).ok) return null;
  const fullMs = estimateRunMs(config, true);
  if (fullMs <= PREVIEW_POLICY.expensiveMs) return null;
  const preview = { ...config, batch: Math.min(config.batch, PREVIEW_POLICY.maxBatch) };
  if (estimateRunMs(preview, false) > PREVIEW_POLICY.maxCostShare * fullMs) return null;
  return preview;
}
