// SGD, SGD with momentum and Adam in PyTorch's form and with its defaults:
//   sgd       Δ = −lr·g
//   momentum  buf = μ·buf + g (dampening 0, buf = g on the first step), Δ = −lr·buf
//   adam      m = β1·m + (1 − β1)·g, v = β2·v + (1 − β2)·g², Δ = −(lr/(1 − β1ᵗ))·m/(√v/√(1 − β2ᵗ) + ε)
//             with β1 = 0.9, β2 = 0.999 and PyTorch's ε = 1e-8 (Keras uses 1e-7) (Kingma & Ba, 2015).
// The update Δ is computed in float64 from float32 state and rounded once; the state is float32,
// as the frameworks keep it. Δ is written to a buffer before it is applied, so the trainer can
// measure the update-to-weight ratio of exactly what the step does.

import type { AdamStep, VectorOps } from '../kernels/types';
import { jsVectorOps } from '../kernels/vectorOps';
import type { OptimizerId } from './types';

export const ADAM = { beta1: 0.9, beta2: 0.999, eps: 1e-8 } as const;

export interface Optimizer {
  /** Call once per step before update(): advances Adam's t. */
  beginStep(): void;
  /** Writes the update of parameter tensor `slot` (gradient g) into delta. */
  update(slot: number, g: Float32Array, delta: Float32Array): void;
}

/**
 * The optimizer over parameter tensors of the given sizes. Its arithmetic is the kernel's vector
 * steps (kernels/vectorOps.ts defines them); `alloc` places its state, in the kernel's region for
 * the wasm kernel to update it in place.
 */
export function createOptimizer(
  id: OptimizerId,
  lr: number,
  momentum: number,
  sizes: readonly number[],
  ops: VectorOps = jsVectorOps,
  alloc: (n: number) => Float32Array = (n) => new Float32Array(n),
): Optimizer {
  if (id === 'sgd') {
    return {
      beginStep() {},
      update(_slot, g, delta) {
        ops.scale(g, delta, g.length, -lr);
      },
    };
  }
  if (id === 'momentum') {
    const bufs = sizes.map(alloc);
    let first = true;
    let started = false;
    return {
      beginStep() {
        first = !started;
        started = true;
      },
      update(slot, g, delta) {
        ops.momentum(g, bufs[slot]!, delta, g.length, momentum, -lr, first);
      },
    };
  }
  const m = sizes.map(alloc);
  const v = sizes.map(alloc);
  const step: AdamStep = {
    beta1: ADAM.beta1,
    oneMinusBeta1: 1 - ADAM.beta1,
    beta2: ADAM.beta2,
    oneMinusBeta2: 1 - ADAM.beta2,
    stepSize: 0,
    root2: 1,
    eps: ADAM.eps,
  };
  let t = 0;
  return {
    beginStep() {
      t++;
      step.stepSize = lr / (1 - ADAM.beta1 ** t);
      step.root2 = Math.sqrt(1 - ADAM.beta2 ** t);
    },
    update(slot, g, delta) {
      ops.adam(g, m[slot]!, v[slot]!, delta, g.length, step);
    },
  };
}
