// Residual and normalized networks (docs/residual.md): why a ResNet needs branch scaling or
// normalization, what ReZero/SkipInit and Fixup do, and what a norm fixes and what it does not.
// The claims quote the theory (architecture/theory.ts): claimBand.ts has no finite-width band for
// these networks yet, and the run's measurement is drawn next to it.

import { definePreset, type Preset } from './preset';

export const RESIDUAL_PRESETS: readonly Preset[] = [
  definePreset({
    id: 'resnet-he',
    title: 'ResNet, He init, α = 1: the stream triples per block',
    template:
      'Each block adds its branch to the stream, and with He init the branch carries 2× the stream’s variance, so the variance triples every block (1 + α²·2): the first layer sees E[h²] = {0} in block 1 and {1:sci} in block 16 (theory), and the gradient at layer 1 is {2:sci} times the output’s (He et al. 2016).',
    claims: [
      { quantity: 'theory.preactivationSecondMoment', layer: 1, value: 2 },
      { quantity: 'theory.preactivationSecondMoment', layer: 31, value: 2.9e7 },
      { quantity: 'theory.gradientSecondMoment', layer: 1, value: 1.4e7 },
    ],
    query: '?v=1&res=1',
  }),
  definePreset({
    id: 'resnet-sqrt-k',
    title: 'ResNet with α = 1/√K: bounded',
    template:
      'Scaling every branch by 1/√K makes each block add only 2/K of the stream’s variance, so K blocks multiply it by at most e², bounded however many blocks there are: the last block’s first layer sees E[h²] = {0:3} in theory, against {1} in block 1.',
    claims: [
      { quantity: 'theory.preactivationSecondMoment', layer: 31, value: 11.7 },
      { quantity: 'theory.preactivationSecondMoment', layer: 1, value: 2 },
    ],
    query: '?v=1&res=1&bscale=1%2Fsqrt(K)',
  }),
  definePreset({
    id: 'resnet-1-k',
    title: 'ResNet with α = 1/K: nearly the identity',
    template:
      'With α = 1/K each block adds 2/K² of the stream’s variance: over all 16 blocks the stream hardly moves, and the last block’s first layer sees E[h²] = {0:3} (theory) against {1} in block 1. The branches learn slowly at first: their gradient is α² = 1/K² of the stream’s.',
    claims: [
      { quantity: 'theory.preactivationSecondMoment', layer: 31, value: 2.25 },
      { quantity: 'theory.preactivationSecondMoment', layer: 1, value: 2 },
    ],
    query: '?v=1&res=1&bscale=1%2FK',
  }),
  definePreset({
    id: 'rezero',
    title: 'ReZero / SkipInit: identity at initialization',
    template:
      'α = 0 makes every block the identity at initialization: the stream is the input at every block, each branch still computes (E[h²] = {0} at its first layer, theory), and no gradient reaches the branch weights yet ({1}) — training moves α first (Bachlechner et al. 2020; De & Smith 2020).',
    claims: [
      { quantity: 'theory.preactivationSecondMoment', layer: 31, value: 2 },
      { quantity: 'theory.gradientSecondMoment', layer: 1, value: 0 },
    ],
    query: '?v=1&res=1&bscale=0',
  }),
  definePreset({
    id: 'fixup',
    title: 'Fixup: zero last layers, scaled branches',
    template:
      'Fixup starts the last layer of every branch at zero and scales the others by K^(−1/(2m−2)), here to σ_w² = {0:frac}: every block is the identity at initialization, the stream keeps its variance, and each branch’s last layer gets the stream’s whole gradient ({1}) (Zhang et al. 2019).',
    claims: [
      { quantity: 'theory.sigmaW2', layer: 1, value: 0.125 },
      { quantity: 'theory.gradientSecondMoment', layer: 2, value: 1 },
    ],
    query: '?v=1&res=1&fixup=1',
  }),
  definePreset({
    id: 'pre-ln',
    title: 'Pre-LN: the stream grows linearly',
    template:
      'Pre-LN normalizes what each branch reads, not the stream: every branch sees E[h²] = {0:3} at its first layer (theory), so every block adds the same variance and the stream grows linearly, about 1 + 2k after k blocks, not geometrically. The gradient reaches layer 1 at {1:3} times the output’s (Xiong et al. 2020).',
    claims: [
      { quantity: 'theory.preactivationSecondMoment', layer: 31, value: 2 },
      { quantity: 'theory.gradientSecondMoment', layer: 1, value: 10.8 },
    ],
    query: '?v=1&res=1&norm=layer',
  }),
  definePreset({
    id: 'post-ln',
    title: 'Post-LN: forward reset every block — and the gradients?',
    template:
      'Post-LN normalizes the stream after every sum, so the forward signal resets each block: every branch’s first layer sees E[h²] = {0:3} (theory). Each norm divides the gradient by the sum’s spread and the branch adds some back: the gradient of the last block’s first layer is {1:2}, of layer 1 {2:2} (Xiong et al. 2020).',
    claims: [
      { quantity: 'theory.preactivationSecondMoment', layer: 31, value: 2 },
      { quantity: 'theory.gradientSecondMoment', layer: 31, value: 0.33 },
      { quantity: 'theory.gradientSecondMoment', layer: 1, value: 0.29 },
    ],
    query: '?v=1&res=1&norm=layer&npos=post',
  }),
  definePreset({
    id: 'plain-batchnorm',
    title: 'Plain net + BatchNorm: gradients explode toward the input',
    template:
      'BatchNorm after every layer pins the forward signal: E[h²] = {0:3} at layer 30 (theory), at any depth. Not the gradient: batch statistics couple the examples, and in a ReLU stack the gradient grows by about π/(π − 1) per layer toward the input, which no gradient-independent theory predicts — watch the gradient curve (Yang et al. 2019).',
    claims: [{ quantity: 'theory.preactivationSecondMoment', layer: 30, value: 1 }],
    query: '?v=1&norm=batch',
  }),
  definePreset({
    id: 'plain-layernorm-tanh',
    title: 'Plain net + LayerNorm with tanh',
    template:
      'LayerNorm before every tanh holds its input at unit scale, so E[h²] settles at {0:3} from layer 2 on (theory). But each norm divides the gradient by that spread and tanh′ does not make up for it: it grows ×{1:3} per layer toward the input, to {2:2} at layer 2.',
    claims: [
      { quantity: 'theory.preactivationSecondMoment', layer: 2, value: 0.394 },
      { quantity: 'factor', of: 'theory.gradientSecondMoment', from: 29, layer: 2, value: 1.17 },
      { quantity: 'theory.gradientSecondMoment', layer: 2, value: 78 },
    ],
    query: '?v=1&init=glorot_normal&act=tanh&norm=layer',
  }),
];
