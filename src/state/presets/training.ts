// Training presets: what a good or bad initialization does once the network learns. Each opens the
// training panel (train=1) on a small data set, with any comparison pinned so both train on the
// same data and minibatches. The figures of a lesson are claims on the step-0 signal, checked like
// every preset's (claims.test.ts); the training outcome each lesson describes is checked by
// training.test.ts, which trains the preset's networks.

import { definePreset, type Preset } from './preset';

export const TRAINING_PRESETS: readonly Preset[] = [
  definePreset({
    id: 'train-xavier-vs-he',
    title: 'Training: Xavier stalls, He trains (30 ReLU layers)',
    template:
      'He et al. 2015 (Fig. 3) trained a 30-layer ReLU net that stalled under Xavier’s init and converged under theirs. Same here: Xavier’s signal shrinks {0:x} per layer, so the loss of the Xavier net (blue) stays at chance, ln 2, while the pinned He net, on the same data and minibatches, fits the circles.',
    claims: [{ quantity: 'factor', of: 'theory.preactivationSecondMoment', from: 1, layer: 30, value: 0.5 }],
    query: '?v=1&init=glorot_uniform&width=64&train=1&data=circles&opt=momentum&steps=300&pin=init:he_normal~width:64',
  }),
  definePreset({
    id: 'train-zeros',
    title: 'Training: all-zero weights never break the symmetry',
    template:
      'With every weight 0 (σ_w² = {0}) every unit outputs 0: all units of a layer compute the same thing and receive the same gradient — exactly 0, as the read-out’s weights are 0 too. No step can tell them apart: Adam moves only the biases, the weight gradient norms stay at 0 and the loss stays at chance, ln 2.',
    claims: [{ quantity: 'theory.sigmaW2', layer: 1, value: 0 }],
    query: '?v=1&init=zeros&depth=3&width=64&train=1&opt=adam&steps=300',
  }),
  definePreset({
    id: 'train-normal-1',
    title: 'Training: N(0, 1) weights diverge',
    template:
      'N(0, 1) ignores the width: with ReLU E[h²] grows {0:x} at each of the 30 layers, so the outputs are astronomically large before training starts. The first gradient step throws the weights past the largest float and the run stops: diverged.',
    claims: [{ quantity: 'factor', of: 'theory.preactivationSecondMoment', from: 1, layer: 30, value: 32 }],
    query: '?v=1&init=random_normal&width=64&train=1&data=circles&steps=300',
  }),
  definePreset({
    id: 'train-tanh-standard-vs-xavier',
    title: 'Training: tanh with the “standard” U(±1/√n) vs Xavier',
    template:
      'Deep tanh nets got stuck under the “standard” U(±1/√n) (Glorot & Bengio 2010): its σ_w² = {0:frac} shrinks the signal at every one of the 30 layers, and the loss stays at chance. The pinned Xavier net (σ_w² = 1) keeps the signal and learns the circles from the same minibatches.',
    claims: [{ quantity: 'theory.sigmaW2', layer: 2, value: 1 / 3 }],
    query:
      '?v=1&init=random_uniform&act=tanh&width=64&limit=0.125&train=1&data=circles&opt=momentum&steps=300&pin=init:glorot_uniform~act:tanh~width:64',
  }),
  definePreset({
    id: 'train-selu-lecun',
    title: 'Training: SELU + LeCun normal at depth 50',
    template:
      'SELU with LeCun normal weights is self-normalizing (Klambauer et al. 2017): the theory holds E[h²] at {0} through all 50 layers, so even this plain 50-layer net, without normalization layers or skips, learns with plain SGD. How far it gets in these steps depends on the seed: try a few.',
    claims: [{ quantity: 'theory.preactivationSecondMoment', layer: 50, value: 1 }],
    query: '?v=1&init=lecun_normal&act=selu&depth=50&width=64&train=1&data=circles&lr=0.03&steps=300',
  }),
  definePreset({
    id: 'train-plain-vs-residual',
    title: 'Training: a deep plain net vs a residual net of the same depth',
    template:
      'A right-sized signal is not enough at depth 60: with He init the theory holds E[h²] at {0} through every layer of the plain ReLU net (blue), yet on these minibatches its loss stays near chance, ln 2. The pinned residual net of the same depth, its layers in blocks of two and each branch scaled by α = 1/√K, adds every block to an identity path, and it learns the spiral (He et al. 2016).',
    claims: [{ quantity: 'theory.preactivationSecondMoment', layer: 60, value: 2 }],
    query:
      '?v=1&depth=60&width=64&train=1&opt=momentum&steps=300&pin=init:he_normal~width:64~res:1~blocks:30~bscale:1%2Fsqrt(K)',
  }),
];
