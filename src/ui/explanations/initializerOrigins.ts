// Where each initializer comes from and what it assumes, next to the one-sentence `note` each
// table entry already carries. The note says what the rule does; this adds the reasoning behind it
// and the work to look up, as plain-text references (no links: the page loads nothing from outside).

const GLOROT =
  'Glorot & Bengio (2010), “Understanding the difficulty of training deep feedforward neural networks”, AISTATS.';
const HE = 'He, Zhang, Ren & Sun (2015), “Delving deep into rectifiers”, ICCV.';
const LECUN = 'LeCun, Bottou, Orr & Müller (1998), “Efficient BackProp”, in Neural Networks: Tricks of the Trade.';
const SAXE =
  'Saxe, McClelland & Ganguli (2014), “Exact solutions to the nonlinear dynamics of learning in deep linear neural networks”, ICLR.';
const KLAMBAUER = 'Klambauer, Unterthiner, Mayr & Hochreiter (2017), “Self-normalizing neural networks”, NeurIPS.';
const TORCH_LINEAR = 'PyTorch source: torch.nn.Linear.reset_parameters and torch.nn.init.kaiming_uniform_.';
const TFJS = 'TensorFlow.js source: tfjs-layers, initializers.ts (VarianceScaling with a normal distribution).';
const TF_CONTRIB = 'TensorFlow 1 source: tf.contrib.layers.variance_scaling_initializer.';
const TORCH_INIT = 'PyTorch source: torch.nn.init.trunc_normal_ and torch.nn.init.sparse_.';
const MARTENS = 'Martens (2010), “Deep learning via Hessian-free optimization”, ICML.';
const MISHKIN = 'Mishkin & Matas (2016), “All you need is a good init”, ICLR.';
const POOLE =
  'Poole, Lahiri, Raghu, Sohl-Dickstein & Ganguli (2016), “Exponential expressivity in deep neural networks through transient chaos”, NeurIPS.';
const KERAS =
  'Keras source: keras.initializers (VarianceScaling, RandomNormal, RandomUniform, TruncatedNormal, Constant).';

export interface InitializerOrigin {
  /** What the rule takes for granted about the network, and what happens when that is not so. */
  assumes: string;
  /** Papers or source files, as text. */
  sources: readonly string[];
}

const glorot: InitializerOrigin = {
  assumes:
    'Assumes units that behave linearly near zero (tanh, softsign, none). Keeping the forward signal needs Var(w) = 1/fan_in and keeping the backward gradient needs 1/fan_out; 2/(fan_in + fan_out) is the compromise between the two. With ReLU it loses half the signal per layer.',
  sources: [GLOROT],
};

const he: InitializerOrigin = {
  assumes:
    'Assumes ReLU units: a ReLU zeroes the negative half of its input and so discards half of the signal’s second moment, which Var(w) = 2/fan_in gives back. With other activations the factor 2 is wrong: under it GELU and SiLU fade with depth and ELU grows.',
  sources: [HE],
};

const lecun: InitializerOrigin = {
  assumes:
    'Assumes inputs with zero mean and unit variance and units that are close to linear near zero; then Var(w) = 1/fan_in keeps every layer’s output at unit variance.',
  sources: [LECUN],
};

const uncorrected: InitializerOrigin = {
  assumes:
    'Assumes the ±2σ cut does not matter. It does: cutting the tails keeps only 0.774 of the variance, and TensorFlow.js (like Keras up to 2.1.6) does not divide σ by 0.87963 to make up for it, so each layer shrinks the signal by that factor.',
  sources: [TFJS],
};

const contrib: InitializerOrigin = {
  assumes:
    'Its normal form multiplies the variance by 1.3 to make up for the ±2σ cut, an approximation of the exact 1/0.87963² = 1.2924; that leaves 0.59 % too much variance per layer, about ×1.34 after 50 layers. The uniform form needs no correction.',
  sources: [TF_CONTRIB],
};

const fixedScale = (what: string): InitializerOrigin => ({
  assumes: `Assumes nothing about the layer: ${what} is the same at every width, so σ_w² = fan_in·Var(w) grows with the width. It keeps the signal only when that product happens to suit the activation (about 1 for tanh or linear units, 2 for ReLU).`,
  sources: [KERAS],
});

const ORIGINS: Readonly<Record<string, InitializerOrigin>> = {
  glorot_uniform: glorot,
  glorot_normal: glorot,
  torch_xavier_normal: glorot,
  torch_xavier_uniform: glorot,
  tf1_xavier: { assumes: `${glorot.assumes} ${contrib.assumes}`, sources: [GLOROT, TF_CONTRIB] },
  tfjs_glorot_normal: { assumes: `${glorot.assumes} ${uncorrected.assumes}`, sources: [GLOROT, TFJS] },
  he_normal: he,
  he_uniform: he,
  torch_kaiming_normal: {
    assumes: `${he.assumes} PyTorch generalizes the 2 to gain² from calculate_gain: 1 for linear, 25/9 for tanh, 2/(1 + a²) for a leaky ReLU of slope a.`,
    sources: [HE],
  },
  torch_kaiming_uniform: {
    assumes: `${he.assumes} PyTorch generalizes the 2 to gain² from calculate_gain: 1 for linear, 25/9 for tanh, 2/(1 + a²) for a leaky ReLU of slope a.`,
    sources: [HE],
  },
  tf1_variance_scaling: {
    assumes: `With the default factor 2 this is He initialization. ${he.assumes} ${contrib.assumes}`,
    sources: [HE, TF_CONTRIB],
  },
  tfjs_he_normal: { assumes: `${he.assumes} ${uncorrected.assumes}`, sources: [HE, TFJS] },
  lecun_normal: {
    assumes: `${lecun.assumes} Paired with SELU it is self-normalizing (Klambauer et al. 2017): mean 0 and variance 1 are an attracting fixed point, so the signal returns to unit size on its own, layer after layer.`,
    sources: [LECUN, KLAMBAUER],
  },
  lecun_uniform: lecun,
  tfjs_lecun_normal: { assumes: `${lecun.assumes} ${uncorrected.assumes}`, sources: [LECUN, KLAMBAUER, TFJS] },
  variance_scaling: {
    assumes:
      'The rule behind Glorot, He and LeCun: Var(w) = scale/n. It assumes you choose scale for the activation (2 for ReLU, 1 for tanh, linear or SELU) and n for what must survive: fan_in the forward signal, fan_out the backward gradient, fan_avg a compromise.',
    sources: [GLOROT, HE, LECUN],
  },
  orthogonal: {
    assumes:
      'Orthogonal matrices preserve the length of every vector exactly, so a deep linear network stays an isometry: every singular value of its input–output map is 1 (dynamical isometry), and learning time need not grow with depth. Nonlinear units break this in part; for ReLU never exactly, for tanh near zero almost.',
    sources: [SAXE],
  },
  lsuv: {
    assumes:
      'Assumes that a unit output variance in every layer is what a deep network needs, whatever the activation, and measures the scale that gives it on one batch instead of deriving it from the fans. At infinite width that is the σ_w² that makes the length map’s q = 1 in every layer; for ReLU this is He’s σ_w² = 2 and the critical point, but for tanh it is σ_w² ≈ 2.5, on the chaotic side of the edge of chaos, so inputs still decorrelate with depth although the signal keeps its size.',
    sources: [MISHKIN, SAXE, POOLE],
  },
  identity: {
    assumes:
      'Assumes square layers and activations that pass positive values unchanged: the network starts as the identity map, so the signal’s size changes only through φ. It has no randomness, and on layers that are not square it cuts or pads with zeros.',
    sources: [KERAS],
  },
  torch_linear_default: {
    assumes:
      'Keeps an old convention, U(±1/√fan_in), written as kaiming_uniform_ with a = √5; Glorot & Bengio (2010) used it as their “standard” baseline. It gives σ_w² = 1/3, not 1 or 2, so a deep plain stack loses about two thirds of its signal per layer (five sixths with ReLU) unless normalization layers rescale it.',
    sources: [TORCH_LINEAR, GLOROT],
  },
  torch_trunc_normal: {
    assumes: `${fixedScale('the standard deviation').assumes} Its bounds a and b are absolute values, not multiples of σ: code written for Keras’s ±2σ cut gets no cut at all when σ is small (with σ = 0.02, ±2 is ±100σ).`,
    sources: [TORCH_INIT],
  },
  torch_sparse: {
    assumes: `Assumes each unit does best with a few strong inputs rather than many weak ones, as Martens (2010) found for Hessian-free training. ${fixedScale('the standard deviation').assumes}`,
    sources: [MARTENS, TORCH_INIT],
  },
  random_normal: fixedScale('the standard deviation'),
  random_uniform: fixedScale('the limit'),
  truncated_normal: {
    assumes: `${fixedScale('the standard deviation').assumes} The ±2σ cut is not corrected, so the realized variance is only 0.774σ².`,
    sources: [KERAS],
  },
  zeros: {
    assumes:
      'Assumes symmetry is harmless, and it is not: every unit computes the same value and receives the same gradient, so the units can never become different. Zeros suit biases, not hidden weights.',
    sources: [KERAS],
  },
  ones: {
    assumes:
      'Assumes symmetry is harmless, and it is not: every unit sums the same inputs and gets the same gradient, so the layer behaves like a single unit whose output grows with fan_in.',
    sources: [KERAS],
  },
};

export function initializerOrigin(id: string): InitializerOrigin | undefined {
  return ORIGINS[id];
}
