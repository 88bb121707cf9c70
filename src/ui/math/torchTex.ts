// TeX for PyTorch's torch.nn.init rules (Xavier and Kaiming with calculate_gain's gain, all
// untruncated) and for nn.Linear's default U(±1/√fan_in) on weights and bias.

import { calculateGain } from '../../core/initializers';
import { FAN_IN, FAN_OUT, tex, texList, texSquared, type Tex } from './tex';
import type { FamilyTex } from './varianceScalingTex';

/** calculate_gain's value as a formula; one fixed template per nonlinearity. */
export function gainTex(nonlinearity: string, slope: number): Tex {
  const gain = calculateGain(nonlinearity, slope);
  switch (nonlinearity) {
    case 'tanh':
      return tex`\text{gain} = 5/3 = ${gain}`;
    case 'relu':
      return tex`\text{gain} = \sqrt{2} = ${gain}`;
    case 'leaky_relu':
      return tex`\text{gain} = \sqrt{2/(1+a^2)} = \sqrt{2/(1+${texSquared(slope)})} = ${gain}`;
    case 'selu':
      return tex`\text{gain} = 3/4`;
    default:
      // linear, sigmoid and the convolutions.
      return tex`\text{gain} = ${gain}`;
  }
}

export function xavierTex(fanIn: number, fanOut: number, gain: number, uniform: boolean): FamilyTex {
  const sum = Math.max(1, fanIn + fanOut);
  const std = gain * Math.sqrt(2 / sum);
  const variance = std * std;
  if (uniform) {
    const bound = Math.sqrt(3) * std;
    return {
      lines: [
        texList([
          tex`a = \text{gain}\,\sqrt{6/(${FAN_IN}+${FAN_OUT})} = ${gain}\,\sqrt{6/${sum}} = ${bound}`,
          tex`w \sim U(-a, a)`,
        ]),
        tex`\mathrm{Var}(w) = a^2/3 = ${variance}`,
      ],
      variance,
    };
  }
  return {
    lines: [
      texList([
        tex`\sigma = \text{gain}\,\sqrt{2/(${FAN_IN}+${FAN_OUT})} = ${gain}\,\sqrt{2/${sum}} = ${std}`,
        tex`w \sim \mathcal{N}(0, \sigma^2)\ \text{untruncated}`,
      ]),
      tex`\mathrm{Var}(w) = \sigma^2 = ${variance}`,
    ],
    variance,
  };
}

export interface KaimingChoice {
  slope: number;
  mode: string;
  nonlinearity: string;
}

export function kaimingTex(fanIn: number, fanOut: number, k: KaimingChoice, uniform: boolean): FamilyTex {
  const gain = calculateGain(k.nonlinearity, k.slope);
  const fanOutMode = k.mode === 'fan_out';
  const fan = Math.max(1, fanOutMode ? fanOut : fanIn);
  const fanSymbol = fanOutMode ? FAN_OUT : FAN_IN;
  const std = gain / Math.sqrt(fan);
  const variance = std * std;
  const gainLine = gainTex(k.nonlinearity, k.slope);
  if (uniform) {
    const bound = Math.sqrt(3) * std;
    return {
      lines: [
        gainLine,
        texList([
          tex`\text{bound} = \sqrt{3}\,\text{gain}/\sqrt{${fanSymbol}} = \sqrt{3}\cdot ${gain}/\sqrt{${fan}} = ${bound}`,
          tex`w \sim U(-\text{bound}, \text{bound})`,
        ]),
        tex`\mathrm{Var}(w) = \text{bound}^2/3 = \text{gain}^2/${fanSymbol} = ${variance}`,
      ],
      variance,
    };
  }
  return {
    lines: [
      gainLine,
      texList([
        tex`\sigma = \text{gain}/\sqrt{${fanSymbol}} = ${gain}/\sqrt{${fan}} = ${std}`,
        tex`w \sim \mathcal{N}(0, \sigma^2)\ \text{untruncated}`,
      ]),
      tex`\mathrm{Var}(w) = \sigma^2 = ${variance}`,
    ],
    variance,
  };
}

/** nn.Linear's reset_parameters: kaiming_uniform_(a = √5) is U(±1/√fan_in); the bias gets the same bound. */
export function linearDefaultTex(fanIn: number): FamilyTex {
  const bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
  const variance = (bound * bound) / 3;
  return {
    lines: [
      texList([
        tex`\text{bound} = 1/\sqrt{${FAN_IN}} = 1/\sqrt{${fanIn}} = ${bound}`,
        tex`w,\ b \sim U(-\text{bound}, \text{bound})`,
      ]),
      tex`\text{(kaiming\_uniform with } a = \sqrt{5}\text{: gain} = \sqrt{2/(1+5)} = \sqrt{1/3}\text{)}`,
      tex`\mathrm{Var}(w) = \mathrm{Var}(b) = \text{bound}^2/3 = 1/(3\,${FAN_IN}) = ${variance}`,
    ],
    variance,
  };
}
