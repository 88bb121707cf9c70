// The chosen initializer's rule as TeX with one layer's numbers filled in: one template per
// family, then σ_w² = fan_in·Var(w), the number the mean-field theory runs on. Pure, so the tests
// can check every template against KaTeX's parser and against the engine's own weight laws.

import { lawMean } from '../../core/distributions';
import type { InitializerSpec } from '../../core/initializers';
import { readBoolean, readEnum, readNumber } from '../../core/initializers/paramValues';
import type { ParamValues } from '../../core/types';
import {
  constantTex,
  identityTex,
  orthogonalTex,
  plainNormalTex,
  plainTruncatedTex,
  plainUniformTex,
} from './fixedScaleTex';
import { lsuvTex } from './lsuvTex';
import { FAN_IN, tex, type Tex } from './tex';
import { sparseTex, truncRangeTex } from './torchExtraTex';
import { kaimingTex, linearDefaultTex, xavierTex, type KaimingChoice } from './torchTex';
import { contribTex, kerasTex, uncorrectedTex, varianceRatio, type FamilyTex } from './varianceScalingTex';

export interface InitializerMath {
  /** Display formulas, in reading order, the σ_w² line last when the theory applies. */
  lines: Tex[];
  /** Var(w) (E[w²] for orthogonal and identity) as the formulas compute it. */
  variance: number;
  /** σ_w² = fan_in·Var(w); null when the weights' mean is not 0 and the length map does not apply. */
  sigmaW2: number | null;
}

type Template = (spec: InitializerSpec, fanIn: number, fanOut: number, p: ParamValues) => FamilyTex;

// A parameter the template needs but the spec lacks reads as NaN, which the tests catch.
function numberOf(spec: InitializerSpec, p: ParamValues, name: string): number {
  const param = spec.params.find((x) => x.name === name);
  return param?.kind === 'number' ? readNumber(p, param) : NaN;
}

function choiceOf(spec: InitializerSpec, p: ParamValues, name: string): string {
  const param = spec.params.find((x) => x.name === name);
  return param?.kind === 'enum' ? readEnum(p, param) : '';
}

function flagOf(spec: InitializerSpec, p: ParamValues, name: string): boolean {
  const param = spec.params.find((x) => x.name === name);
  return param?.kind === 'boolean' ? readBoolean(p, param) : false;
}

function kaimingChoice(spec: InitializerSpec, p: ParamValues): KaimingChoice {
  return {
    slope: numberOf(spec, p, 'a'),
    mode: choiceOf(spec, p, 'mode'),
    nonlinearity: choiceOf(spec, p, 'nonlinearity'),
  };
}

/** A named Keras preset: its scale, fan and distribution are fixed, so the formula shows numbers. */
function kerasPreset(scale: number, mode: string, distribution: string): Template {
  return (_spec, fanIn, fanOut) => kerasTex(varianceRatio(scale, null, mode, fanIn, fanOut), distribution);
}

function tfjsPreset(scale: number, mode: string): Template {
  return (_spec, fanIn, fanOut) => uncorrectedTex(varianceRatio(scale, null, mode, fanIn, fanOut));
}

const TEMPLATES: Readonly<Record<string, Template>> = {
  glorot_uniform: kerasPreset(1, 'fan_avg', 'uniform'),
  glorot_normal: kerasPreset(1, 'fan_avg', 'truncated_normal'),
  he_normal: kerasPreset(2, 'fan_in', 'truncated_normal'),
  he_uniform: kerasPreset(2, 'fan_in', 'uniform'),
  lecun_normal: kerasPreset(1, 'fan_in', 'truncated_normal'),
  lecun_uniform: kerasPreset(1, 'fan_in', 'uniform'),
  variance_scaling: (s, fanIn, fanOut, p) =>
    kerasTex(
      varianceRatio(numberOf(s, p, 'scale'), tex`\text{scale}`, choiceOf(s, p, 'mode'), fanIn, fanOut),
      choiceOf(s, p, 'distribution'),
    ),
  random_normal: (s, _fanIn, _fanOut, p) => plainNormalTex(numberOf(s, p, 'std')),
  random_uniform: (s, _fanIn, _fanOut, p) => plainUniformTex(numberOf(s, p, 'limit')),
  truncated_normal: (s, _fanIn, _fanOut, p) => plainTruncatedTex(numberOf(s, p, 'std')),
  zeros: (_s, fanIn) => constantTex(0, fanIn),
  ones: (_s, fanIn) => constantTex(1, fanIn),
  orthogonal: (s, fanIn, fanOut, p) => orthogonalTex(fanIn, fanOut, numberOf(s, p, 'gain')),
  identity: (s, fanIn, fanOut, p) => identityTex(fanIn, fanOut, numberOf(s, p, 'gain')),
  lsuv: (_s, fanIn, fanOut) => lsuvTex(fanIn, fanOut),
  torch_xavier_normal: (s, fanIn, fanOut, p) => xavierTex(fanIn, fanOut, numberOf(s, p, 'gain'), false),
  torch_xavier_uniform: (s, fanIn, fanOut, p) => xavierTex(fanIn, fanOut, numberOf(s, p, 'gain'), true),
  torch_kaiming_normal: (s, fanIn, fanOut, p) => kaimingTex(fanIn, fanOut, kaimingChoice(s, p), false),
  torch_kaiming_uniform: (s, fanIn, fanOut, p) => kaimingTex(fanIn, fanOut, kaimingChoice(s, p), true),
  torch_linear_default: (_s, fanIn) => linearDefaultTex(fanIn),
  torch_trunc_normal: (s, _fanIn, _fanOut, p) =>
    truncRangeTex(numberOf(s, p, 'mean'), numberOf(s, p, 'std'), numberOf(s, p, 'a'), numberOf(s, p, 'b')),
  torch_sparse: (s, _fanIn, fanOut, p) => {
    const law = s.weightLaw(_fanIn, fanOut, p);
    return sparseTex(
      fanOut,
      numberOf(s, p, 'sparsity'),
      numberOf(s, p, 'std'),
      law.kind === 'sparse_normal' ? law.zeros : NaN,
    );
  },
  tf1_variance_scaling: (s, fanIn, fanOut, p) =>
    contribTex(
      varianceRatio(numberOf(s, p, 'factor'), tex`\text{factor}`, choiceOf(s, p, 'mode'), fanIn, fanOut),
      flagOf(s, p, 'uniform'),
    ),
  tf1_xavier: (s, fanIn, fanOut, p) =>
    contribTex(varianceRatio(1, null, 'fan_avg', fanIn, fanOut), flagOf(s, p, 'uniform')),
  tfjs_he_normal: tfjsPreset(2, 'fan_in'),
  tfjs_glorot_normal: tfjsPreset(1, 'fan_avg'),
  tfjs_lecun_normal: tfjsPreset(1, 'fan_in'),
};

/** Whether an initializer id has a typeset rule (the tests require it for every one). */
export function hasInitializerTex(id: string): boolean {
  return Object.hasOwn(TEMPLATES, id);
}

export function initializerTex(
  spec: InitializerSpec,
  fanIn: number,
  fanOut: number,
  p: ParamValues,
): InitializerMath | null {
  const template = TEMPLATES[spec.id];
  if (!template) return null;
  const { lines, variance } = template(spec, fanIn, fanOut, p);
  // A data-dependent scale is measured per layer, so no σ_w² follows from the fans alone.
  if (spec.dataDependent) return { lines, variance, sigmaW2: null };
  // The same test as the engine's theory: structured matrices count as centred, a common
  // non-zero mean (all ones) moves every unit together and has no σ_w².
  const law = spec.weightLaw(fanIn, fanOut, p);
  const structured = law.kind === 'orthogonal' || law.kind === 'identity';
  if (!structured && lawMean(law, fanIn, fanOut) !== 0) return { lines, variance, sigmaW2: null };
  const sigmaW2 = fanIn * variance;
  const symbol = structured ? tex`\mathbb{E}[w^2]` : tex`\mathrm{Var}(w)`;
  const sigmaLine = tex`\sigma_w^2 = ${FAN_IN}\cdot ${symbol} = ${fanIn}\cdot ${variance} = ${sigmaW2}`;
  return { lines: [...lines, sigmaLine], variance, sigmaW2 };
}
