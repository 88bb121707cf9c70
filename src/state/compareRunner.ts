// Runs the pinned configurations, one after another, on a simulation client of their own (a second
// worker), so comparing never slows or interrupts the live run that runner.ts drives. A pin is run
// once: its result is cached by its key, and unpinning it while it runs cancels the run.

import type { BlockStats } from '../core/architecture/blockStats';
import { checkBudget, describeOverBudget } from '../core/budget';
import type { LayerStatus, SimConfig } from '../core/types';
import { SimulationClient, type ClientOptions } from '../worker/client';
import type { PinResult } from './compareState';
import { pinKey } from './pins';
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
  /** Key of the pin being run, if any. */
  private running: string | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly client: SimulationClient) {}

  start(): void {
    this.unsubscribe = store.subscribe((state, previous) => {
      if (state.compare.pins !== previous.compare.pins) this.update();
    });
    this.update();
  }

  stop(): void {
    this.unsubscribe?.();
    this.client.cancel();
    this.running = null;
  }

  /** Pins changed or a run ended: cancel what is no longer pinned, then start the next pin without a result. */
  private update(): void {
    const { pins } = store.getState().compare;
    const pinned = new Set(pins.map(pinKey));
    if (this.running !== null && !pinned.has(this.running)) {
      this.client.cancel();
      this.running = null;
    }
    prune(pinned);
    if (this.running !== null) return;
    const { results } = store.getState().compare;
    const next = pins.find((p) => results[pinKey(p)] === undefined);
    if (next) this.launch(next);
  }

  private launch(config: SimConfig): void {
    const key = pinKey(config);
    // A pin from a link may be past the run budget: say so in its place rather than attempt it.
    const budget = checkBudget(config);
    if (!budget.ok) {
      setResult(key, {
        phase: 'error',
        measured: [],
        statuses: [],
        theory: [],
        error: `Not run: ${describeOverBudget(config, budget, 'words')}.`,
      });
      this.update();
      return;
    }
    this.running = key;
    let theory: (number | null)[] = [];
    let measured: number[] = [];
    let statuses: LayerStatus[] = [];
    let blocks: BlockStats[] = [];
    // The arrays filled below stay private until the run is done: the store never sees them change.
    setResult(key, { phase: 'running', measured: [], statuses: [], theory: [], error: null });
    const settle = (result: PinResult) => {
      if (this.running !== key) return;
      this.running = null;
      setResult(key, result);
      this.update();
    };
    this.client.run(config, {
      onStarted: (layers) => {
        theory = layers.map((t) => t.preactivationSecondMoment);
      },
      onLayer: (stats) => {
        measured.push(stats.preactivation.secondMoment);
        statuses.push(stats.status);
      },
      onBlock: (stats) => {
        blocks.push(stats);
      },
      onDone: () =>
        settle({ phase: 'done', measured, statuses, theory, error: null, ...(blocks.length > 0 ? { blocks } : {}) }),
      onError: (message, retrying) => {
        // The client starts the run over on a fresh worker: its replies come again from layer 1.
        if (retrying) {
          measured = [];
          statuses = [];
          blocks = [];
          return;
        }
        settle({ phase: 'error', measured: [], statuses: [], theory: [], error: message });
      },
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
