// Whether a run bears out a claim (preset.ts), and by how much it may miss.
//
// Theory (`theory.*`, `correlation.theory`, and factors of them). The mean-field values are
// computed, not sampled: the claim holds when the run's value prints exactly as the claim does in
// every format the lesson shows it in. Nothing is left to chance, so no band.
//
// Measured (`preactivation.secondMoment`, `gradient.secondMoment`, and factors of them). One
// network of finite width lands off the mean-field value q by a random factor: ln(v/q) has mean m
// and standard deviation s, derived layer by layer in finiteWidth.ts (forward) and
// gradientSpread.ts (backward) for this very configuration. A claim c is what the lesson says
// the chart shows; it is either the theory's value (then ln(v/c) = ln(v/q) lies within |m| + 4s)
// or the value a network typically shows (within 4s of it). So the claim holds when
//   |ln(v/c)| ≤ |m| + 4s + p,
// p being how coarsely the lesson prints c (half a unit of its last digit, relative; half a decade
// for a power of ten). Four standard deviations leave a false failure rate of about 6e-5 per
// claim, as in the engine's own theory tests. A factor over k layers from a to b is
// (v_b/v_a)^(1/k); its logarithm is off by (ln(v_b/q_b) − ln(v_a/q_a))/k, and since the two
// layers' offsets are correlated by an unknown amount their standard deviations add (Minkowski):
//   |ln(g_measured/g_claimed)| ≤ (|m_b − m_a| + 4(s_a + s_b))/k + p.
// A value of exactly 0 (a dead network) must be measured as exactly 0.
//
// Where finiteWidth.ts does not apply (a layer whose theory overflowed, or a configuration it
// does not model) there is no band, and a measured claim there fails: claim the theory instead.

import { getActivation } from '../../core/activations';
import { logSpread, type LogSpread } from '../../core/finiteWidth';
import { gradientLogSpread } from '../../core/gradientSpread';
import { theoryFor } from '../../core/network';
import type { LayerRecord } from '../../core/records';
import type { SimConfig } from '../../core/types';
import { observedValue } from './claimValue';
import { CLAIM_FORMATS, type Claim, type ClaimPath } from './preset';

export interface Spreads {
  forward: readonly (LogSpread | null)[];
  gradient: readonly (LogSpread | null)[];
}

export interface ClaimVerdict {
  observed: number | null;
  ok: boolean;
  /** How the claim was held against the run, for messages and the preset table. */
  why: string;
}

const MEASURED: Partial<Record<ClaimPath, keyof Spreads>> = {
  'preactivation.secondMoment': 'forward',
  'gradient.secondMoment': 'gradient',
};

/**
 * The finite-width spreads of ln(v/q) for a configuration; the backward one only when asked.
 * finiteWidth.ts and gradientSpread.ts follow a plain stack: a residual or normalized network has
 * no derived band (yet), so its measured claims fail and its lessons quote the theory.
 */
export function spreadsFor(config: SimConfig, backward: boolean): Spreads {
  if (config.architecture) return { forward: config.widths.map(() => null), gradient: config.widths.map(() => null) };
  const act = getActivation(config.activation)!;
  const common = {
    act,
    params: config.activationParams,
    theory: theoryFor(config),
    widths: config.widths,
    inputDim: config.inputDim,
    inputKurtosisMinusOne: config.input === 'uniform' ? 0.8 : 2,
  };
  return {
    forward: logSpread(common),
    gradient: backward ? gradientLogSpread({ ...common, batch: config.batch }) : config.widths.map(() => null),
  };
}

/** ln of (1 + half a unit of the last printed digit): how far a printed value may be from its number. */
export function printedSlack(format: string, value: number): number {
  if (format === 'pow') return Math.log(10) / 2;
  if (format === 'frac') return 1e-9;
  if (format === '%' || format === 'x' || /^\d$/.test(format) || format === '' || format === 'sci') {
    const digits = /^\d$/.test(format) ? Number(format) : format === 'x' && value >= 0.5 && value <= 2 ? 3 : 2;
    return Math.log1p(0.5 * 10 ** (1 - digits));
  }
  return 0;
}

function pathOf(claim: Claim): ClaimPath {
  return claim.quantity === 'factor' ? claim.of : claim.quantity;
}

/** Holds one claim against a run's layer records; `formats` are those the lesson prints it in. */
export function checkClaim(
  claim: Claim,
  formats: readonly string[],
  layers: readonly LayerRecord[],
  spreads: Spreads,
): ClaimVerdict {
  const observed = observedValue(layers, claim);
  if (observed === null) return { observed, ok: false, why: 'the run has no value here' };
  const which = MEASURED[pathOf(claim)];
  if (which === undefined) {
    const printed = formats.map((f) => [CLAIM_FORMATS[f]!(observed), CLAIM_FORMATS[f]!(claim.value)] as const);
    const ok = printed.every(([a, b]) => a === b);
    return { observed, ok, why: `theory, printed ${printed.map(([a, b]) => `${a} vs claimed ${b}`).join('; ')}` };
  }
  if (claim.value === 0 || observed === 0) return { observed, ok: observed === claim.value, why: 'exactly zero' };
  if (!(claim.value > 0) || !(observed > 0)) return { observed, ok: false, why: 'a measured claim must be positive' };
  const slack = Math.max(0, ...formats.map((f) => printedSlack(f, claim.value)));
  const band = measuredBand(claim, spreads[which]);
  if (band === null) return { observed, ok: false, why: 'no derived finite-width band at this layer' };
  const miss = Math.abs(Math.log(observed / claim.value));
  return {
    observed,
    ok: miss <= band + slack,
    why: `|ln(measured/claimed)| = ${miss.toFixed(3)} against ${(band + slack).toFixed(3)}`,
  };
}

/** |m| + 4s at a layer, or the factor's (|m_b − m_a| + 4(s_a + s_b))/k. */
function measuredBand(claim: Claim, spread: readonly (LogSpread | null)[]): number | null {
  const at = spread[claim.layer - 1];
  if (!at) return null;
  if (claim.quantity !== 'factor') return Math.abs(at.mean) + 4 * at.sd;
  const from = spread[claim.from - 1];
  if (!from) return null;
  return (Math.abs(at.mean - from.mean) + 4 * (at.sd + from.sd)) / Math.abs(claim.layer - claim.from);
}
