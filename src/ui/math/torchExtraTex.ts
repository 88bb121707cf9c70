// TeX for PyTorch's trunc_normal_ (absolute bounds a, b) and sparse_ (a fixed count of zeros per unit).

import { truncatedRangeMoments } from '../../core/extraLaws';
import { FAN_OUT, tex, texList, texSquared } from './tex';
import type { FamilyTex } from './varianceScalingTex';

export function truncRangeTex(mean: number, std: number, a: number, b: number): FamilyTex {
  const { variance } = truncatedRangeMoments(mean, std, a, b);
  return {
    lines: [
      texList([
        tex`w \sim \mathcal{N}(\mu, \sigma^2)\ \text{kept in}\ [a, b] = [${a}, ${b}]`,
        tex`\mu = ${mean},\ \sigma = ${std}\ \text{at any width}`,
      ]),
      tex`\mathrm{Var}(w) = \sigma^2\big(1 + \tfrac{\alpha\varphi(\alpha) - \beta\varphi(\beta)}{Z} - \big(\tfrac{\varphi(\alpha) - \varphi(\beta)}{Z}\big)^2\big) = ${variance}`,
    ],
    variance,
  };
}

export function sparseTex(fanOut: number, sparsity: number, std: number, zeros: number): FamilyTex {
  const kept = fanOut > 0 ? 1 - zeros / fanOut : 0;
  const variance = std * std * kept;
  return {
    lines: [
      texList([
        tex`w \sim \mathcal{N}(0, \sigma^2),\ \sigma = ${std}`,
        tex`\lceil ${sparsity}\cdot ${FAN_OUT} \rceil = ${zeros}\ \text{zeros per input unit}`,
      ]),
      tex`\mathrm{Var}(w) = \sigma^2\,(1 - ${zeros}/${fanOut}) = ${texSquared(std)}\cdot ${kept} = ${variance}`,
    ],
    variance,
  };
}
