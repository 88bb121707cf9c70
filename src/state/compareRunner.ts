// Runs the pinned configurations, one after another, on a simulation client of their own (a second
// worker), so comparing never slows or interrupts the live run that runner.ts drives. A pin is run
// once: its result is cached by its key, and unpinning it while it runs cancels the run.

import type { SimConfig } from '../core/types';
import { SimulationClient, type ClientOptions } from '../worker/client';
import type { PinResult } from './compareState';
import { pinKey } from './pins';
import { RunQueue } from './runQueue';
import { store } from './store';

/** Results kept in all, pinned or not: enough to unpin and pin again without waiting. */
const CACHE_LIMIT = 8;

function setResult(key: string, result: PinResult): void {
  store.setState((s) => ({ compare: { ...s.compare, results: { ...s.compare.results, [key]: result } } }));
}

/** Forgets results of unpinned configurations: unfinished ones always, finished ones past CACHE_LIMIT (oldest first). */
function prune(pinned: ReadonlySet<string>): void {
  const { results } = store.getState().compare;
  const keys = Object.keys(results);
  let excess = keys.length - CACHE_LIMIT;
  const kept: Record<string, PinResult> = {};
  for (const key of keys) {
    const result = results[key]!;
    const drop = !pinned.has(key) && (result.phase !== 'done' || excess > 0);
    if (drop && result.phase === 'done') excess--;
    if (!drop) kept[key] = result;
  }
  if (Object.keys(kept).length !== keys.length) store.setState((s) => ({ compare: { ...s.compare, results: kept } }));
}

class CompareRunner {
  private readonly queue: RunQueue;
  private unsubscribe: (() => void) | null = null;

  constructor(client: SimulationClient) {
    this.queue = new RunQueue(client);
  }

  start(): void {
    this.unsubscribe = store.subscribe((state, previous) => {
      if (state.compare.pins !== previous.compare.pins) this.update();
    });
    this.update();
  }

  stop(): void {
    this.unsubscribe?.();
    this.queue.cancel();
  }

  /** Pins changed or a run ended: cancel what is no longer pinned, then start the next pin without a result. */
  private update(): void {
    const { pins } = store.getState().compare;
    const pinned = new Set(pins.map(pinKey));
    const running = this.queue.running;
    if (running !== null && !pinned.has(running)) this.queue.cancel();
    prune(pinned);
    if (this.queue.running !== null) return;
    const { results } = store.getState().compare;
    const next = pins.find((p) => results[pinKey(p)] === undefined);
    if (next) this.launch(next);
  }

  private launch(config: SimConfig): void {
    const key = pinKey(config);
    setResult(key, { phase: 'running', measured: [], statuses: [], theory: [], error: null });
    // A pin from a link may be past the run budget: the queue says so in its place rather than attempt it.
    this.queue.run(key, config, (outcome) => {
      if (outcome.phase === 'error') {
        setResult(key, { phase: 'error', measured: [], statuses: [], theory: [], error: outcome.error });
      } else {
        const { measured, statuses, theory, blocks } = outcome;
        setResult(key, {
          phase: 'done',
          measured,
          statuses,
          theory,
          error: null,
          ...(blocks.length > 0 ? { blocks } : {}),
        });
      }
      this.update();
    });
  }
}

/** The chart draws only second moments: no samples, no backward pass, so a pin costs its forward pass alone. */
export const COMPARE_CLIENT_OPTIONS: ClientOptions = { sampleSize: 0, backward: false };

let active: { runner: CompareRunner; client: SimulationClient } | null = null;

/**
 * Starts running pinned configurations as they are pinned; returns a function that stops it. The
 * client's worker is created on the first pin, so a page without pins has no second worker.
 */
export function startCompareRunner(
  client: SimulationClient = new SimulationClient(COMPARE_CLIENT_OPTIONS),
): () => void {
  if (active) {
    active.runner.stop();
    active.client.dispose();
  }
  const runner = new CompareRunner(client);
  const mine = { runner, client };
  active = mine;
  runner.start();
  return () => {
    runner.stop();
    client.dispose();
    if (active === mine) active = null;
  };
}
