// Haar-random orthogonal matrices with Keras `Orthogonal` semantics: QR of a Gaussian matrix of
// shape (max, min), Q multiplied by sign(diag(R)) so the result is Haar-distributed (Mezzadri,
// Notices AMS 54, 2007), transposed when the target is wide, times the gain.

import { normal } from './normal';
import type { Sfc32 } from './rng';

/**
 * x[:, j] ← (I − s·v·vᵀ)·x[:, j] for columns j in [jStart, jEnd), touching rows k…m−1 only
 * (v lives in rows k…m−1 of column vCol of `v`). Both matrices are column-major with m rows, so
 * every loop is contiguous; four columns go together so each load of v serves four updates.
 */
function reflectColumns(
  v: Float64Array,
  vCol: number,
  x: Float64Array,
  m: number,
  k: number,
  s: number,
  jStart: number,
  jEnd: number,
): void {
  const vo = vCol * m;
  let j = jStart;
  for (; j + 4 <= jEnd; j += 4) {
    const c0 = j * m;
    const c1 = c0 + m;
    const c2 = c1 + m;
    const c3 = c2 + m;
    let d0 = 0;
    let d1 = 0;
    let d2 = 0;
    let d3 = 0;
    for (let i = k; i < m; i++) {
      const vi = v[vo + i]!;
      d0 += vi * x[c0 + i]!;
      d1 += vi * x[c1 + i]!;
      d2 += vi * x[c2 + i]!;
      d3 += vi * x[c3 + i]!;
    }
    d0 *= s;
    d1 *= s;
    d2 *= s;
    d3 *= s;
    for (let i = k; i < m; i++) {
      const vi = v[vo + i]!;
      x[c0 + i]! -= d0 * vi;
      x[c1 + i]! -= d1 * vi;
      x[c2 + i]! -= d2 * vi;
      x[c3 + i]! -= d3 * vi;
    }
  }
  for (; j < jEnd; j++) {
    const c = j * m;
    let d = 0;
    for (let i = k; i < m; i++) d += v[vo + i]! * x[c + i]!;
    d *= s;
    for (let i = k; i < m; i++) x[c + i]! -= d * v[vo + i]!;
  }
}

/**
 * In-place Householder QR of an m×n column-major matrix (m ≥ n). On return column k holds the
 * Householder vector v_k in rows k…m−1, with H_k = I − scale[k]·v_k·v_kᵀ; signOfR[k] is the sign
 * of R's diagonal entry.
 */
function householderQr(a: Float64Array, m: number, n: number, scale: Float64Array, signOfR: Float64Array): void {
  for (let k = 0; k < n; k++) {
    const col = k * m;
    let norm2 = 0;
    for (let i = col + k; i < col + m; i++) norm2 += a[i]! * a[i]!;
    const alpha = a[col + k]!;
    // R_kk = −sign(α)·‖a‖ so that α − R_kk adds magnitudes and never cancels.
    const rkk = alpha >= 0 ? -Math.sqrt(norm2) : Math.sqrt(norm2);
    signOfR[k] = rkk >= 0 ? 1 : -1;
    const v0 = alpha - rkk;
    const vNorm2 = norm2 - alpha * alpha + v0 * v0;
    if (vNorm2 === 0) {
      scale[k] = 0; // A zero column (probability 0): nothing to reflect.
      continue;
    }
    a[col + k] = v0;
    scale[k] = 2 / vNorm2;
    reflectColumns(a, k, a, m, k, 2 / vNorm2, k + 1, n);
  }
}

/**
 * The thin Q (m×n, column-major) = H_0·H_1·…·H_{n−1}·[I; 0], accumulated backwards. H_k touches
 * only rows ≥ k, and columns j < k of the product are still unit vectors there, so each step only
 * needs columns j ≥ k.
 */
function formThinQ(v: Float64Array, m: number, n: number, scale: Float64Array): Float64Array {
  const q = new Float64Array(m * n);
  for (let j = 0; j < n; j++) q[j * m + j] = 1;
  for (let k = n - 1; k >= 0; k--) {
    const s = scale[k]!;
    if (s !== 0) reflectColumns(v, k, q, m, k, s, k, n);
  }
  return q;
}

/**
 * Fill the row-major rows×cols `out` with gain·Q, Q Haar-orthogonal: orthonormal columns when
 * rows ≥ cols, orthonormal rows otherwise. Cost O(max·min²) in float64.
 */
export function fillOrthogonal(rng: Sfc32, rows: number, cols: number, gain: number, out: Float32Array): void {
  const m = Math.max(rows, cols);
  const n = Math.min(rows, cols);
  if (n === 0) return;
  // An m×n matrix of independent N(0, 1) entries, drawn column by column.
  const a = new Float64Array(m * n);
  for (let i = 0; i < a.length; i++) a[i] = normal(rng);
  const scale = new Float64Array(n);
  const signOfR = new Float64Array(n);
  householderQr(a, m, n, scale, signOfR);
  const q = formThinQ(a, m, n, scale);
  for (let j = 0; j < n; j++) {
    const g = gain * signOfR[j]!;
    const cj = j * m;
    if (rows >= cols) {
      // out[i][j] = g·Q[i][j]
      for (let i = 0; i < m; i++) out[i * cols + j] = g * q[cj + i]!;
    } else {
      // Wide: out = Qᵀ, so row j of out is column j of Q.
      for (let i = 0; i < m; i++) out[j * cols + i] = g * q[cj + i]!;
    }
  }
}
