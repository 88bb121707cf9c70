// An independent plain-TypeScript reference for the tests: the norms and the plain/residual
// forward pass in float64, written from the definitions (issue contract) without the engine's
// code paths, taking the engine's weights as given.

import type { ActivationFns } from '../activations';
import type { NormKind } from './spec';

export type Matrix = Float64Array; // row-major

/** N(h) for h of B rows × N units, in float64. */
export function refNorm(kind: NormKind, h: Matrix, B: number, N: number, eps: number): Matrix {
  const out = new Float64Array(h);
  if (kind === 'none') return out;
  const at = (r: number, c: number) => r * N + c;
  if (kind === 'batch') {
    for (let c = 0; c < N; c++) {
      let mean = 0;
      for (let r = 0; r < B; r++) mean += h[at(r, c)]! / B;
      let v = 0;
      for (let r = 0; r < B; r++) v += (h[at(r, c)]! - mean) ** 2 / B;
      for (let r = 0; r < B; r++) out[at(r, c)] = (h[at(r, c)]! - mean) / Math.sqrt(v + eps);
    }
    return out;
  }
  for (let r = 0; r < B; r++) {
    const row = Array.from(h.subarray(r * N, (r + 1) * N));
    const mean = kind === 'layer' ? row.reduce((s, x) => s + x, 0) / N : 0;
    const v = row.reduce((s, x) => s + (x - mean) ** 2, 0) / N;
    row.forEach((x, c) => (out[at(r, c)] = (x - mean) / Math.sqrt(v + eps)));
  }
  return out;
}

export function refLinear(u: Matrix, B: number, K: number, W: Matrix, N: number, b: Matrix | null): Matrix {
  const h = new Float64Array(B * N);
  for (let r = 0; r < B; r++)
    for (let j = 0; j < N; j++) {
      let s = b ? b[j]! : 0;
      for (let k = 0; k < K; k++) s += u[r * K + k]! * W[k * N + j]!;
      h[r * N + j] = s;
    }
  return h;
}

export interface RefNet {
  kind: 'plain' | 'residual';
  norm: NormKind;
  position: 'pre' | 'post';
  eps: number;
  alpha: number;
  stem: boolean;
  blocks: number;
  m: number;
  widths: number[];
  inputDim: number;
  B: number;
  W: Matrix[];
  b: (Matrix | null)[];
  fns: ActivationFns;
}

export interface RefOutput {
  /** The tensor the loss reads: h^L (plain) or x^K (residual). */
  out: Matrix;
  /** h of every linear layer. */
  h: Matrix[];
  /** x^k for k = 1…K (residual). */
  streams: Matrix[];
}

const phi = (fns: ActivationFns, x: Matrix) => x.map((v) => fns.f(v));

export function refForward(net: RefNet, input: Matrix): RefOutput {
  const { B } = net;
  const h: Matrix[] = [];
  if (net.kind === 'plain') {
    let u = input;
    let K = net.inputDim;
    net.widths.forEach((N, l) => {
      const hl = refLinear(u, B, K, net.W[l]!, N, net.b[l]!);
      h.push(hl);
      u = phi(net.fns, refNorm(net.norm, hl, B, N, net.eps));
      K = N;
    });
    return { out: h.at(-1)!, h, streams: [] };
  }
  const N = net.widths[0]!;
  let x = input;
  let l = 0;
  if (net.stem) {
    x = refLinear(input, B, net.inputDim, net.W[0]!, N, net.b[0]!);
    h.push(x);
    l = 1;
  }
  const streams: Matrix[] = [];
  for (let k = 0; k < net.blocks; k++) {
    let u = net.position === 'pre' ? refNorm(net.norm, x, B, N, net.eps) : x;
    for (let j = 0; j < net.m; j++, l++) {
      const hj = refLinear(u, B, N, net.W[l]!, N, net.b[l]!);
      h.push(hj);
      u = j < net.m - 1 ? phi(net.fns, hj) : hj;
    }
    const y = x.map((v, i) => v + net.alpha * u[i]!);
    x = net.position === 'post' ? refNorm(net.norm, y, B, N, net.eps) : y;
    streams.push(x);
  }
  return { out: x, h, streams };
}

export function refLoss(net: RefNet, input: Matrix, g: Matrix): number {
  const { out } = refForward(net, input);
  let s = 0;
  for (let i = 0; i < out.length; i++) s += out[i]! * g[i]!;
  return s;
}
