// The element-wise steps of training in plain TypeScript: the definitions the wasm kernel's SIMD
// versions (matmul.wat) reproduce bit for bit. Products and sums written in JS numbers are float64
// and rounded to float32 once, when stored; a float32 add is Math.fround of the float64 sum (see
// jsKernel.ts for why that is exact).

import { reluBits } from '../activations/piecewiseLinear';
import type { AdamStep, VectorOps } from './types';

const fr = Math.fround;

export const jsVectorOps: VectorOps = {
  relu: reluBits,
  reluMask(h, incoming, dst, n) {
    // A select, which V8 compiles without a branch (a branch per value mispredicts half the time).
    for (let i = 0; i < n; i++) dst[i] = h[i]! > 0 ? incoming[i]! : 0;
  },
  sumRows(d, B, N, out) {
    for (let j = 0; j < N; j++) {
      let s = 0;
      for (let b = 0; b < B; b++) s += d[b * N + j]!;
      out[j] = s;
    }
  },
  scale(g, dst, n, c) {
    for (let i = 0; i < n; i++) dst[i] = c * g[i]!;
  },
  momentum(g, buf, dst, n, mu, c, first) {
    for (let i = 0; i < n; i++) {
      const b = first ? g[i]! : fr(mu * buf[i]! + g[i]!);
      buf[i] = b;
      dst[i] = c * b;
    }
  },
  adam(g, m, v, dst, n, a: AdamStep) {
    for (let i = 0; i < n; i++) {
      const gi = g[i]!;
      const mi = fr(a.beta1 * m[i]! + a.oneMinusBeta1 * gi);
      const vi = fr(a.beta2 * v[i]! + a.oneMinusBeta2 * gi * gi);
      m[i] = mi;
      v[i] = vi;
      dst[i] = (-a.stepSize * mi) / (Math.sqrt(vi) / a.root2 + a.eps);
    }
  },
  addFinite(p, d, n) {
    let finite = true;
    for (let i = 0; i < n; i++) {
      const x = fr(p[i]! + d[i]!);
      p[i] = x;
      if (x - x !== 0) finite = false;
    }
    return finite;
  },
};
