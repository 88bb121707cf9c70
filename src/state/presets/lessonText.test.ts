// The words of every preset: each claim is shown in its lesson, and no figure is typed by hand
// (the rule is in lessonFigures.ts).

import { describe, expect, it } from 'vitest';
import { PRESETS } from '.';
import { normalizeConfig } from '../../core/config';
import { settingFigures, unclaimedFigures } from './lessonFigures';
import { CLAIM_FORMATS, placeholders } from './preset';
import { presetConfig } from './presetRun';

describe('preset lessons', () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))('%s shows every claim and types no figure', (_id, preset) => {
    const uses = placeholders(preset.template, preset.claims.length);
    preset.claims.forEach((claim, i) => {
      const shown = uses.filter((u) => u.index === i);
      expect(shown.length, `claim ${i} is not in the lesson`).toBeGreaterThan(0);
      for (const u of shown) expect(preset.lesson).toContain(CLAIM_FORMATS[u.format]!(claim.value));
    });
    expect(preset.lesson).not.toMatch(/[{}]/);
    const settings = settingFigures(presetConfig(preset), preset.claims);
    expect(unclaimedFigures(preset.template, settings), 'figures in the lesson that are not claims').toEqual([]);
    expect(unclaimedFigures(preset.title, settings), 'figures in the title that are not settings').toEqual([]);
  });
});

describe('the figure rule', () => {
  const { config } = normalizeConfig({
    depth: 30,
    width: 256,
    activation: 'leaky_relu',
    activationParams: { negative_slope: 0.2 },
  });
  const settings = settingFigures(config, [{ quantity: 'preactivation.secondMoment', layer: 7, value: 1 }]);

  it('lets settings, citation years, single digits and names through', () => {
    const text =
      'At depth 30 and width 256 a slope 0.2 leaky ReLU with 2/(1 + a²) and float32 in w256 (He et al. 2015; Glorot & Bengio 2010), see layer 7 with batch 128 and seed 3: {0}.';
    expect(unclaimedFigures(text, settings)).toEqual([]);
  });

  it('catches a typed measurement, a decimal, a bare year and a digit ordinal', () => {
    expect(
      unclaimedFigures('falls ×0.89 per layer to 10⁻⁹, 128 times, in 2015, the 3rd layer, 1.92', settings),
    ).toEqual(['0.89', '10', '128', '2015', '3rd', '1.92']);
  });
});
