// What the Jacobian's spectra would cost, and whether that fits: the products run in float64 in
// plain JS (jacobian.ts), two orders of magnitude slower per operation than the engine's float32
// SIMD kernel, so a 4,096-wide product chain that the forward pass does in seconds would take hours.
// Refused up front, like any run past the budget, with the estimate and a setting that fits.

import {
  BUDGET,
  ENGINE_FLOPS_PER_SECOND,
  formatBytes,
  formatFlops,
  formatSeconds,
  WEIGHT_DRAW_FLOPS,
  type Naming,
} from '../budget';
import type { SimConfig } from '../types';

/**
 * Float64 multiply-adds per second of multiplyInto (×2 flops) on a 2-core laptop-class machine:
 * 1.9–2.8 GFLOP/s measured at widths 256–512 in Node; 1.5 leaves room for a busy machine.
 */
export const JACOBIAN_FLOPS_PER_SECOND = 1.5e9;

/** The same time as the run budget: BUDGET.flops at the engine's speed (50 s). */
export const JACOBIAN_BUDGET_SECONDS = BUDGET.flops / ENGINE_FLOPS_PER_SECOND;

export type JacobianShape = Pick<SimConfig, 'widths' | 'inputDim'>;

export interface JacobianCost {
  /** Float64 operations of the products, the Gram matrices and their eigenvalues. */
  flops: number;
  memoryBytes: number;
  seconds: number;
}

/**
 * Per input: 2·N_0·fan_in·fan_out for every layer after the first (M^1 is W^1, copied), and at
 * each reported layer a Gram matrix (m·n² with n = min(N_0, N_l), m = max) and its eigenvalues
 * ((4/3)·n³ for the Householder reduction). The weights are drawn once per layer for all inputs.
 * Memory: two N_0 × N_max float64 matrices per input, W in float32 and float64, a Gram matrix
 * and a transposed copy of M.
 */
export function estimateJacobianCost(shape: JacobianShape, layers: readonly number[], inputs: number): JacobianCost {
  const n0 = shape.inputDim;
  const last = Math.max(0, ...layers);
  let macs = 0;
  let draws = 0;
  let widest = n0;
  for (let l = 1; l <= last; l++) {
    const K = l === 1 ? n0 : shape.widths[l - 2]!;
    const N = shape.widths[l - 1]!;
    if (l > 1) macs += n0 * K * N;
    draws += K * N;
    widest = Math.max(widest, N);
  }
  let spectra = 0;
  for (const l of layers) {
    const N = shape.widths[l - 1]!;
    const n = Math.min(n0, N);
    spectra += Math.max(n0, N) * n * n + (4 / 3) * n ** 3;
  }
  const flops = inputs * (2 * macs + spectra);
  const n = Math.min(n0, widest);
  const memoryBytes = 8 * (2 * inputs * n0 * widest + widest * widest + n * n + n0 * widest) + 4 * widest * widest;
  const seconds = flops / JACOBIAN_FLOPS_PER_SECOND + (WEIGHT_DRAW_FLOPS * draws) / ENGINE_FLOPS_PER_SECOND;
  return { flops, memoryBytes, seconds };
}

export function fitsJacobianBudget(cost: JacobianCost): boolean {
  return cost.seconds <= JACOBIAN_BUDGET_SECONDS && cost.memoryBytes <= BUDGET.memoryBytes;
}

/**
 * One line when the spectra do not fit, naming the estimate, the limit and a width or depth that
 * fits (powers of two, the input dimension following a constant width it equalled); null when they fit.
 */
export function jacobianOverBudget(
  shape: JacobianShape,
  layersOf: (depth: number) => number[],
  inputs: number,
  naming: Naming,
): string | null {
  const cost = estimateJacobianCost(shape, layersOf(shape.widths.length), inputs);
  if (fitsJacobianBudget(cost)) return null;
  const fits = (s: JacobianShape) => fitsJacobianBudget(estimateJacobianCost(s, layersOf(s.widths.length), inputs));
  const tries: string[] = [];
  const width = shape.widths[0]!;
  if (shape.widths.every((w) => w === width)) {
    for (let v = 2 ** Math.floor(Math.log2(Math.max(1, width - 1))); v >= 1; v /= 2) {
      const smaller = { widths: shape.widths.map(() => v), inputDim: shape.inputDim === width ? v : shape.inputDim };
      if (v < width && fits(smaller)) {
        tries.push(naming === 'flags' ? `--width ${v}` : `width ${v}`);
        break;
      }
    }
  }
  const depth = shape.widths.length;
  for (let v = 2 ** Math.floor(Math.log2(Math.max(1, depth - 1))); v >= 1; v /= 2) {
    if (v < depth && fits({ ...shape, widths: shape.widths.slice(0, v) })) {
      tries.push(naming === 'flags' ? `--depth ${v}` : `depth ${v}`);
      break;
    }
  }
  const needs: string[] = [];
  if (cost.seconds > JACOBIAN_BUDGET_SECONDS)
    needs.push(`${formatFlops(cost.flops)} of float64 products (about ${formatSeconds(cost.seconds)} here)`);
  if (cost.memoryBytes > BUDGET.memoryBytes) needs.push(`${formatBytes(cost.memoryBytes)} of memory`);
  const limit = `the limit is about ${formatSeconds(JACOBIAN_BUDGET_SECONDS)} and ${formatBytes(BUDGET.memoryBytes)}`;
  const subject = naming === 'flags' ? '--jacobian' : "The Jacobian's spectra";
  return `${subject} on ${depth} layers up to ${Math.max(...shape.widths)} wide needs ${needs.join(' and ')}; ${limit}${tries.length ? ` — try ${tries.join(' or ')}` : ''}`;
}
