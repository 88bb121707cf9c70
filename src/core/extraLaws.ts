// Two of PyTorch's weight laws that the other frameworks have no equivalent of:
//
// torch.nn.init.trunc_normal_(w, mean, std, a, b): N(mean, std²) restricted to the ABSOLUTE interval
// [a, b] (not mean ± 2σ), drawn by inverting the distribution function: u ~ U(Φ(α), Φ(β)) with
// α = (a − mean)/std, β = (b − mean)/std, then mean + std·Φ⁻¹(u), clamped to [a, b]. PyTorch does
// the same through erfinv on U(2Φ(α) − 1, 2Φ(β) − 1). With the defaults a = −2, b = 2 and a small
// std (0.02 is common) nothing is cut at all.
//
// torch.nn.init.sparse_(w, sparsity, std): N(0, std²), then in every column of PyTorch's (out, in)
// weight — every row of our (in, out) kernel — ⌈sparsity·out⌉ entries chosen uniformly without
// replacement are set to 0 (Martens 2010).

import { erfc, normalCdf, normalPdf } from './gaussian';
import type { Sfc32 } from './rng';

/** The standard normal quantile Φ⁻¹(p) (Acklam's rational approximation, then one Halley step on erfc: ~1e-15). */
export function normalQuantile(p: number): number {
  if (!(p > 0)) return p === 0 ? -Infinity : NaN;
  if (!(p < 1)) return p === 1 ? Infinity : NaN;
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = (q: number) =>
    (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
    ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  let x: number;
  if (p < 0.02425) {
    x = tail(Math.sqrt(-2 * Math.log(p)));
  } else if (p > 1 - 0.02425) {
    x = -tail(Math.sqrt(-2 * Math.log(1 - p)));
  } else {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
      (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
  }
  const e = 0.5 * erfc(-x / Math.SQRT2) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/** Mean and variance of N(mean, std²) restricted to [lo, hi] (the textbook truncated-normal moments). */
export function truncatedRangeMoments(
  mean: number,
  std: number,
  lo: number,
  hi: number,
): { mean: number; variance: number } {
  if (!(hi > lo)) return { mean: lo, variance: 0 };
  if (!(std > 0)) return { mean: Math.min(hi, Math.max(lo, mean)), variance: 0 };
  const alpha = (lo - mean) / std;
  const beta = (hi - mean) / std;
  const z = normalCdf(beta) - normalCdf(alpha);
  const pa = Number.isFinite(alpha) ? normalPdf(alpha) : 0;
  const pb = Number.isFinite(beta) ? normalPdf(beta) : 0;
  const shift = (pa - pb) / z;
  const aTerm = Number.isFinite(alpha) ? alpha * pa : 0;
  const bTerm = Number.isFinite(beta) ? beta * pb : 0;
  return { mean: mean + std * shift, variance: std * std * Math.max(0, 1 + (aTerm - bTerm) / z - shift * shift) };
}

/** Fills out[start, end) from trunc_normal_'s law by inverse CDF, each value clamped to [lo, hi] after rounding to float32. */
export function fillTruncatedRange(
  rng: Sfc32,
  out: Float32Array,
  start: number,
  end: number,
  mean: number,
  std: number,
  lo: number,
  hi: number,
): void {
  const flo = Math.fround(lo);
  const fhi = Math.fround(hi);
  if (!(hi > lo) || !(std > 0)) {
    out.fill(Math.min(fhi, Math.max(flo, Math.fround(mean))), start, end);
    return;
  }
  const pLo = normalCdf((lo - mean) / std);
  const pHi = normalCdf((hi - mean) / std);
  for (let j = start; j < end; j++) {
    const x = Math.fround(mean + std * normalQuantile(pLo + (pHi - pLo) * rng.nextFloat()));
    out[j] = x < flo ? flo : x > fhi ? fhi : x;
  }
}

let columnScratch = new Int32Array(0);

/**
 * Zeros `zeros` entries, chosen uniformly without replacement (a partial Fisher–Yates shuffle),
 * in each row of the `cols`-wide rows that make up out[start, end).
 */
export function zeroPerRow(
  rng: Sfc32,
  out: Float32Array,
  start: number,
  end: number,
  cols: number,
  zeros: number,
): void {
  if (zeros <= 0 || cols <= 0) return;
  if (columnScratch.length < cols) columnScratch = new Int32Array(cols);
  const index = columnScratch;
  for (let row = start; row < end; row += cols) {
    for (let i = 0; i < cols; i++) index[i] = i;
    for (let t = 0; t < Math.min(zeros, cols); t++) {
      const pick = t + Math.floor(rng.nextFloat() * (cols - t));
      const chosen = index[pick]!;
      index[pick] = index[t]!;
      index[t] = chosen;
      out[row + chosen] = 0;
    }
  }
}
