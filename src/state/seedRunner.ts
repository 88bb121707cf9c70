// "Run 8 seeds": the current configuration again with seeds seed … seed + 7, one after another on a
// simulation client of its own (forward only, no samples), so the live run is never slowed. Its
// state lives in a small store of its own: it is a moment's experiment, not a setting in the link.

import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { checkBudget, describeOverBudget } from '../core/budget';
import { LIMITS } from '../core/limits';
import type { SimConfig } from '../core/types';
import { SimulationClient } from '../worker/client';

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

let client: SimulationClient | null = null;

/** Starts (or restarts) the runs for `config`; results for an older configuration are dropped. */
export function runSeeds(
  config: SimConfig,
  make: () => SimulationClient = () => new SimulationClient({ sampleSize: 0, backward: false }),
): void {
  const key = seedKey(config);
  const budget = checkBudget(config);
  if (!budget.ok) {
    seedStore.setState({
      key,
      phase: 'error',
      runs: [],
      blockRuns: [],
      error: `Not run: ${describeOverBudget(config, budget, 'words')}.`,
    });
    return;
  }
  client ??= make();
  client.cancel();
  seedStore.setState({ key, phase: 'running', runs: [], blockRuns: [], error: null });
  const runner = client;
  const next = (i: number) => {
    if (seedStore.getState().key !== key) return;
    if (i === SEED_COUNT) {
      seedStore.setState({ phase: 'done' });
      return;
    }
    // Seeds wrap around at the top of their range, like the seed control's own step.
    const seed = (config.seed + i) % (LIMITS.seed.max + 1);
    const values: number[] = [];
    const stream: number[] = [];
    runner.run(
      { ...config, seed },
      {
        onStarted: () => {},
        onLayer: (stats) => {
          values.push(stats.preactivation.secondMoment);
        },
        onBlock: (stats) => {
          stream.push(stats.stream.secondMoment);
        },
        onDone: () => {
          if (seedStore.getState().key !== key) return;
          seedStore.setState((s) => ({ runs: [...s.runs, values], blockRuns: [...s.blockRuns, stream] }));
          next(i + 1);
        },
        onError: (message, retrying) => {
          if (retrying) {
            values.length = 0;
            stream.length = 0;
            return;
          }
          if (seedStore.getState().key === key) seedStore.setState({ phase: 'error', error: message });
        },
      },
    );
  };
  next(0);
}

/** Stops the runs and forgets their results (the shown configuration changed: they no longer apply). */
export function cancelSeeds(): void {
  client?.cancel();
  seedStore.setState({ key: null, phase: 'idle', runs: [], blockRuns: [], error: null });
}
