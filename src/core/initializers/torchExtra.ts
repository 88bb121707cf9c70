// torch.nn.init.trunc_normal_ and torch.nn.init.sparse_, with PyTorch's parameters and defaults
// (laws in ../extraLaws.ts). Both are blind to the width: their σ_w² = fan_in·Var(w) grows with it.

import { realizedVariance } from '../distributions';
import { normalCdf } from '../gaussian';
import type { WeightLaw } from '../types';
import { fmt, pyFloat, readNumber, type NumberParam } from './paramValues';
import type { InitializerSpec } from './spec';

const meanParam: NumberParam = {
  kind: 'number',
  name: 'mean',
  label: 'Mean',
  default: 0,
  min: -100,
  max: 100,
  help: 'Mean of the normal before it is cut.',
};
const truncStd: NumberParam = {
  kind: 'number',
  name: 'std',
  label: 'Standard deviation',
  default: 1,
  min: 0,
  max: 100,
  help: 'Standard deviation of the normal before it is cut (PyTorch default 1).',
};
const lowParam: NumberParam = {
  kind: 'number',
  name: 'a',
  label: 'Lower bound a',
  default: -2,
  min: -100,
  max: 100,
  help: 'Absolute lower bound (not in units of std).',
};
const highParam: NumberParam = {
  kind: 'number',
  name: 'b',
  label: 'Upper bound b',
  default: 2,
  min: -100,
  max: 100,
  help: 'Absolute upper bound (not in units of std).',
};
const sparsityParam: NumberParam = {
  kind: 'number',
  name: 'sparsity',
  label: 'Sparsity',
  default: 0.1,
  min: 0,
  max: 1,
  help: 'Fraction of each unit’s incoming weights set to 0 (⌈sparsity·fan_out⌉ per input unit, as PyTorch counts them).',
};
const sparseStd: NumberParam = {
  kind: 'number',
  name: 'std',
  label: 'Standard deviation',
  default: 0.01,
  min: 0,
  max: 100,
  help: 'Standard deviation of the non-zero weights (PyTorch default 0.01).',
};

function truncLaw(
  p: Parameters<InitializerSpec['weightLaw']>[2],
): Extract<WeightLaw, { kind: 'truncated_normal_range' }> {
  return {
    kind: 'truncated_normal_range',
    mean: readNumber(p, meanParam),
    std: readNumber(p, truncStd),
    lo: readNumber(p, lowParam),
    hi: readNumber(p, highParam),
  };
}

/** PyTorch's count of zeros per column of its (out, in) weight: ⌈sparsity·out⌉. */
function sparseZeros(fanOut: number, sparsity: number): number {
  return Math.min(fanOut, Math.ceil(sparsity * fanOut));
}

export const TORCH_EXTRA_INITIALIZERS: readonly InitializerSpec[] = [
  {
    id: 'torch_trunc_normal',
    label: 'trunc_normal_ (PyTorch, absolute bounds a, b)',
    framework: 'torch',
    params: [meanParam, truncStd, lowParam, highParam],
    weightLaw: (_fanIn, _fanOut, p) => truncLaw(p),
    rule: (fanIn, fanOut, p) => {
      const law = truncLaw(p);
      if (!(law.hi > law.lo))
        return `a = ${fmt(law.lo)} ≥ b = ${fmt(law.hi)}: PyTorch raises here; every weight is taken as ${fmt(law.lo)}`;
      const alpha = law.std > 0 ? (law.lo - law.mean) / law.std : -Infinity;
      const beta = law.std > 0 ? (law.hi - law.mean) / law.std : Infinity;
      const kept = normalCdf(beta) - normalCdf(alpha);
      const std = Math.sqrt(realizedVariance(law, fanIn, fanOut));
      return `w ~ N(${fmt(law.mean)}, ${fmt(law.std)}²) kept in [a, b] = [${fmt(law.lo)}, ${fmt(law.hi)}], i.e. ${fmt(alpha)}σ … ${fmt(beta)}σ (mass ${fmt(kept)}): realized std = ${fmt(std)}, σ_w² = ${fmt(fanIn * std * std)}`;
    },
    snippet: (p) => {
      const law = truncLaw(p);
      return `torch.nn.init.trunc_normal_(w, mean=${pyFloat(law.mean)}, std=${pyFloat(law.std)}, a=${pyFloat(law.lo)}, b=${pyFloat(law.hi)})`;
    },
    note: 'PyTorch’s truncated normal cuts at the absolute values a and b (default ±2), not at ±2σ as Keras does: with std = 0.02 nothing is cut, with std = 1 it is the standard normal cut at ±2.',
  },
  {
    id: 'torch_sparse',
    label: 'sparse_ (PyTorch, Martens 2010)',
    framework: 'torch',
    params: [sparsityParam, sparseStd],
    weightLaw: (_fanIn, fanOut, p) => ({
      kind: 'sparse_normal',
      std: readNumber(p, sparseStd),
      cols: fanOut,
      zeros: sparseZeros(fanOut, readNumber(p, sparsityParam)),
    }),
    rule: (fanIn, fanOut, p) => {
      const std = readNumber(p, sparseStd);
      const zeros = sparseZeros(fanOut, readNumber(p, sparsityParam));
      const kept = fanOut > 0 ? 1 - zeros / fanOut : 0;
      return `w ~ N(0, ${fmt(std)}²), then ⌈sparsity·fan_out⌉ = ${zeros} of every input unit’s ${fanOut} weights set to 0: σ_w² = fan_in·std²·${fmt(kept)} = ${fmt(fanIn * std * std * kept)}`;
    },
    snippet: (p) =>
      `torch.nn.init.sparse_(w, sparsity=${pyFloat(readNumber(p, sparsityParam))}, std=${pyFloat(readNumber(p, sparseStd))})`,
    note: 'Martens (2010): a fixed number of non-zero weights per unit with a small std; blind to the width, so deep stacks vanish unless std is raised.',
  },
];
