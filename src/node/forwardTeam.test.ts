// The parallel forward pass must give the single-threaded simulate()'s LayerStats bit for bit:
// every number is compared through its float64 bit pattern, so 0 and −0 or two NaN-free
// roundings one ulp apart count as different.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeConfig, type ConfigInput } from '../core/config';
import { simulate, simulateLayers } from '../core/network';
import { streamRng } from '../core/rng';
import type { SimConfig } from '../core/types';
import { createForwardTeam, type ForwardTeam } from './forwardTeam';

function bits(value: unknown): string {
  const word = new DataView(new ArrayBuffer(8));
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== 'number') return v;
    word.setFloat64(0, v);
    return Number.isNaN(v) ? 'NaN' : word.getBigUint64(0).toString(16);
  });
}

function configOf(input: ConfigInput): SimConfig {
  const { config, issues } = normalizeConfig(input);
  expect(issues).toEqual([]);
  return config;
}

const CHOSEN: ConfigInput[] = [
  { init: 'he_normal', activation: 'relu', depth: 6, width: 64, batch: 33 },
  { init: 'truncated_normal', activation: 'tanh', depth: 5, width: 40, batch: 17, biasStd: 0.2 },
  { init: 'glorot_uniform', activation: 'hard_tanh', depth: 4, width: 24, batch: 5, biasStd: 0.5 },
  { init: 'orthogonal', activation: 'selu', depth: 4, width: 48, batch: 20 },
  { init: 'identity', activation: 'linear', depth: 3, width: 16, batch: 9 },
  { init: 'ones', activation: 'relu', depth: 5, width: 30, batch: 7 }, // overflows
  { init: 'zeros', activation: 'sigmoid', depth: 3, width: 8, batch: 4 }, // dead layers
  {
    init: 'variance_scaling',
    initParams: { mode: 'fan_in' },
    activation: 'relu',
    width: [96, 64, 48, 32, 16, 8],
    inputDim: 128,
    batch: 25,
  },
  { init: 'he_uniform', activation: 'gelu', depth: 3, width: 20, batch: 2 }, // fewer rows than 3 members
  { init: 'lecun_normal', activation: 'sin', depth: 4, width: 18, batch: 1, input: 'uniform' },
];

const INITS = [
  'glorot_normal',
  'he_normal',
  'lecun_uniform',
  'truncated_normal',
  'torch_kaiming_uniform',
  'random_uniform',
  'orthogonal',
  'tfjs_he_normal',
];
const ACTIVATIONS = ['relu', 'tanh', 'leaky_relu', 'elu', 'silu', 'softplus', 'hard_tanh', 'linear'];

/** Small random configs from a fixed stream: widths 1…40 per layer, batch 1…40, bias on or off. */
function randomConfigs(count: number): ConfigInput[] {
  const rng = streamRng(2024, 7, 0, 0);
  const pick = (n: number) => Math.floor(rng.nextFloat() * n);
  return Array.from({ length: count }, () => ({
    init: INITS[pick(INITS.length)]!,
    activation: ACTIVATIONS[pick(ACTIVATIONS.length)]!,
    width: Array.from({ length: 1 + pick(6) }, () => 1 + pick(40)),
    inputDim: 1 + pick(40),
    batch: 1 + pick(40),
    seed: pick(2 ** 32),
    biasStd: pick(2) === 0 ? 0 : 0.3,
  }));
}

describe.each([2, 3])('a team of %i threads', (members) => {
  let team: ForwardTeam;
  beforeAll(async () => {
    team = await createForwardTeam(members);
  });
  afterAll(async () => {
    await team.close();
  });

  it.each(CHOSEN.map((c) => [`${String(c.init)} + ${String(c.activation)}, batch ${String(c.batch)}`, c] as const))(
    '%s: the same LayerStats bits as one thread',
    (_name, input) => {
      const config = configOf(input);
      expect(bits(team.simulate(config))).toBe(bits(simulate(config)));
    },
  );

  it('random small configs: the same LayerStats bits as one thread', () => {
    for (const input of randomConfigs(30)) {
      const config = configOf(input);
      expect(bits(team.simulate(config)), JSON.stringify(input)).toBe(bits(simulate(config)));
    }
  });

  it('yields the whole batch as pre/post, as one thread does', () => {
    const config = configOf({ init: 'he_normal', activation: 'relu', depth: 3, width: 32, batch: 10 });
    const reference = Array.from(simulateLayers(config), (r) => [Array.from(r.pre), Array.from(r.post)]);
    const layers = Array.from(team.simulateLayers(config), (r) => [Array.from(r.pre), Array.from(r.post)]);
    expect(reference).toHaveLength(3);
    expect(reference[0]![1]).toHaveLength(10 * 32);
    expect(bits(layers)).toBe(bits(reference));
  });

  it('measures the same correlations as one thread', () => {
    for (const batch of [12, 100]) {
      const config = configOf({ init: 'he_normal', activation: 'tanh', depth: 3, width: 24, batch, seed: 3 });
      const solo = simulate(config, undefined, { correlations: true });
      expect(solo[2]!.correlation?.measured).toEqual(expect.any(Number));
      expect(bits(team.simulate(config, { correlations: true }))).toBe(bits(solo));
    }
  });

  it('a run that fails on every thread throws on the leader and leaves the team ready', () => {
    const config = configOf({ init: 'he_normal', activation: 'relu', depth: 2, width: 8, batch: 8 });
    expect(() => team.simulate({ ...config, activation: 'no_such_activation' })).toThrow(/no_such_activation/);
    expect(bits(team.simulate(config))).toBe(bits(simulate(config)));
  });

  it('a run left open is stopped when the next one starts', () => {
    const config = configOf({ init: 'he_normal', activation: 'relu', depth: 8, width: 32, batch: 16 });
    const abandoned = team.simulateLayers(config);
    expect(abandoned.next().done).toBe(false);
    expect(bits(team.simulate(config))).toBe(bits(simulate(config)));
    expect(abandoned.next().done).toBe(true);
  });

  it('a consumer that stops early leaves the team ready for the next run', () => {
    const config = configOf({ init: 'he_normal', activation: 'relu', depth: 8, width: 32, batch: 16 });
    for (const r of team.simulateLayers(config)) {
      if (r.stats.layer === 2) break;
    }
    expect(bits(team.simulate(config))).toBe(bits(simulate(config)));
  });
});
