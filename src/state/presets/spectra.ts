// Beyond the mean: the input–output Jacobian's singular values (dynamical isometry) and PyTorch's
// SELU gain. The Jacobian presets open its panel (jacobian=1); their lessons state the theory's
// figures as claims, and the singular values they describe are checked by spectraPresets.test.ts.

import { definePreset, type Preset } from './preset';

export const SPECTRA_PRESETS: readonly Preset[] = [
  definePreset({
    id: 'jacobian-linear-orthogonal',
    title: 'Dynamical isometry: linear + orthogonal',
    template:
      'Orthogonal weights on a linear network keep every length: χ₁ = {0} at each of the 200 layers, and every singular value of the input–output Jacobian is 1 to float precision, so its spread stays 0 at any depth (Saxe et al. 2014; Pennington, Schoenholz & Ganguli 2017).',
    claims: [{ quantity: 'theory.chi1', layer: 200, value: 1 }],
    query: '?v=1&init=orthogonal&act=linear&depth=200&width=128&jacobian=1',
  }),
  definePreset({
    id: 'jacobian-linear-gaussian',
    title: 'Linear + Gaussian: the mean is 1, the spread is not',
    template:
      'Gaussian weights with σ_w² = {0} keep the mean squared singular value at ∏χ₁ = {1} through layer 50, yet the singular values spread out: free probability predicts Var(σ²)/E[σ²]² equal to the number of layers, so a few directions are stretched while most are squashed (Pennington, Schoenholz & Ganguli 2017).',
    claims: [
      { quantity: 'theory.sigmaW2', layer: 1, value: 1 },
      { quantity: 'theory.chi1', layer: 50, value: 1 },
    ],
    query: '?v=1&init=random_normal&act=linear&depth=50&std=0.0625&jacobian=1',
  }),
  definePreset({
    id: 'jacobian-tanh-orthogonal',
    title: 'tanh + orthogonal at σ_w² = 1',
    template:
      'At σ_w² = {0} tanh sits at the edge of chaos (χ₁ = {1} at layer 50): with orthogonal weights its Jacobian stays well conditioned, its singular values bunched together, because tanh′ is nearly 1 where the signal is small (Pennington, Schoenholz & Ganguli 2017). The signal still fades slowly, and the gradients shrink toward the input with it. Compare the Gaussian preset.',
    claims: [
      { quantity: 'theory.sigmaW2', layer: 1, value: 1 },
      { quantity: 'theory.chi1', layer: 50, value: 0.98 },
    ],
    query: '?v=1&init=orthogonal&act=tanh&depth=50&jacobian=1',
  }),
  definePreset({
    id: 'jacobian-tanh-gaussian',
    title: 'tanh + Gaussian at σ_w² = 1',
    template:
      'The same σ_w² = {0} and χ₁ = {1} at layer 50 as the orthogonal preset, so the same mean squared singular value: but Gaussian weights add their own spread at every layer, and the Jacobian’s singular values fan out over decades (Pennington, Schoenholz & Ganguli 2017). As in the orthogonal net, the gradients shrink toward the input while the signal fades.',
    claims: [
      { quantity: 'theory.sigmaW2', layer: 1, value: 1 },
      { quantity: 'theory.chi1', layer: 50, value: 0.98 },
    ],
    query: '?v=1&init=random_normal&act=tanh&depth=50&std=0.0625&jacobian=1',
  }),
  definePreset({
    id: 'jacobian-relu-orthogonal',
    title: 'ReLU + He-scaled orthogonal',
    template:
      'Orthogonal weights with He’s gain √2 hold χ₁ = {0} at layer 50, but ReLU’s derivative is 0 on half the units: E[φ′⁴]/E[φ′²]² = 2, so the spread grows by one per layer even without Gaussian weights. ReLU cannot reach dynamical isometry (Pennington, Schoenholz & Ganguli 2017).',
    claims: [{ quantity: 'theory.chi1', layer: 50, value: 1 }],
    query: '?v=1&init=orthogonal&depth=50&gain=1.41421356&jacobian=1',
  }),
  definePreset({
    id: 'selu-torch-gain',
    title: 'SELU in PyTorch: gain 3/4 vs “linear”',
    template:
      'PyTorch’s calculate_gain(’selu’) is 3/4, so kaiming_normal_ gives σ_w² = {0:frac} and SELU’s signal drifts down ({1:x} per layer, {2:sci} at layer 30), the gradients shrinking toward the input with it; the pinned nonlinearity=’linear’ gives σ_w² = 1, LeCun’s, which keeps SELU self-normalizing (Klambauer et al. 2017).',
    claims: [
      { quantity: 'theory.sigmaW2', layer: 1, value: 0.5625 },
      { quantity: 'factor', of: 'theory.preactivationSecondMoment', from: 1, layer: 30, value: 0.9 },
      { quantity: 'theory.preactivationSecondMoment', layer: 30, value: 0.028 },
    ],
    query: '?v=1&init=torch_kaiming_normal&act=selu&nl=selu&pin=init:torch_kaiming_normal~act:selu~nl:linear',
  }),
];
