// How much memory and work a run would take, and whether that fits the budget. Settings that do
// not fit are refused up front with the estimate and a smaller setting that does fit: a run of
// hours would otherwise look exactly like a frozen tab, and a failed allocation like a crash.
// Pure arithmetic on the shape of the network, so every boundary (CLI, worker, UI) agrees.

import type { SimConfig } from './types';

export const BUDGET = {
  /** Float32 buffers the engine holds at once. Past this a tab risks being killed. */
  memoryBytes: 2 ** 30,
  /** Floating-point operations of one run: about a minute at ENGINE_FLOPS_PER_SECOND. */
  flops: 2e12,
} as const;

/** The wasm SIMD kernel's speed on a 2-core laptop-class machine (`npm run bench`). */
export const ENGINE_FLOPS_PER_SECOND = 40e9;

/**
 * Drawing one weight (seeded normal or uniform, then its statistics) costs about as much time as
 * 200–500 floating-point operations of the matrix product: measured by timing a batch-1 run,
 * which is almost all drawing, against a batch-512 run of the same network. Without it a narrow
 * batch would look free: depth 2000 × width 4096 × batch 1 is only 67 GFLOP of products but
 * 34 billion weights, minutes of work.
 */
export const WEIGHT_DRAW_FLOPS = 300;

const BYTES_PER_FLOAT = 4;

/** What the estimate needs of a config. */
export type RunShape = Pick<SimConfig, 'widths' | 'inputDim' | 'batch'> & Partial<Pick<SimConfig, 'architecture'>>;

export interface CostOptions {
  /** The backward pass also runs (δ for every layer). */
  gradients?: boolean;
}

export interface Cost {
  memoryBytes: number;
  /** Floating-point operations, counting each weight drawn as WEIGHT_DRAW_FLOPS. */
  flops: number;
  /** flops at ENGINE_FLOPS_PER_SECOND. */
  seconds: number;
}

/**
 * Memory: the kernel sizes its weight buffer for the widest layer on both sides (maxN², one
 * layer at a time: weights are drawn, used and overwritten) plus input and output buffers of
 * B·maxN each. The backward pass keeps checkpoints of B·maxN every k = ⌈√L⌉ layers and
 * recomputes one segment of k layers at a time: B·maxN·(L/k + k).
 * Work: 2·B·fan_in·fan_out per layer forward, plus drawing its fan_in·fan_out weights. Backward
 * recomputes the forward from the checkpoints (drawing the weights again) and multiplies twice
 * more (δ·Wᵀ, and φᵀ·δ for the weight gradient), drawing each layer's weights once more for δ·Wᵀ:
 * the products ×4, the draws ×3. Its weight-gradient product has the batch as inner dimension, so
 * the kernel's buffers grow to M = max(B, maxN) rows: M² + 2·M·maxN floats instead of
 * maxN² + 2·B·maxN, plus three B·maxN gradient buffers.
 */
export function estimateCost(shape: RunShape, options: CostOptions = {}): Cost {
  const B = shape.batch;
  const L = shape.widths.length;
  let macs = 0;
  let maxN = shape.inputDim;
  let fanIn = shape.inputDim;
  for (const n of shape.widths) {
    macs += fanIn * n;
    maxN = Math.max(maxN, n);
    fanIn = n;
  }
  let floats = maxN * maxN + 2 * B * maxN + maxN;
  let products = 2 * B * macs;
  let draws = macs;
  if (options.gradients) {
    const k = Math.ceil(Math.sqrt(L));
    const M = Math.max(B, maxN);
    floats = M * M + 2 * M * maxN + maxN + 3 * B * maxN + B * maxN * (L / k + k);
    products *= 4;
    draws *= 3;
    if (shape.architecture) {
      // architecture/forward.ts keeps a tensor per block (residual) or per layer (plain with a
      // norm) instead of √L checkpoints, and a residual block's m pre-activations on the way back.
      const a = shape.architecture;
      const kept = a.kind === 'residual' ? a.blocks + 1 + a.branchDepth : L + 1;
      floats = M * M + 2 * M * maxN + maxN + maxN * maxN + 6 * B * maxN + B * maxN * kept;
    }
  }
  const flops = products + WEIGHT_DRAW_FLOPS * draws;
  return { memoryBytes: floats * BYTES_PER_FLOAT, flops, seconds: flops / ENGINE_FLOPS_PER_SECOND };
}

export function fitsBudget(cost: Cost): boolean {
  return cost.flops <= BUDGET.flops && cost.memoryBytes <= BUDGET.memoryBytes;
}

type Dimension = 'batch' | 'width' | 'depth';

export interface Suggestion {
  dimension: Dimension;
  /** A power of two: the largest that fits with everything else unchanged. */
  value: number;
}

export type BudgetCheck = { ok: true; cost: Cost } | { ok: false; cost: Cost; suggestions: Suggestion[] };

const isConstant = (widths: readonly number[]) => widths.every((w) => w === widths[0]);

/** The shape with one dimension changed; the input dimension follows a constant width it equalled. */
function withDimension(shape: RunShape, dimension: Dimension, value: number): RunShape {
  const { widths } = shape;
  if (dimension === 'batch') return { ...shape, batch: value };
  if (dimension === 'depth') {
    const next = Array.from({ length: value }, (_, i) => widths[Math.min(i, widths.length - 1)]!);
    return { ...shape, widths: next };
  }
  return { ...shape, widths: widths.map(() => value), inputDim: shape.inputDim === widths[0] ? value : shape.inputDim };
}

/** Largest power of two below `current` that fits, or null. Cost only grows with each dimension. */
function largestFitting(shape: RunShape, dimension: Dimension, current: number, options: CostOptions): number | null {
  for (let v = 2 ** Math.floor(Math.log2(Math.max(1, current - 1))); v >= 1; v /= 2) {
    if (v < current && fitsBudget(estimateCost(withDimension(shape, dimension, v), options))) return v;
  }
  return null;
}

export function checkBudget(shape: RunShape, options: CostOptions = {}): BudgetCheck {
  const cost = estimateCost(shape, options);
  if (fitsBudget(cost)) return { ok: true, cost };
  const candidates: [Dimension, number][] = [['batch', shape.batch]];
  // A per-layer width profile has no single width to lower.
  if (isConstant(shape.widths)) candidates.push(['width', shape.widths[0]!]);
  // A residual network's depth is set by its blocks, which a depth suggestion cannot name.
  if (shape.architecture?.kind !== 'residual') candidates.push(['depth', shape.widths.length]);
  const suggestions: Suggestion[] = [];
  for (const [dimension, current] of candidates) {
    const value = largestFitting(shape, dimension, current, options);
    if (value !== null && suggestions.length < 2) suggestions.push({ dimension, value });
  }
  return { ok: false, cost, suggestions };
}

function trim(x: number): string {
  return x >= 10 ? String(Math.round(x)) : String(Number(x.toPrecision(2)));
}

export function formatFlops(flops: number): string {
  if (flops >= 1e12) return `${trim(flops / 1e12)} TFLOP`;
  if (flops >= 1e9) return `${trim(flops / 1e9)} GFLOP`;
  return `${trim(flops / 1e6)} MFLOP`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 2 ** 30) return `${trim(bytes / 2 ** 30)} GB`;
  return `${trim(bytes / 2 ** 20)} MB`;
}

export function formatSeconds(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  return `${trim(seconds / 3600)} h`;
}

/** How settings are named: words on the page, flags on the command line. */
export type Naming = 'words' | 'flags';

function named(naming: Naming, dimension: string, value: number | string): string {
  return naming === 'flags' ? `--${dimension} ${value}` : `${dimension} ${value}`;
}

function describeShape(shape: RunShape, naming: Naming): string {
  const { widths } = shape;
  const layers = isConstant(widths)
    ? [named(naming, 'depth', widths.length), named(naming, 'width', widths[0]!)]
    : [
        naming === 'flags'
          ? `--widths (${widths.length} layers up to ${Math.max(...widths)} wide)`
          : `${widths.length} layers up to ${Math.max(...widths)} wide`,
      ];
  return [...layers, named(naming, 'batch', shape.batch)].join(naming === 'flags' ? ' ' : ' × ');
}

/**
 * One line: what the settings need, what the limit is, and what to try instead, e.g.
 * "depth 2000 × width 4096 × batch 4096 needs 285 TFLOP (about 2 h here); the limit is
 * 2 TFLOP — try width 256 or depth 8".
 */
export function describeOverBudget(
  shape: RunShape,
  check: Extract<BudgetCheck, { ok: false }>,
  naming: Naming,
): string {
  const { cost } = check;
  const needs: string[] = [];
  const limits: string[] = [];
  if (cost.flops > BUDGET.flops) {
    needs.push(`${formatFlops(cost.flops)} (about ${formatSeconds(cost.seconds)} here)`);
    limits.push(formatFlops(BUDGET.flops));
  }
  if (cost.memoryBytes > BUDGET.memoryBytes) {
    needs.push(`${formatBytes(cost.memoryBytes)} of memory`);
    limits.push(`${formatBytes(BUDGET.memoryBytes)} of memory`);
  }
  const tries = check.suggestions.map((s) => named(naming, s.dimension, s.value));
  const advice = tries.length > 0 ? ` — try ${tries.join(' or ')}` : '';
  return `${describeShape(shape, naming)} needs ${needs.join(' and ')}; the limit is ${limits.join(' and ')}${advice}`;
}
