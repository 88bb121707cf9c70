// The classic experiments of the gallery, each a link. Queries are written out literally (in the
// encoder's canonical form, which the tests check) so a preset reads exactly like the URL it opens.
// Sizes stay small (width ≤ 512, batch ≤ 256, depth ≤ 100) so each one runs in well under a second.
// Every figure a lesson states is a claim, held against the run by claims.test.ts (see preset.ts).

import { definePreset, type Preset } from './preset';

const FUNNEL = '512,406,323,256,203,161,128,102,81,64';

export const CLASSIC_PRESETS: readonly Preset[] = [
  definePreset({
    id: 'xavier-tanh',
    title: 'Xavier + tanh',
    template:
      'Glorot’s σ_w² = {0:frac} without a bias puts tanh at the edge of chaos, whose only fixed point is 0: E[h²] does not hold but falls like 1/(2·layer), to {1:3} at layer 50 (theory {2:3}), and the gradient reaching layer 1 is down to {3} (Glorot & Bengio 2010).',
    claims: [
      { quantity: 'theory.sigmaW2', layer: 1, value: 1 },
      { quantity: 'preactivation.secondMoment', layer: 50, value: 0.0115 },
      { quantity: 'theory.preactivationSecondMoment', layer: 50, value: 0.0104 },
      { quantity: 'gradient.secondMoment', layer: 1, value: 0.017 },
    ],
    query: '?v=1&init=glorot_uniform&act=tanh&depth=50&acts=1',
  }),
  definePreset({
    id: 'xavier-relu',
    title: 'Xavier + ReLU',
    template:
      'ReLU zeroes half of its input, so Xavier’s variance 1/n halves the signal at every layer ({0:x}): the theory leaves {1:sci} after 30 layers, this network {2:sci} (He et al. 2015).',
    claims: [
      { quantity: 'factor', of: 'theory.preactivationSecondMoment', from: 1, layer: 30, value: 0.5 },
      { quantity: 'theory.preactivationSecondMoment', layer: 30, value: 1.9e-9 },
      { quantity: 'preactivation.secondMoment', layer: 30, value: 2.5e-9 },
    ],
    query: '?v=1&init=glorot_uniform',
  }),
  definePreset({
    id: 'he-relu',
    title: 'He normal + ReLU',
    template:
      'He’s variance 2/n makes up for the half that ReLU discards: the theory holds E[h²] at {0} through all 50 layers and the gradients at {1}; one network of width 256 drifts a little below, to {2} at layer 50, as finite width predicts (He et al. 2015).',
    claims: [
      { quantity: 'theory.preactivationSecondMoment', layer: 50, value: 2 },
      { quantity: 'theory.gradientSecondMoment', layer: 1, value: 1 },
      { quantity: 'preactivation.secondMoment', layer: 50, value: 1.2 },
    ],
    query: '?v=1&depth=50',
  }),
  definePreset({
    id: 'xavier-vs-he',
    title: 'Xavier vs He on ReLU at depth 30',
    template:
      'One picture: He normal, pinned, keeps a 30-layer ReLU signal level, while Xavier’s variance 1/n halves it at every layer ({0:x}), down to {1:sci} in theory at layer 30.',
    claims: [
      { quantity: 'factor', of: 'theory.preactivationSecondMoment', from: 1, layer: 30, value: 0.5 },
      { quantity: 'theory.preactivationSecondMoment', layer: 30, value: 1.9e-9 },
    ],
    query: '?v=1&init=glorot_uniform&pin=init:he_normal',
  }),
  definePreset({
    id: 'normal-exploding',
    title: 'N(0, 1) weights: exploding',
    template:
      'A standard normal ignores the width, so each ReLU layer multiplies the mean square by n/2 = {0} until float32 overflows.',
    claims: [{ quantity: 'factor', of: 'theory.preactivationSecondMoment', from: 1, layer: 2, value: 128 }],
    query: '?v=1&init=random_normal&depth=50',
  }),
  definePreset({
    id: 'normal-vanishing',
    title: 'N(0, 0.01²) weights: vanishing',
    template:
      'With σ = 0.01 each tanh layer keeps only n·σ² = {0:%} of the mean square: after 30 layers the theory leaves {1:sci}.',
    claims: [
      { quantity: 'factor', of: 'theory.preactivationSecondMoment', from: 1, layer: 30, value: 0.0256 },
      { quantity: 'theory.preactivationSecondMoment', layer: 30, value: 1.7e-48 },
    ],
    query: '?v=1&init=random_normal&act=tanh&std=0.01',
  }),
  definePreset({
    id: 'standard-uniform-tanh',
    title: 'Glorot & Bengio’s “standard” U(±1/√n) + tanh',
    template:
      'The heuristic U(±1/√n) has variance 1/(3n), so once the signal is small each tanh layer keeps {0:%} of it and 30 layers leave {1:sci}; compare Xavier + tanh, their fix (Glorot & Bengio 2010).',
    claims: [
      { quantity: 'factor', of: 'theory.preactivationSecondMoment', from: 10, layer: 30, value: 1 / 3 },
      { quantity: 'theory.preactivationSecondMoment', layer: 30, value: 2.6e-15 },
    ],
    query: '?v=1&init=random_uniform&act=tanh&limit=0.0625',
  }),
  definePreset({
    id: 'zeros',
    title: 'All-zero weights',
    template:
      'Zero weights and no bias: every unit outputs {0} from the first layer on, and every gradient below the top layer is {1} too, so no update could tell the units apart.',
    claims: [
      { quantity: 'preactivation.secondMoment', layer: 1, value: 0 },
      { quantity: 'gradient.secondMoment', layer: 1, value: 0 },
    ],
    query: '?v=1&init=zeros',
  }),
  definePreset({
    id: 'selu-lecun',
    title: 'SELU + LeCun normal',
    template:
      'SELU with variance 1/n is self-normalizing: E[h²] is pulled back to {0} at every layer (measured: {1} at layer 50). The price is χ₁ = {2:3} > 1: gradients grow {3:x} per layer toward the input, to {4} at layer 1 (Klambauer et al. 2017).',
    claims: [
      { quantity: 'theory.preactivationSecondMoment', layer: 50, value: 1 },
      { quantity: 'preactivation.secondMoment', layer: 50, value: 1.02 },
      { quantity: 'theory.chi1', layer: 50, value: 1.07 },
      { quantity: 'factor', of: 'gradient.secondMoment', from: 50, layer: 1, value: 1.07 },
      { quantity: 'theory.gradientSecondMoment', layer: 1, value: 30 },
    ],
    query: '?v=1&init=lecun_normal&act=selu&depth=50',
  }),
  definePreset({
    id: 'torch-linear-relu',
    title: 'PyTorch nn.Linear default + ReLU',
    template:
      'nn.Linear’s U(±1/√n) gives σ_w² = {0:frac}, so each ReLU layer keeps {1:frac} of the mean square until only its bias is left: E[h²] falls from {2} to the bias’s floor, {3}, every input gives nearly the same output (correlation {4} by layer 6), and gradients shrink {5:x} per layer toward the input.',
    claims: [
      { quantity: 'theory.sigmaW2', layer: 1, value: 1 / 3 },
      { quantity: 'theory.chi1', layer: 1, value: 1 / 6 },
      { quantity: 'theory.preactivationSecondMoment', layer: 1, value: 0.33 },
      { quantity: 'theory.preactivationSecondMoment', layer: 30, value: 0.0016 },
      { quantity: 'correlation.theory', layer: 6, value: 0.99 },
      { quantity: 'factor', of: 'gradient.secondMoment', from: 30, layer: 1, value: 0.17 },
    ],
    query: '?v=1&init=torch_linear_default',
  }),
  definePreset({
    id: 'tanh-gain-chaos',
    title: 'tanh with PyTorch’s gain 5/3',
    template:
      'Gain 5/3 gives σ_w² = {0:frac}, past the edge of chaos at 1: E[h²] settles at q* = {1:3}, where χ₁ = {2:3} > 1, so gradients grow {3:x} per layer toward the input, to {4} at layer 1, and inputs that start close are pulled apart.',
    claims: [
      { quantity: 'theory.sigmaW2', layer: 1, value: 25 / 9 },
      { quantity: 'theory.preactivationSecondMoment', layer: 30, value: 1.18 },
      { quantity: 'theory.chi1', layer: 30, value: 1.21 },
      { quantity: 'factor', of: 'gradient.secondMoment', from: 30, layer: 10, value: 1.21 },
      { quantity: 'gradient.secondMoment', layer: 1, value: 150 },
    ],
    query: '?v=1&init=torch_kaiming_normal&act=tanh&nl=tanh',
  }),
  definePreset({
    id: 'tfjs-he',
    title: 'TF.js he_normal: the missing correction',
    template:
      'TF.js cuts He normal at ±2σ without rescaling, so each ReLU layer keeps {0:3} of the mean square: the theory leaves {1:sci} at layer 50 and this network {2:sci} (compare He normal + ReLU).',
    claims: [
      { quantity: 'factor', of: 'theory.preactivationSecondMoment', from: 1, layer: 50, value: 0.774 },
      { quantity: 'theory.preactivationSecondMoment', layer: 50, value: 5.4e-6 },
      { quantity: 'preactivation.secondMoment', layer: 50, value: 3.2e-6 },
    ],
    query: '?v=1&init=tfjs_he_normal&depth=50',
  }),
  definePreset({
    id: 'orthogonal-linear',
    title: 'Orthogonal + linear: exact isometry',
    template:
      'A random orthogonal matrix preserves every vector’s length, so a 100-layer linear network keeps each input’s size exactly: E[h²] is {0:4} at layer 1 and still {1:4} at layer 100 (Saxe et al. 2014).',
    claims: [
      { quantity: 'preactivation.secondMoment', layer: 1, value: 1.008 },
      { quantity: 'preactivation.secondMoment', layer: 100, value: 1.008 },
    ],
    query: '?v=1&init=orthogonal&act=linear&depth=100&width=64&hist=heatmap',
  }),
  definePreset({
    id: 'gelu-he',
    title: 'GELU with He init',
    template:
      'He’s factor 2 is exact only for ReLU: near 0, GELU(x) ≈ x/2 passes on a quarter of the mean square, so once the signal is small each layer halves it (χ₁ → {0}; {1:x} per layer from layer 30 on): E[h²] is {2:sci} at layer 50 (theory {3:sci}).',
    claims: [
      { quantity: 'theory.chi1', layer: 50, value: 0.5 },
      { quantity: 'factor', of: 'theory.preactivationSecondMoment', from: 30, layer: 50, value: 0.5 },
      { quantity: 'preactivation.secondMoment', layer: 50, value: 2.8e-12 },
      { quantity: 'theory.preactivationSecondMoment', layer: 50, value: 5.1e-12 },
    ],
    query: '?v=1&act=gelu&depth=50',
  }),
  definePreset({
    id: 'leaky-kaiming',
    title: 'Leaky ReLU with a matched Kaiming slope',
    template:
      'kaiming_normal with a = 0.2 uses gain √(2/(1 + a²)), exactly what a leaky ReLU of slope 0.2 needs for χ₁ = {0}: gradients keep their size, and the plotted E[h²] holds at 2/(1 + a²) = {1:3} (it is E[φ(h)²] that stays at 1); this network of width 256 drifts to {2} by layer 30, within finite width’s spread.',
    claims: [
      { quantity: 'theory.chi1', layer: 30, value: 1 },
      { quantity: 'theory.preactivationSecondMoment', layer: 30, value: 1.92 },
      { quantity: 'preactivation.secondMoment', layer: 30, value: 1.0 },
    ],
    query: '?v=1&init=torch_kaiming_normal&act=leaky_relu&a=0.2&slope=0.2',
  }),
  definePreset({
    id: 'xavier-bottleneck',
    title: 'Xavier through a bottleneck',
    template:
      'Glorot’s 2/(fan_in + fan_out) is a compromise: a linear signal grows {0:x} through each halving layer and shrinks {1:x} through each doubling one, from 1 to {2:3} at the 32-unit bottleneck and back to {3} at the top; the gradients, mirrored, end at {4} at layer 1.',
    claims: [
      { quantity: 'factor', of: 'theory.preactivationSecondMoment', from: 1, layer: 5, value: 4 / 3 },
      { quantity: 'factor', of: 'theory.preactivationSecondMoment', from: 5, layer: 9, value: 2 / 3 },
      { quantity: 'theory.preactivationSecondMoment', layer: 5, value: 3.16 },
      { quantity: 'theory.preactivationSecondMoment', layer: 9, value: 0.62 },
      { quantity: 'theory.gradientSecondMoment', layer: 1, value: 0.62 },
    ],
    query: '?v=1&init=glorot_normal&act=linear&width=512,256,128,64,32,64,128,256,512',
  }),
  definePreset({
    id: 'funnel-fan-in',
    title: 'Funnel 512 → 64: fan_in vs fan_out vs fan_avg',
    template:
      'variance_scaling with mode=fan_in keeps the forward signal at {0} through narrowing layers, but gradients shrink {1:x} per layer toward the wide input, to {2} at layer 1; the pins show fan_out and fan_avg.',
    claims: [
      { quantity: 'theory.preactivationSecondMoment', layer: 10, value: 1 },
      { quantity: 'factor', of: 'theory.gradientSecondMoment', from: 10, layer: 1, value: 0.79 },
      { quantity: 'gradient.secondMoment', layer: 1, value: 0.12 },
    ],
    query: `?v=1&init=variance_scaling&act=linear&width=${FUNNEL}&pin=init:variance_scaling~act:linear~width:${FUNNEL}~mode:fan_out&pin=init:variance_scaling~act:linear~width:${FUNNEL}~mode:fan_avg`,
  }),
  definePreset({
    id: 'funnel-fan-out',
    title: 'Funnel 512 → 64 with mode=fan_out',
    template:
      'Scaling by fan_out keeps the gradients at {0} all the way back, and the price is a forward signal that grows {1:x} per narrowing layer, to {2} at layer 10.',
    claims: [
      { quantity: 'theory.gradientSecondMoment', layer: 1, value: 1 },
      { quantity: 'factor', of: 'theory.preactivationSecondMoment', from: 1, layer: 10, value: 1.26 },
      { quantity: 'theory.preactivationSecondMoment', layer: 10, value: 8 },
    ],
    query: `?v=1&init=variance_scaling&act=linear&width=${FUNNEL}&mode=fan_out`,
  }),
  definePreset({
    id: 'funnel-fan-avg',
    title: 'Funnel 512 → 64 with mode=fan_avg (Glorot)',
    template:
      'fan_avg, Glorot’s compromise, lets the forward signal grow {0:x} per layer and the gradients shrink ×{1:3} per layer toward the input: neither kept, neither far off ({2:3} at layer 10, {3:3} at layer 1).',
    claims: [
      { quantity: 'factor', of: 'theory.preactivationSecondMoment', from: 1, layer: 10, value: 1.12 },
      { quantity: 'factor', of: 'theory.gradientSecondMoment', from: 10, layer: 1, value: 0.885 },
      { quantity: 'theory.preactivationSecondMoment', layer: 10, value: 2.66 },
      { quantity: 'theory.gradientSecondMoment', layer: 1, value: 0.333 },
    ],
    query: `?v=1&init=variance_scaling&act=linear&width=${FUNNEL}&mode=fan_avg`,
  }),
  definePreset({
    id: 'narrow-he-seeds',
    title: 'He + ReLU at width 16: one seed is not the theory',
    template:
      'At width 16 one He network is not the mean-field line: finite width drifts ln E[h²] down by about 5/(2n) per layer, so after 50 layers a seed ends orders of magnitude below the line’s {0} ({1:sci} for this one); Run 8 seeds shows the spread, which narrows as width grows.',
    claims: [
      { quantity: 'theory.preactivationSecondMoment', layer: 50, value: 2 },
      { quantity: 'preactivation.secondMoment', layer: 50, value: 1.1e-6 },
    ],
    query: '?v=1&depth=50&width=16',
  }),
];
