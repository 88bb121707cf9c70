// A residual network's stream x^k per block as the signal chart draws it: the same point kinds as
// the per-layer series (signalSeries.ts), with x = the block. The chart's "block" axis counts a
// plain network's layers as blocks of one: a plain layer is a block without the skip,
// x^k = φ(W x^{k−1}) against x^k = x^{k−1} + α·F(x^{k−1}), so both share the axis without
// rescaling anyone's curve (a depth-fraction axis would stretch a 10-layer net over a 64-block one
// and hide that the residual net is deeper), and each point still sits at an integer the
// tooltip and the keyboard can name.

import type { BlockGradient } from '../core/architecture/backward';
import type { BlockStats } from '../core/architecture/blockStats';
import type { GradientCurves } from './gradientSeries';
import { pointOf, type SeriesPoint, type SignalSeries } from './signalSeries';

/** What the chart's x axis counts. */
export type SignalUnit = 'layer' | 'block';

/** The live residual run, per block: the chart's input for its "block" axis. */
export interface StreamView {
  /** The blocks measured so far, in order (they stream in). */
  blocks: readonly BlockStats[];
  /** K, the number of blocks of the run. */
  count: number;
  /** The stream's theory q_k per block (index block − 1), known from the start; null where none. */
  theory: readonly (number | null)[];
  /** ∂L/∂x^k per block (index block − 1), arriving from the top block down. */
  gradients: readonly (BlockGradient | undefined)[];
}

/** The stream's measured and predicted second moment per block; a stream has no separate activations. */
export function streamSeries(view: StreamView): SignalSeries {
  return {
    measured: view.blocks.map((b) => pointOf(b.block, b.stream.secondMoment)),
    theory: view.theory.map((q, i) => pointOf(i + 1, q)),
    activations: [],
    activationsTheory: [],
  };
}

/** The stream's gradient per block, in the gradient curve's shape; missing blocks are gaps. */
export function streamGradientCurves(gradients: readonly (BlockGradient | undefined)[]): GradientCurves {
  const measured: SeriesPoint[] = [];
  const theory: SeriesPoint[] = [];
  for (let i = 0; i < gradients.length; i++) {
    const g = gradients[i];
    measured.push(pointOf(i + 1, g ? g.streamSecondMoment : null));
    theory.push(pointOf(i + 1, g ? g.theory : null));
  }
  return { measured, theory };
}

/** A sentence about layers, said of blocks (the readings' words are per layer). */
export function inBlocks(text: string): string {
  return text
    .replace(/\blayers\b/g, 'blocks')
    .replace(/\blayer\b/g, 'block')
    .replace(/\bLayers\b/g, 'Blocks')
    .replace(/\bLayer\b/g, 'Block');
}
