// The width sweep, or "coordinate check" (Yang & Hu 2021; Yang et al. 2022): the same MLP at widths
// 64 … 4,096, and at each width the average |activation| of every hidden layer and of the output, in
// three parameterizations. At initialization only each weight's standard deviation matters:
//
//   standard (SP)  W¹ ~ N(0, g/d_in), hidden N(0, g/n), read-out N(0, 1/n)
//   NTK            W = w·√(g/fan_in), w ~ N(0, 1): the same values at initialization (the
//                  parameterizations differ in how gradients scale, which training would show)
//   μP             W¹ and hidden as SP, read-out N(0, 1/n²) (its 1/n read-out multiplier)
//
// with g the activation's σ_w² (2 for ReLU-like units, 1 otherwise). Hidden coordinates are then
// O(1) in every parameterization, so their lines are flat in width (theory slope 0); the output is
// a sum of n terms of size 1/√n (SP, NTK: slope 0) or 1/n (μP: |y| ~ n^(−1/2), slope −½).
//
// Built so training can plug in: `afterInit` may change the weights (e.g. 1–3 Adam steps) before
// the coordinates are measured; the theory slopes below are the initialization's.

import { getActivation } from '../activations';
import { fillWeights } from '../distributions';
import { createKernel } from '../kernels';
import type { MatmulKernel } from '../kernels/types';
import { Stream } from '../rng';
import type { Parameterization, SweepPoint, SweepSettings } from './widthSweepSpec';

export * from './widthSweepSpec';

/** One network of the sweep: its weight matrices (fan_in × fan_out, row-major), last one the read-out. */
export interface SweepNetwork {
  width: number;
  weights: Float32Array[];
  fans: [number, number][];
}

/** The activation's σ_w²: 2 for units that zero half their input, 1 otherwise. */
function gainSquared(activation: string): number {
  return activation === 'relu' || activation === 'leaky_relu' ? 2 : 1;
}

/** Standard deviation of layer `index` (0-based; the last is the read-out) at width n. */
export function sweepStd(
  p: Parameterization,
  activation: string,
  index: number,
  layers: number,
  n: number,
  inputDim: number,
): number {
  const g = gainSquared(activation);
  if (index === 0) return Math.sqrt(g / inputDim);
  if (index < layers - 1) return Math.sqrt(g / n);
  return p === 'mup' ? 1 / n : Math.sqrt(1 / n);
}

function meanAbs(x: Float32Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.abs(x[i]!);
  return s / n;
}

/** The network at one width, drawn from (seed, layer) streams that do not depend on the parameterization. */
export function drawSweepNetwork(settings: SweepSettings, n: number): SweepNetwork {
  const layers = settings.hiddenLayers + 1;
  const fans: [number, number][] = [];
  const weights: Float32Array[] = [];
  for (let i = 0; i < layers; i++) {
    const K = i === 0 ? settings.inputDim : n;
    const N = i === layers - 1 ? settings.outputDim : n;
    const w = new Float32Array(K * N);
    const std = sweepStd(settings.parameterization, settings.activation, i, layers, n, settings.inputDim);
    fillWeights({ kind: 'normal', mean: 0, std }, settings.seed, Stream.weights, i + 1, K, N, w);
    fans.push([K, N]);
    weights.push(w);
  }
  return { width: n, weights, fans };
}

/** Measures one network's coordinates on the sweep's input batch (N(0, 1) entries). */
export function measureSweepNetwork(settings: SweepSettings, net: SweepNetwork, kernel: MatmulKernel): SweepPoint {
  const act = getActivation(settings.activation);
  if (!act) throw new Error(`unknown activation ${settings.activation}`);
  const { apply } = act.make({});
  const B = settings.batch;
  const maxDim = Math.max(settings.inputDim, settings.outputDim, net.width);
  kernel.ensure(B, maxDim, maxDim);
  let x = new Float32Array(B * settings.inputDim);
  fillWeights({ kind: 'normal', mean: 0, std: 1 }, settings.seed, Stream.input, 0, B, settings.inputDim, x);
  const hidden: number[] = [];
  let output = 0;
  net.weights.forEach((w, i) => {
    const [K, N] = net.fans[i]!;
    kernel.x().set(x.subarray(0, B * K));
    kernel.w().set(w);
    kernel.run(B, K, N, false);
    const h = kernel.out().slice(0, B * N);
    if (i === net.weights.length - 1) {
      output = meanAbs(h, B * N);
      return;
    }
    const post = new Float32Array(B * N);
    apply(h, post, B * N);
    hidden.push(meanAbs(post, B * N));
    x = post;
  });
  return { width: net.width, hidden, output };
}

/** The sweep, one width at a time (streamed); `afterInit` may update the weights before measuring. */
export function* widthSweep(
  settings: SweepSettings,
  afterInit?: (net: SweepNetwork) => void,
  kernel: MatmulKernel = createKernel(),
): Generator<SweepPoint, void, void> {
  for (const n of settings.widths) {
    const net = drawSweepNetwork(settings, n);
    afterInit?.(net);
    yield measureSweepNetwork(settings, net, kernel);
  }
}
