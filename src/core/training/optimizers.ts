// SGD, SGD with momentum and Adam in PyTorch's form and with its defaults:
//   sgd       Δ = −lr·g
//   momentum  buf = μ·buf + g (dampening 0, buf = g on the first step), Δ = −lr·buf
//   adam      m = β1·m + (1 − β1)·g, v = β2·v + (1 − β2)·g², Δ = −(lr/(1 − β1ᵗ))·m/(√v/√(1 − β2ᵗ) + ε)
//             with β1 = 0.9, β2 = 0.999 and PyTorch's ε = 1e-8 (Keras uses 1e-7) (Kingma & Ba, 2015).
// The update Δ is computed in float64 from float32 state and rounded once; the state is float32,
// as the frameworks keep it. Δ is written to a buffer before it is applied, so the trainer can
// measure the update-to-weight ratio of exactly what the step does.

import type { OptimizerId } from './types';

export const ADAM = { beta1: 0.9, beta2: 0.999, eps: 1e-8 } as const;

export interface Optimizer {
  /** Call once per step before update(): advances Adam's t. */
  beginStep(): void;
  /** Writes the update of parameter tensor `slot` (gradient g) into delta. */
  update(slot: number, g: Float32Array, delta: Float32Array): void;
}

export function createOptimizer(id: OptimizerId, lr: number, momentum: number, sizes: readonly number[]): Optimizer {
  const fr = Math.fround;
  if (id === 'sgd') {
    return {
      beginStep() {},
      update(_slot, g, delta) {
        for (let i = 0; i < g.length; i++) delta[i] = -lr * g[i]!;
      },
    };
  }
  if (id === 'momentum') {
    const bufs = sizes.map((n) => new Float32Array(n));
    let first = true;
    let started = false;
    return {
      beginStep() {
        first = !started;
        started = true;
      },
      update(slot, g, delta) {
        const buf = bufs[slot]!;
        for (let i = 0; i < g.length; i++) {
          const b = first ? g[i]! : fr(momentum * buf[i]! + g[i]!);
          buf[i] = b;
          delta[i] = -lr * b;
        }
      },
    };
  }
  const m = sizes.map((n) => new Float32Array(n));
  const v = sizes.map((n) => new Float32Array(n));
  let t = 0;
  let stepSize = 0;
  let root2 = 1;
  return {
    beginStep() {
      t++;
      stepSize = lr / (1 - ADAM.beta1 ** t);
      root2 = Math.sqrt(1 - ADAM.beta2 ** t);
    },
    update(slot, g, delta) {
      const ms = m[slot]!;
      const vs = v[slot]!;
      for (let i = 0; i < g.length; i++) {
        const gi = g[i]!;
        const mi = fr(ADAM.beta1 * ms[i]! + (1 - ADAM.beta1) * gi);
        const vi = fr(ADAM.beta2 * vs[i]! + (1 - ADAM.beta2) * gi * gi);
        ms[i] = mi;
        vs[i] = vi;
        delta[i] = (-stepSize * mi) / (Math.sqrt(vi) / root2 + ADAM.eps);
      }
    },
  };
}
