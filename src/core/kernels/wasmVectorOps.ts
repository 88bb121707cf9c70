// The wasm kernel's element-wise steps of training (matmul.wat): in place on arrays inside its
// memory, the plain definitions (vectorOps.ts) for any other array.

import type { VectorOps } from './types';
import { jsVectorOps } from './vectorOps';

export interface VectorExports {
  relu(src: number, dst: number, n: number): void;
  reluMask(h: number, incoming: number, dst: number, n: number): void;
  sumRows(d: number, B: number, N: number, out: number): void;
  scale(g: number, dst: number, n: number, c: number): void;
  momentum(g: number, buf: number, dst: number, n: number, mu: number, c: number, first: number): void;
  adam(
    g: number,
    m: number,
    v: number,
    dst: number,
    n: number,
    beta1: number,
    oneMinusBeta1: number,
    beta2: number,
    oneMinusBeta2: number,
    stepSize: number,
    root2: number,
    eps: number,
  ): void;
  addFinite(p: number, d: number, n: number): number;
}

export function wasmVectorOps(memory: WebAssembly.Memory, e: VectorExports): VectorOps {
  // Up to four arrays, without a rest array: this runs several times per layer and step.
  const inside = (a: Float32Array, b: Float32Array, c: Float32Array = a, d: Float32Array = a): boolean =>
    a.buffer === memory.buffer &&
    b.buffer === memory.buffer &&
    c.buffer === memory.buffer &&
    d.buffer === memory.buffer;
  const js = jsVectorOps;
  return {
    relu(src, dst, n) {
      if (inside(src, dst)) e.relu(src.byteOffset, dst.byteOffset, n);
      else js.relu(src, dst, n);
    },
    reluMask(h, incoming, dst, n) {
      if (inside(h, incoming, dst)) e.reluMask(h.byteOffset, incoming.byteOffset, dst.byteOffset, n);
      else js.reluMask(h, incoming, dst, n);
    },
    sumRows(d, B, N, out) {
      if (inside(d, out)) e.sumRows(d.byteOffset, B, N, out.byteOffset);
      else js.sumRows(d, B, N, out);
    },
    scale(g, dst, n, c) {
      if (inside(g, dst)) e.scale(g.byteOffset, dst.byteOffset, n, c);
      else js.scale(g, dst, n, c);
    },
    momentum(g, buf, dst, n, mu, c, first) {
      if (inside(g, buf, dst)) e.momentum(g.byteOffset, buf.byteOffset, dst.byteOffset, n, mu, c, first ? 1 : 0);
      else js.momentum(g, buf, dst, n, mu, c, first);
    },
    adam(g, m, v, dst, n, a) {
      if (!inside(g, m, v, dst)) return js.adam(g, m, v, dst, n, a);
      e.adam(
        g.byteOffset,
        m.byteOffset,
        v.byteOffset,
        dst.byteOffset,
        n,
        a.beta1,
        a.oneMinusBeta1,
        a.beta2,
        a.oneMinusBeta2,
        a.stepSize,
        a.root2,
        a.eps,
      );
    },
    addFinite(p, d, n) {
      if (inside(p, d)) return e.addFinite(p.byteOffset, d.byteOffset, n) === 1;
      return js.addFinite(p, d, n);
    },
  };
}
