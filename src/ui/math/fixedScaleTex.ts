// TeX for the initializers that ignore the layer's width (plain normal, uniform, truncated
// normal, constants) and for the structured ones (orthogonal, identity).

import { FAN_IN, FAN_OUT, tex, texList, texSquared } from './tex';
import { TRUNCATION_VARIANCE, type FamilyTex } from './varianceScalingTex';

export function plainNormalTex(std: number): FamilyTex {
  const variance = std * std;
  return {
    lines: [
      texList([tex`w \sim \mathcal{N}(0, \sigma^2)`, tex`\sigma = ${std}\ \text{at any width}`]),
      tex`\mathrm{Var}(w) = \sigma^2 = ${texSquared(std)} = ${variance}`,
    ],
    variance,
  };
}

export function plainUniformTex(limit: number): FamilyTex {
  const variance = (limit * limit) / 3;
  return {
    lines: [
      texList([tex`w \sim U(-\text{limit}, \text{limit})`, tex`\text{limit} = ${limit}\ \text{at any width}`]),
      tex`\mathrm{Var}(w) = \text{limit}^2/3 = ${texSquared(limit)}/3 = ${variance}`,
    ],
    variance,
  };
}

/** A fixed σ cut at ±2σ with no correction: the realized variance is 0.77374 σ². */
export function plainTruncatedTex(std: number): FamilyTex {
  const variance = TRUNCATION_VARIANCE * std * std;
  return {
    lines: [
      texList([
        tex`w \sim \mathcal{N}(0, \sigma^2)\ \text{truncated at}\ {\pm}2\sigma = \pm ${2 * std}`,
        tex`\sigma = ${std}\ \text{at any width, not rescaled}`,
      ]),
      tex`\mathrm{Var}(w) = 0.77374\,\sigma^2 = 0.77374\cdot ${texSquared(std)} = ${variance}`,
    ],
    variance,
  };
}

export function constantTex(value: 0 | 1, fanIn: number): FamilyTex {
  if (value === 0) return { lines: [tex`w = 0`, tex`\mathrm{Var}(w) = 0`], variance: 0 };
  return {
    lines: [
      texList([tex`w = 1`, tex`h_j = \textstyle\sum_{i=1}^{${fanIn}} x_i\ \text{for every unit } j`]),
      tex`\mathrm{Var}(w) = 0,\ \text{but}\ \mathbb{E}[w] = 1 \neq 0`,
    ],
    variance: 0,
  };
}

/** gain·Q with Q Haar-orthogonal: its squared entries sum to min(fan_in, fan_out). */
export function orthogonalTex(fanIn: number, fanOut: number, gain: number): FamilyTex {
  const big = Math.max(fanIn, fanOut, 1);
  const variance = (gain * gain) / big;
  const orthonormal =
    fanIn >= fanOut ? tex`Q^\top Q = I\ \text{(orthonormal columns)}` : tex`Q Q^\top = I\ \text{(orthonormal rows)}`;
  return {
    lines: [
      texList([tex`W = g\,Q`, tex`g = ${gain}`, orthonormal]),
      tex`\mathbb{E}[w^2] = g^2/\max(${FAN_IN}, ${FAN_OUT}) = ${texSquared(gain)}/${big} = ${variance}`,
    ],
    variance,
  };
}

/** gain·eye(fan_in, fan_out): min(fan_in, fan_out) entries equal gain, the rest 0. */
export function identityTex(fanIn: number, fanOut: number, gain: number): FamilyTex {
  const small = Math.min(fanIn, fanOut);
  const variance = (gain * gain * small) / Math.max(fanIn * fanOut, 1);
  return {
    lines: [
      texList([tex`W = g\,I_{${fanIn}\times ${fanOut}}`, tex`g = ${gain}`]),
      tex`\mathbb{E}[w^2] = g^2 \min(${FAN_IN}, ${FAN_OUT}) / (${FAN_IN}\,${FAN_OUT}) = ${texSquared(gain)}\cdot ${small}/(${fanIn}\cdot ${fanOut}) = ${variance}`,
    ],
    variance,
  };
}
