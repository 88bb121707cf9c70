import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../core/config';
import type { LayerStats, SimConfig } from '../core/types';
import type { RunHandlers, SimulationClient } from '../worker/client';
import { cancelSeeds, runSeeds, SEED_COUNT, seedKey, seedStore } from './seedRunner';

/** A client that answers each run at once with one layer whose second moment is the seed. */
function fakeClient(seen: number[]): SimulationClient {
  const fake = {
    cancel: () => {},
    run: (config: SimConfig, handlers: RunHandlers) => {
      seen.push(config.seed);
      handlers.onStarted([], 'fake');
      handlers.onLayer(
        { preactivation: { secondMoment: config.seed } } as LayerStats,
        new Float32Array(0),
        0,
        new Float32Array(0),
      );
      handlers.onDone(0);
    },
  };
  return fake as unknown as SimulationClient;
}

describe('runSeeds', () => {
  it('runs seeds seed … seed + 7 in turn and keeps each one’s per-layer values, then can be cancelled', () => {
    const { config } = normalizeConfig({ depth: 1, width: 4, seed: 10 });
    const seen: number[] = [];
    runSeeds(config, () => fakeClient(seen));
    expect(seen).toEqual([10, 11, 12, 13, 14, 15, 16, 17]);
    const state = seedStore.getState();
    expect(state.phase).toBe('done');
    expect(state.key).toBe(seedKey(config));
    expect(state.runs).toHaveLength(SEED_COUNT);
    expect(state.runs.map((r) => r[0])).toEqual(seen);
    cancelSeeds();
    expect(seedStore.getState()).toMatchObject({ key: null, phase: 'idle', runs: [] });
  });
});
