// Every preset of the gallery (every topic file) runs through the engine once, as the CLI runs
// it, and each figure its lesson states is held against the value the run computes: the theory
// exactly as printed, measurements within the finite-width band derived in claimBand.ts.

import { describe, expect, it } from 'vitest';
import { PRESETS } from '.';
import { checkClaim, spreadsFor } from './claimBand';
import { claimNeeds } from './claimValue';
import { placeholders, type Preset } from './preset';
import { presetConfig, runPreset } from './presetRun';

/** The formats the lesson prints each claim in. */
function formatsOf(preset: Preset): string[][] {
  const formats: string[][] = preset.claims.map(() => []);
  for (const p of placeholders(preset.template, preset.claims.length)) formats[p.index]!.push(p.format);
  return formats;
}

describe('preset claims hold on the run', () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))('%s', { timeout: 120_000 }, (_id, preset) => {
    expect(preset.claims.length, 'a lesson states at least one checked figure').toBeGreaterThan(0);
    const config = presetConfig(preset);
    const record = runPreset(preset, config);
    const spreads = spreadsFor(config, claimNeeds(preset.claims).backward);
    const formats = formatsOf(preset);
    preset.claims.forEach((claim, i) => {
      const verdict = checkClaim(claim, formats[i]!, record.layers, spreads);
      expect(
        verdict.ok,
        `${preset.id} claim ${i} ${JSON.stringify(claim)}: measured ${verdict.observed}; ${verdict.why}`,
      ).toBe(true);
    });
  });
});
