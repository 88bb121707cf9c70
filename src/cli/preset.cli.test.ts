import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../core/config';
import { PRESETS, getPreset } from '../state/presets';
import { claimNeeds } from '../state/presets/claimValue';
import { presetConfig } from '../state/presets/presetRun';
import { parseArgs } from './args';
import { run } from './main';

function configOf(argv: string[]) {
  const req = parseArgs(argv);
  const { config, issues } = normalizeConfig(req.input);
  expect(issues).toEqual([]);
  return { req, config };
}

describe('simulate --preset', () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))('%s runs exactly the settings the app opens', (id, preset) => {
    const { req, config } = configOf(['--preset', id]);
    expect(config).toEqual(presetConfig(preset));
    const needs = claimNeeds(preset.claims);
    expect(req.backward).toBe(needs.backward);
    expect(req.correlations).toBe(needs.correlations);
  });

  it('adds `preset` with the rendered lesson and each claim beside this run’s value', () => {
    const r = run(['--preset', 'funnel-fan-avg', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      layers: { theory: { preactivationSecondMoment: number; gradientSecondMoment?: number } }[];
      preset: {
        id: string;
        title: string;
        lesson: string;
        claims: { quantity: string; layer: number; value: number; observed: number }[];
      };
    };
    const preset = getPreset('funnel-fan-avg')!;
    expect(Object.keys(out.preset)).toEqual(['id', 'title', 'lesson', 'claims']);
    expect(out.preset).toMatchObject({ id: preset.id, title: preset.title, lesson: preset.lesson });
    expect(out.preset.lesson).not.toContain('{');
    expect(out.preset.claims).toEqual(
      preset.claims.map((c, i) => ({ ...c, observed: out.preset.claims[i]!.observed })),
    );
    for (const c of out.preset.claims) expect(typeof c.observed).toBe('number');
    // Claim 2 is theory.preactivationSecondMoment at layer 10; claim 1 the gradients' factor from 10 to 1.
    expect(out.preset.claims[2]!.observed).toBe(out.layers[9]!.theory.preactivationSecondMoment);
    const g = out.layers.map((l) => l.theory.gradientSecondMoment!);
    expect(out.preset.claims[1]!.observed).toBeCloseTo((g[0]! / g[9]!) ** (1 / 9), 12);
    expect(run(['--preset', 'funnel-fan-avg', '--format', 'table']).stdout).toContain(
      `\npreset funnel-fan-avg: ${preset.title}\n${preset.lesson}\n`,
    );
  });

  it('lets explicit flags override the preset’s settings, one at a time', () => {
    const chaos = configOf(['--preset', 'tanh-gain-chaos', '--seed', '7', '--depth', '5']).config;
    expect(chaos).toMatchObject({
      seed: 7,
      activation: 'tanh',
      init: 'torch_kaiming_normal',
      initParams: { nonlinearity: 'tanh' },
    });
    expect(chaos.widths).toEqual([256, 256, 256, 256, 256]);
    // Another initializer drops the preset's parameters of the one it replaces.
    expect(configOf(['--preset', 'tanh-gain-chaos', '--init', 'glorot_normal']).config).toMatchObject({
      init: 'glorot_normal',
      initParams: {},
    });
    expect(configOf(['--preset', 'leaky-kaiming', '--a', '0.5']).config.initParams).toMatchObject({
      a: 0.5,
      nonlinearity: 'leaky_relu',
    });
    // A funnel's width list goes as a whole when the depth or width is set.
    expect(configOf(['--preset', 'funnel-fan-in', '--depth', '3']).config.widths).toEqual([256, 256, 256]);
    expect(configOf(['--preset', 'funnel-fan-in', '--widths', '8,4']).config.widths).toEqual([8, 4]);
    expect(configOf(['--preset', 'narrow-he-seeds', '--width', '64']).config).toMatchObject({
      widths: Array(50).fill(64),
      inputDim: 64,
    });
    expect(parseArgs(['--preset', 'funnel-fan-in', '--backward=false']).backward).toBe(false);
  });

  it('an unknown id is one line that lists the ids, exit code 2', () => {
    const r = run(['--preset', 'he-tanh']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `initscope: --preset "he-tanh" is not a preset; the presets are ${PRESETS.map((p) => p.id).join(', ')}\n`,
    );
    expect(run(['--preset']).stderr).toBe('initscope: --preset needs a value\n');
  });
});
