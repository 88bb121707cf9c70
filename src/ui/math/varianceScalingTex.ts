// TeX for the variance-scaling family: Var(w) = scale/n with n = fan_in, fan_out or their
// average, as Keras draws it (truncated normal rescaled by 1/0.87963, uniform, or untruncated),
// as TF.js draws it (truncated without the correction) and as tf.contrib drew it (×1.3).

import { FAN_IN, FAN_OUT, tex, texList, type Tex } from './tex';

/** Standard deviation of N(0, 1) cut to (−2, 2), and its square: what the ±2σ cut keeps. */
export const TRUNCATION_STD = 0.87962566103423978;
export const TRUNCATION_VARIANCE = TRUNCATION_STD * TRUNCATION_STD;

/** tf.contrib's stand-in for the truncation correction 1/0.87963² = 1.29242. */
export const CONTRIB_FUDGE = 1.3;

export interface FamilyTex {
  lines: Tex[];
  /** Var(w) of one weight as these formulas compute it. */
  variance: number;
}

/** scale/n, symbolic and with numbers: 2/fan_in = 2/512. */
export interface Ratio {
  symbol: Tex;
  numbers: Tex;
  value: number;
}

/**
 * `scale` is a fixed number for the named presets (He: 2/fan_in) and a symbol for the general
 * initializers (scale/fan_in), where the person chooses it.
 */
export function varianceRatio(
  scale: number,
  scaleSymbol: Tex | null,
  mode: string,
  fanIn: number,
  fanOut: number,
): Ratio {
  const s = scaleSymbol ?? tex`${scale}`;
  if (mode === 'fan_avg') {
    const n = Math.max(1, (fanIn + fanOut) / 2);
    const twice = scaleSymbol ? tex`2\,${scaleSymbol}` : tex`${2 * scale}`;
    return { symbol: tex`${twice}/(${FAN_IN}+${FAN_OUT})`, numbers: tex`${2 * scale}/${2 * n}`, value: scale / n };
  }
  const n = Math.max(1, mode === 'fan_out' ? fanOut : fanIn);
  return { symbol: tex`${s}/${mode === 'fan_out' ? FAN_OUT : FAN_IN}`, numbers: tex`${scale}/${n}`, value: scale / n };
}

/** Keras: σ̃ = √(scale/n)/0.87963, cut at ±2σ̃, so the variance is exactly scale/n. */
export function kerasTex(r: Ratio, distribution: string): FamilyTex {
  if (distribution === 'uniform') return uniformTex(r, r.value);
  if (distribution === 'untruncated_normal') {
    const std = Math.sqrt(r.value);
    return {
      lines: [
        texList([
          tex`\sigma = \sqrt{${r.symbol}} = \sqrt{${r.numbers}} = ${std}`,
          tex`w \sim \mathcal{N}(0, \sigma^2)\ \text{untruncated}`,
        ]),
        tex`\mathrm{Var}(w) = \sigma^2 = ${r.symbol} = ${r.value}`,
      ],
      variance: r.value,
    };
  }
  const std = Math.sqrt(r.value) / TRUNCATION_STD;
  return {
    lines: [
      tex`\tilde\sigma = \sqrt{${r.symbol}}\,/\,0.87963 = \sqrt{${r.numbers}}\,/\,0.87963 = ${std}`,
      tex`w \sim \mathcal{N}(0, \tilde\sigma^2)\ \text{truncated at}\ {\pm}2\tilde\sigma = \pm ${2 * std}`,
      tex`\mathrm{Var}(w) = ${r.symbol} = ${r.numbers} = ${r.value}\ \text{exactly}`,
    ],
    variance: r.value,
  };
}

/** U(±√(3·ratio)): used by Keras's and tf.contrib's uniform forms alike. */
function uniformTex(r: Ratio, variance: number): FamilyTex {
  const limit = Math.sqrt(3 * r.value);
  return {
    lines: [
      texList([
        tex`\text{limit} = \sqrt{3\cdot ${r.symbol}} = \sqrt{3\cdot ${r.numbers}} = ${limit}`,
        tex`w \sim U(-\text{limit}, \text{limit})`,
      ]),
      tex`\mathrm{Var}(w) = \text{limit}^2/3 = ${r.symbol} = ${variance}`,
    ],
    variance,
  };
}

/** TF.js: σ = √(scale/n) cut at ±2σ and not rescaled, so only 0.77374 of the variance is left. */
export function uncorrectedTex(r: Ratio): FamilyTex {
  const std = Math.sqrt(r.value);
  const variance = TRUNCATION_VARIANCE * r.value;
  return {
    lines: [
      tex`\sigma = \sqrt{${r.symbol}} = \sqrt{${r.numbers}} = ${std}`,
      tex`w \sim \mathcal{N}(0, \sigma^2)\ \text{truncated at}\ {\pm}2\sigma = \pm ${2 * std}\ \text{without rescaling}`,
      tex`\mathrm{Var}(w) = 0.77374\cdot ${r.symbol} = 0.77374\cdot ${r.numbers} = ${variance}`,
    ],
    variance,
  };
}

/** tf.contrib: σ = √(1.3·factor/n) cut at ±2σ, so the variance is 1.3 × 0.77374 = 1.00586 × factor/n. */
export function contribTex(r: Ratio, uniform: boolean): FamilyTex {
  if (uniform) return uniformTex(r, r.value);
  const std = Math.sqrt(CONTRIB_FUDGE * r.value);
  const variance = CONTRIB_FUDGE * TRUNCATION_VARIANCE * r.value;
  return {
    lines: [
      tex`\sigma = \sqrt{1.3\cdot ${r.symbol}} = \sqrt{1.3\cdot ${r.numbers}} = ${std}`,
      tex`w \sim \mathcal{N}(0, \sigma^2)\ \text{truncated at}\ {\pm}2\sigma = \pm ${2 * std}`,
      tex`\mathrm{Var}(w) = 1.3\cdot 0.77374\cdot ${r.symbol} = 1.00586\cdot ${r.numbers} = ${variance}`,
    ],
    variance,
  };
}
