// The worker's replies for one run, buffered between two writes into the store, and how a write
// folds them into the run state the charts read. Pure: the runner decides when to write.

import type { BlockGradient } from '../core/architecture/backward';
import type { BlockStats } from '../core/architecture/blockStats';
import type { GradientStats, LayerStats, LayerTheory, SimConfig } from '../core/types';
import type { PreviewInfo } from './previewPolicy';
import type { RunState } from './store';

/** Replies received since the last write. */
export interface Pending {
  started: { theory: LayerTheory[]; kernel: string } | null;
  layers: LayerStats[];
  samples: Float32Array[];
  preSamples: Float32Array[];
  gradients: { layer: number; stats: GradientStats; sample: Float32Array }[];
  outcome: { kind: 'done'; elapsedMs: number } | { kind: 'error'; message: string } | null;
  lastElapsedMs: number;
  /** Residual networks: blocks finished, and stream gradients (see RunState). */
  blocks: BlockStats[];
  blockGradients: BlockGradient[];
}

export const emptyPending = (): Pending => ({
  started: null,
  layers: [],
  samples: [],
  preSamples: [],
  gradients: [],
  outcome: null,
  lastElapsedMs: 0,
  blocks: [],
  blockGradients: [],
});

/** Blocks append in order; stream gradients go to index block − 1 as they arrive from the top. */
function withBlocks(base: RunState, pending: Pending): Pick<RunState, 'blocks' | 'blockGradients'> {
  const blocks = pending.blocks.length > 0 ? [...base.blocks, ...pending.blocks] : base.blocks;
  if (pending.blockGradients.length === 0) return { blocks, blockGradients: base.blockGradients };
  const blockGradients = base.blockGradients.slice();
  for (const g of pending.blockGradients) blockGradients[g.block - 1] = g;
  return { blocks, blockGradients };
}

/** The run the replies belong to, as the store will show it. */
export interface ShownRun {
  id: number;
  config: SimConfig;
  preview: PreviewInfo | null;
  /** An earlier write already put this run's `started` reply into the store. */
  shown: boolean;
}

/** Gradients arrive from the top layer down; each goes to index layer − 1, leaving the lower ones missing. */
function withGradients(base: RunState, arrived: Pending['gradients']): Pick<RunState, 'gradients' | 'gradientSamples'> {
  if (arrived.length === 0) return { gradients: base.gradients, gradientSamples: base.gradientSamples };
  const gradients = base.gradients.slice();
  const gradientSamples = base.gradientSamples.slice();
  for (const { layer, stats, sample } of arrived) {
    gradients[layer - 1] = stats;
    gradientSamples[layer - 1] = sample;
  }
  return { gradients, gradientSamples };
}

/** The run state after writing `pending` for `target`. */
export function applyReplies(current: RunState, target: ShownRun, pending: Pending): RunState {
  const { started, layers, samples, preSamples, gradients, outcome, lastElapsedMs } = pending;
  const shown = target.shown || started !== null;
  // A run that fails before its first reply (refused, or crashed twice) must not leave the
  // previous settings' results on screen as if they were these settings'.
  const cleared = outcome?.kind === 'error' && !shown;
  const fresh = {
    id: target.id,
    config: target.config,
    preview: target.preview,
    layers: [],
    samples: [],
    preSamples: [],
    gradients: [],
    gradientSamples: [],
    blocks: [],
    blockGradients: [],
  };
  const base: RunState = started
    ? { ...current, ...fresh, theory: started.theory, kernel: started.kernel }
    : cleared
      ? { ...current, ...fresh, preview: null, theory: [], kernel: '' }
      : current;
  // Replies before `started` cannot exist, so layers here always belong to this run.
  const run: RunState = {
    ...base,
    layers: layers.length > 0 ? [...base.layers, ...layers] : base.layers,
    samples: samples.length > 0 ? [...base.samples, ...samples] : base.samples,
    preSamples: preSamples.length > 0 ? [...base.preSamples, ...preSamples] : base.preSamples,
    ...withGradients(base, gradients),
    ...withBlocks(base, pending),
    elapsedMs:
      outcome?.kind === 'done'
        ? outcome.elapsedMs
        : layers.length + gradients.length > 0
          ? lastElapsedMs
          : base.elapsedMs,
  };
  run.progress = outcome?.kind === 'done' ? 1 : shown ? run.layers.length / target.config.widths.length : 0;
  // A finished preview stays 'running': the full run of the same settings is still to come, and
  // nothing that waits for a finished run (downloads, exports, timings) may take the preview for it.
  if (outcome?.kind === 'done')
    Object.assign(run, target.preview ? { slow: false } : { phase: 'done', slow: false, error: null });
  if (outcome?.kind === 'error') Object.assign(run, { phase: 'error', slow: false, error: outcome.message });
  return run;
}
