// The classic snippets: the two numpy lines and tf.contrib's variance_scaling_initializer in its
// named configurations (MSRA, Caffe, Glorot) and xavier_initializer(uniform=False), each with the
// exact line of code and what it really draws. numpy's randn is an untruncated normal; tf.contrib's
// normal is cut at ±2σ with σ scaled by √1.3, an approximate correction (σ_w² 0.59 % above nominal).

import { definePreset, type Preset } from './preset';

export const SNIPPET_PRESETS: readonly Preset[] = [
  definePreset({
    id: 'numpy-lecun',
    title: 'numpy: randn · √(1/n_in)',
    code: 'W = np.random.randn(n_out, n_in) * np.sqrt(1/n_in)',
    template:
      'The classic numpy line draws an untruncated normal of variance 1/n_in, so σ_w² = {0:frac}: with tanh that is the edge of chaos, and E[h²] drifts down to {1:3} at layer 30 (theory {2:3}), the gradients shrinking toward the input with it.',
    claims: [
      { quantity: 'theory.sigmaW2', layer: 1, value: 1 },
      { quantity: 'preactivation.secondMoment', layer: 30, value: 0.0156 },
      { quantity: 'theory.preactivationSecondMoment', layer: 30, value: 0.0178 },
    ],
    query: '?v=1&init=variance_scaling&act=tanh&dist=untruncated_normal',
  }),
  definePreset({
    id: 'numpy-xavier',
    title: 'numpy: randn · √(2/(n_in + n_out))',
    code: 'W = np.random.randn(n_out, n_in) * np.sqrt(2/(n_in + n_out))',
    template:
      'Glorot’s average of the fans, as an untruncated normal: on a network narrowing from 512 to 64 units each layer’s σ_w² = 2·n_in/(n_in + n_out) is above 1 ({0:3} at layer 2), yet tanh still fades E[h²] to {1:3} at layer 10 (theory {2:3}; Glorot & Bengio 2010).',
    claims: [
      { quantity: 'theory.sigmaW2', layer: 2, value: 1.12 },
      { quantity: 'preactivation.secondMoment', layer: 10, value: 0.0979 },
      { quantity: 'theory.preactivationSecondMoment', layer: 10, value: 0.0986 },
    ],
    query:
      '?v=1&init=variance_scaling&act=tanh&width=512,406,323,256,203,161,128,102,81,64&mode=fan_avg&dist=untruncated_normal',
  }),
  definePreset({
    id: 'contrib-msra',
    title: 'tf.contrib MSRA (He) initializer',
    code: "tf.contrib.layers.variance_scaling_initializer(factor=2.0, mode='FAN_IN', uniform=False)",
    template:
      'MSRA’s normal is cut at ±2σ with an approximate correction of the cut, so σ_w² = {0:4} rather than 2: the theory lets a ReLU signal grow by {1:4} per layer, to {2:3} at layer 30, close enough to He’s 2 that the signal keeps its size over these layers (He et al. 2015).',
    claims: [
      { quantity: 'theory.sigmaW2', layer: 1, value: 2.012 },
      { quantity: 'factor', of: 'theory.preactivationSecondMoment', from: 1, layer: 30, value: 1.006 },
      { quantity: 'theory.preactivationSecondMoment', layer: 30, value: 2.38 },
    ],
    query: '?v=1&init=tf1_variance_scaling',
  }),
  definePreset({
    id: 'contrib-caffe',
    title: 'tf.contrib Caffe initializer',
    code: "tf.contrib.layers.variance_scaling_initializer(factor=1.0, mode='FAN_IN', uniform=True)",
    template:
      'Caffe’s setting is uniform on ±√(3/n_in), σ_w² = {0:frac}: right for linear units, but ReLU halves the signal at every layer ({1:x}), to {2:sci} at layer 30 in theory.',
    claims: [
      { quantity: 'theory.sigmaW2', layer: 1, value: 1 },
      { quantity: 'factor', of: 'theory.preactivationSecondMoment', from: 1, layer: 30, value: 0.5 },
      { quantity: 'theory.preactivationSecondMoment', layer: 30, value: 1.9e-9 },
    ],
    query: '?v=1&init=tf1_variance_scaling&factor=1&uniform=1',
  }),
  definePreset({
    id: 'contrib-glorot',
    title: 'tf.contrib Glorot initializer',
    code: "tf.contrib.layers.variance_scaling_initializer(factor=1.0, mode='FAN_AVG', uniform=True)",
    template:
      'Uniform on ±√(3/n) with n the average of the fans, σ_w² = {0:frac} on equal widths: tanh sits at the edge of chaos and E[h²] fades to {1:3} at layer 30 (theory {2:3}; Glorot & Bengio 2010), the gradients shrinking toward the input with it.',
    claims: [
      { quantity: 'theory.sigmaW2', layer: 1, value: 1 },
      { quantity: 'preactivation.secondMoment', layer: 30, value: 0.0177 },
      { quantity: 'theory.preactivationSecondMoment', layer: 30, value: 0.0178 },
    ],
    query: '?v=1&init=tf1_variance_scaling&act=tanh&mode=fan_avg&factor=1&uniform=1',
  }),
  definePreset({
    id: 'contrib-xavier-normal',
    title: 'tf.contrib xavier_initializer(uniform=False)',
    code: 'tf.contrib.layers.xavier_initializer(uniform=False)',
    template:
      'Its normal form is cut at ±2σ with the same approximate correction, so σ_w² = {0:4}, not exactly 1; with tanh E[h²] fades to {1:3} at layer 30 (theory {2:3}), the gradients shrinking toward the input with it.',
    claims: [
      { quantity: 'theory.sigmaW2', layer: 1, value: 1.006 },
      { quantity: 'preactivation.secondMoment', layer: 30, value: 0.0204 },
      { quantity: 'theory.preactivationSecondMoment', layer: 30, value: 0.0194 },
    ],
    query: '?v=1&init=tf1_xavier&act=tanh&uniform=0',
  }),
];
