// The three normalizations at initialization (γ = 1, β = 0, the frameworks' defaults), forward
// and exact backward, on float32 tensors of B rows × N units (row-major):
//   batch — per unit over the B rows: (h − mean)/√(var + ε), the biased batch variance;
//   layer — per row over the N units, the same formula;
//   rms   — per row: h/√(mean(h²) + ε).
// Statistics are accumulated in float64 (two passes: mean, then the centred squares), each output
// rounded once to float32. The backward pass is the exact derivative, batch statistics included:
//   LayerNorm/BatchNorm: ∂L/∂h = (g − mean(g) − ĥ·mean(g⊙ĥ)) / √(var + ε)
//   RMSNorm:             ∂L/∂h = (g − ĥ·mean(g⊙ĥ)) / √(mean(h²) + ε)
// with the means over the same group as the forward statistics and ĥ the float64 normalized
// value (derivation in docs/residual.md).

import type { NormKind } from './spec';

export type ActiveNorm = Exclude<NormKind, 'none'>;

/** Each group's centre (0 for RMS) and 1/√(var + ε), kept from the forward pass for the backward one. */
export interface NormStats {
  center: Float64Array;
  invStd: Float64Array;
}

interface Groups {
  count: number;
  /** Distance between the first elements of consecutive groups. */
  groupStride: number;
  /** Distance between consecutive elements of a group. */
  step: number;
  size: number;
}

function groupsOf(kind: ActiveNorm, B: number, N: number): Groups {
  return kind === 'batch'
    ? { count: N, groupStride: 1, step: N, size: B }
    : { count: B, groupStride: N, step: 1, size: N };
}

export function newNormStats(kind: ActiveNorm, B: number, N: number): NormStats {
  const count = groupsOf(kind, B, N).count;
  return { center: new Float64Array(count), invStd: new Float64Array(count) };
}

/** out = N(x); out may be x itself. Fills `stats` when given. */
export function normForward(
  kind: ActiveNorm,
  x: Float32Array,
  B: number,
  N: number,
  eps: number,
  out: Float32Array,
  stats?: NormStats,
): void {
  const g = groupsOf(kind, B, N);
  for (let c = 0; c < g.count; c++) {
    const start = c * g.groupStride;
    const end = start + g.size * g.step;
    let center = 0;
    if (kind !== 'rms') {
      let sum = 0;
      for (let i = start; i < end; i += g.step) sum += x[i]!;
      center = sum / g.size;
    }
    let squares = 0;
    for (let i = start; i < end; i += g.step) {
      const d = x[i]! - center;
      squares += d * d;
    }
    const invStd = 1 / Math.sqrt(squares / g.size + eps);
    for (let i = start; i < end; i += g.step) out[i] = (x[i]! - center) * invStd;
    if (stats) {
      stats.center[c] = center;
      stats.invStd[c] = invStd;
    }
  }
}

/**
 * dx = ∂L/∂x given g = ∂L/∂N(x), x the forward input and `stats` its forward statistics. dx may
 * be g itself (each group reads all of its g before writing).
 */
export function normBackward(
  kind: ActiveNorm,
  x: Float32Array,
  g: Float32Array,
  B: number,
  N: number,
  stats: NormStats,
  dx: Float32Array,
): void {
  const gr = groupsOf(kind, B, N);
  const centred = kind !== 'rms';
  for (let c = 0; c < gr.count; c++) {
    const start = c * gr.groupStride;
    const end = start + gr.size * gr.step;
    const center = stats.center[c]!;
    const invStd = stats.invStd[c]!;
    let sumG = 0;
    let sumGH = 0;
    for (let i = start; i < end; i += gr.step) {
      const gi = g[i]!;
      sumG += gi;
      sumGH += gi * (x[i]! - center) * invStd;
    }
    const meanG = centred ? sumG / gr.size : 0;
    const meanGH = sumGH / gr.size;
    for (let i = start; i < end; i += gr.step) {
      const h = (x[i]! - center) * invStd;
      dx[i] = (g[i]! - meanG - h * meanGH) * invStd;
    }
  }
}
