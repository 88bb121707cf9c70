// The classic experiments of the gallery, each a link. Queries are written out literally (in the
// encoder's canonical form, which the tests check) so a preset reads exactly like the URL it opens.
// Sizes stay small (width ≤ 512, batch ≤ 256, depth ≤ 100) so each one runs in well under a second.

import type { Preset } from './preset';

export const CLASSIC_PRESETS: readonly Preset[] = [
  {
    id: 'xavier-tanh',
    title: 'Xavier + tanh',
    lesson: 'Glorot’s normalized init keeps a tanh network’s signal in range through 50 layers, shrinking only slowly.',
    query: '?v=1&init=glorot_uniform&act=tanh&depth=50&acts=1',
  },
  {
    id: 'xavier-relu',
    title: 'Xavier + ReLU',
    lesson: 'ReLU zeroes half of its input, so Xavier’s variance 1/n halves the signal every layer: 30 layers leave about 10⁻⁹ (He et al. 2015).',
    query: '?v=1&init=glorot_uniform',
  },
  {
    id: 'he-relu',
    title: 'He normal + ReLU',
    lesson: 'He’s variance 2/n makes up for the half that ReLU discards: over 50 layers the signal neither vanishes nor explodes.',
    query: '?v=1&depth=50',
  },
  {
    id: 'xavier-vs-he',
    title: 'Xavier vs He on ReLU at depth 30',
    lesson: 'One picture: He normal, pinned, keeps a 30-layer ReLU signal level, while Xavier’s variance 1/n halves it at every layer down to about 10⁻⁹.',
    query: '?v=1&init=glorot_uniform&pin=init:he_normal',
  },
  {
    id: 'normal-exploding',
    title: 'N(0, 1) weights: exploding',
    lesson: 'A standard normal ignores the width, so each ReLU layer multiplies the mean square by n/2 = 128 until float32 overflows.',
    query: '?v=1&init=random_normal&depth=50',
  },
  {
    id: 'normal-vanishing',
    title: 'N(0, 0.01²) weights: vanishing',
    lesson: 'With σ = 0.01 each tanh layer keeps only n·σ² = 2.6 % of the mean square: after 30 layers about 10⁻⁴⁸ is left.',
    query: '?v=1&init=random_normal&act=tanh&std=0.01',
  },
  {
    id: 'standard-uniform-tanh',
    title: 'Glorot & Bengio’s “standard” U(±1/√n) + tanh',
    lesson: 'The heuristic U(±1/√n) has variance 1/(3n), so a tanh signal fades layer by layer; compare Xavier + tanh, their fix.',
    query: '?v=1&init=random_uniform&act=tanh&limit=0.0625',
  },
  {
    id: 'zeros',
    title: 'All-zero weights',
    lesson: 'Zero weights and no bias: every unit outputs 0 from the first layer on, and no gradient could tell them apart.',
    query: '?v=1&init=zeros',
  },
  {
    id: 'selu-lecun',
    title: 'SELU + LeCun normal',
    lesson: 'SELU with variance 1/n is self-normalizing: the signal is pulled back to mean 0 and variance 1 at every layer.',
    query: '?v=1&init=lecun_normal&act=selu&depth=50',
  },
  {
    id: 'torch-linear-relu',
    title: 'PyTorch nn.Linear default + ReLU',
    lesson: 'nn.Linear’s U(±1/√n) gives σ_w² = 1/3, so a deep ReLU stack shrinks sixfold per layer until only its bias is left.',
    query: '?v=1&init=torch_linear_default',
  },
  {
    id: 'tanh-gain-chaos',
    title: 'tanh with PyTorch’s gain 5/3',
    lesson: 'Gain 5/3 gives σ_w² = 25/9, past the edge of chaos at 1: the tanh signal holds a fixed size with many units saturated.',
    query: '?v=1&init=torch_kaiming_normal&act=tanh&nl=tanh',
  },
  {
    id: 'tfjs-he',
    title: 'TF.js he_normal: the missing correction',
    lesson: 'TF.js cuts He normal at ±2σ without rescaling, so each ReLU layer keeps 0.774 of the mean square: 50 layers leave 3·10⁻⁶ (compare He normal + ReLU).',
    query: '?v=1&init=tfjs_he_normal&depth=50',
  },
  {
    id: 'orthogonal-linear',
    title: 'Orthogonal + linear: exact isometry',
    lesson: 'A random orthogonal matrix preserves every vector’s length, so a 100-layer linear network keeps each input’s size exactly.',
    query: '?v=1&init=orthogonal&act=linear&depth=100&width=64&hist=heatmap',
  },
  {
    id: 'gelu-he',
    title: 'GELU with He init',
    lesson: 'He’s factor 2 is exact only for ReLU: GELU passes on less than half the mean square, so the signal drifts down with depth.',
    query: '?v=1&act=gelu&depth=50',
  },
  {
    id: 'leaky-kaiming',
    title: 'Leaky ReLU with a matched Kaiming slope',
    lesson: 'kaiming_normal with a = 0.2 uses gain √(2/(1 + a²)), exactly what a leaky ReLU of slope 0.2 needs to keep the signal at 1.',
    query: '?v=1&init=torch_kaiming_normal&act=leaky_relu&a=0.2&slope=0.2',
  },
  {
    id: 'xavier-bottleneck',
    title: 'Xavier through a bottleneck',
    lesson: 'Glorot’s 2/(fan_in + fan_out) is a compromise: a linear signal grows through narrowing layers and shrinks back as they widen.',
    query: '?v=1&init=glorot_normal&act=linear&width=512,256,128,64,32,64,128,256,512',
  },
  {
    id: 'funnel-fan-in',
    title: 'Funnel 512 → 64: fan_in vs fan_out vs fan_avg',
    lesson: 'variance_scaling with mode=fan_in keeps the forward signal at 1 through narrowing layers, but gradients shrink ×0.79 per layer toward the wide input; the pins show fan_out and fan_avg.',
    query: '?v=1&init=variance_scaling&act=linear&width=512,406,323,256,203,161,128,102,81,64&pin=init:variance_scaling~act:linear~width:512,406,323,256,203,161,128,102,81,64~mode:fan_out&pin=init:variance_scaling~act:linear~width:512,406,323,256,203,161,128,102,81,64~mode:fan_avg',
  },
  {
    id: 'funnel-fan-out',
    title: 'Funnel 512 → 64 with mode=fan_out',
    lesson: 'Scaling by fan_out keeps the gradients at 1 all the way back, and the price is a forward signal that grows ×1.26 at every narrowing layer.',
    query: '?v=1&init=variance_scaling&act=linear&width=512,406,323,256,203,161,128,102,81,64&mode=fan_out',
  },
  {
    id: 'funnel-fan-avg',
    title: 'Funnel 512 → 64 with mode=fan_avg (Glorot)',
    lesson: 'fan_avg, Glorot’s compromise, lets the forward signal grow ×1.12 and the gradients shrink ×0.89 per layer: neither kept, neither far off.',
    query: '?v=1&init=variance_scaling&act=linear&width=512,406,323,256,203,161,128,102,81,64&mode=fan_avg',
  },
  {
    id: 'narrow-he-seeds',
    title: 'He + ReLU at width 16: one seed is not the theory',
    lesson: 'At width 16 a “stable” He network wanders far from the mean-field line from seed to seed; Run 8 seeds shows the spread, which narrows as width grows.',
    query: '?v=1&depth=50&width=16',
  },
];
