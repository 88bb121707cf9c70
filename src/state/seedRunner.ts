// "Run 8 seeds": the current configuration again with seeds seed … seed + 7, one after another on a
// simulation client of its own (forward only, no samples), so the live run is never slowed. Its
// state lives in a small store of its own: it is a moment's experiment, not a setting in the link.

import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { LIMITS } from '../core/limits';
import type { SimConfig } from '../core/types';
import { SimulationClient } from '../worker/client';
import { RunQueue } from './runQueue';

export const SEED_COUNT = 8;

export interface SeedRuns {
  /** The configuration (with its first seed) the runs belong to, as JSON; null before any. */
  key: string | null;
  phase: 'idle' | 'running' | 'done' | 'error';
  /** Per finished seed, the pre-activation second moment of each layer. */
  runs: number[][];
  /** A residual network's: per finished seed, the stream's second moment after each block. */
  blockRuns: number[][];
  error: string | null;
}

export const seedStore = createStore<SeedRuns>()(() => ({
  key: null,
  phase: 'idle',
  runs: [],
  blockRuns: [],
  error: null,
}));

export function useSeedRuns<T>(selector: (s: SeedRuns) => T): T {
  return useStore(seedStore, selector);
}

export const seedKey = (config: SimConfig): string => JSON.stringify(config);

let queue: RunQueue | null = null;

/** Starts (or restarts) the runs for `config`; results for an older configuration are dropped. */
export function runSeeds(
  config: SimConfig,
  make: () => SimulationClient = () => new SimulationClient({ sampleSize: 0, backward: false }),
): void {
  const key = seedKey(config);
  queue ??= new RunQueue(make());
  const runs = queue;
  const next = (i: number) => {
    if (seedStore.getState().key !== key) return;
    if (i === SEED_COUNT) {
      seedStore.setState({ phase: 'done' });
      return;
    }
    // Seeds wrap around at the top of their range, like the seed control's own step.
    const seed = (config.seed + i) % (LIMITS.seed.max + 1);
    runs.run(`${key}#${i}`, { ...config, seed }, (outcome) => {
      if (seedStore.getState().key !== key) return;
      if (outcome.phase === 'error') {
        seedStore.setState({ phase: 'error', error: outcome.error });
        return;
      }
      const stream = outcome.blocks.map((b) => b.stream.secondMoment);
      seedStore.setState((s) => ({ runs: [...s.runs, outcome.measured], blockRuns: [...s.blockRuns, stream] }));
      next(i + 1);
    });
  };
  seedStore.setState({ key, phase: 'running', runs: [], blockRuns: [], error: null });
  next(0);
}

/** Stops the runs and forgets their results (the shown configuration changed: they no longer apply). */
export function cancelSeeds(): void {
  queue?.cancel();
  seedStore.setState({ key: null, phase: 'idle', runs: [], blockRuns: [], error: null });
}
