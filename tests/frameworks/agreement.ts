// How a framework's per-layer second moments are held against `simulate`'s (see runs.parity.ts for
// the derivation): both are independent networks of the same law, so d = mean over S seeds of
// ln(v_fw/v_app) has mean 0 and sd ≤ √(2/S)·s_l, s_l the finite-width sd of ln(v_l/q_l) at layer l.
// |d| ≤ 4.5·√(2/S)·s_l fails by chance with probability 7e-6 per layer.

import { expect } from 'vitest';
import type { LogSpread } from '../../src/core/finiteWidth';

export const Z = 4.5;

export function meanLogRatio(fw: readonly number[], app: readonly number[]): number {
  let sum = 0;
  for (let s = 0; s < fw.length; s++) sum += Math.log(fw[s]! / app[s]!);
  return sum / fw.length;
}

/**
 * Checks every layer that has a derived spread; returns the worst |d| as a fraction of its
 * tolerance (for the report). `fw[l]` and `app[l]` hold layer l's values over the same seeds.
 */
export function expectAgreement(
  label: string,
  fw: readonly (readonly number[])[],
  app: readonly (readonly number[])[],
  spreads: readonly (LogSpread | null)[],
): number {
  let worst = 0;
  for (let l = 0; l < app.length; l++) {
    const spread = spreads[l];
    if (!spread) continue;
    const d = meanLogRatio(fw[l]!, app[l]!);
    const tolerance = Z * Math.sqrt(2 / app[l]!.length) * spread.sd;
    worst = Math.max(worst, Math.abs(d) / tolerance);
    expect(Math.abs(d), `${label} layer ${l + 1}: mean ln(fw/app) = ${d}`).toBeLessThanOrEqual(tolerance);
  }
  return worst;
}
