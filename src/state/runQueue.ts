// What the seed band (seedRunner.ts) and the pinned configurations (compareRunner.ts) share: a
// simulation client of their own that runs one configuration at a time and keeps only what their
// charts draw: each layer's second moment, and a residual network's per-block stream. A configuration past the run budget is refused with the
// reason in words instead of attempted, and a retried run (the client restarts it on a fresh worker
// after a crash) starts its collection over.

import { checkBudget, describeOverBudget } from '../core/budget';
import type { BlockStats } from '../core/architecture/blockStats';
import type { LayerStatus, SimConfig } from '../core/types';
import type { SimulationClient } from '../worker/client';

export type RunOutcome =
  | {
      phase: 'done';
      measured: number[];
      statuses: LayerStatus[];
      theory: (number | null)[];
      /** A residual network's per-block statistics; empty for a plain one. */
      blocks: BlockStats[];
    }
  | { phase: 'error'; error: string };

/** Why `config` is not run, in words, or null when it fits the run budget. */
export function budgetRefusal(config: SimConfig): string | null {
  const budget = checkBudget(config);
  return budget.ok ? null : `Not run: ${describeOverBudget(config, budget, 'words')}.`;
}

export class RunQueue {
  private current: string | null = null;

  constructor(private readonly client: SimulationClient) {}

  /** The key of the run in flight, if any. */
  get running(): string | null {
    return this.current;
  }

  /**
   * Runs `config` under `key` in place of any run in flight, and calls `settle` once with its
   * outcome: at once when the budget refuses it, never when it is cancelled or replaced.
   */
  run(key: string, config: SimConfig, settle: (outcome: RunOutcome) => void): void {
    this.cancel();
    const refusal = budgetRefusal(config);
    if (refusal) {
      settle({ phase: 'error', error: refusal });
      return;
    }
    this.current = key;
    let theory: (number | null)[] = [];
    let measured: number[] = [];
    let statuses: LayerStatus[] = [];
    let blocks: BlockStats[] = [];
    const finish = (outcome: RunOutcome) => {
      if (this.current !== key) return;
      this.current = null;
      settle(outcome);
    };
    // The arrays stay private until the run is done, so a store never sees them change.
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
      onDone: () => finish({ phase: 'done', measured, statuses, theory, blocks }),
      onError: (message, retrying) => {
        // The client starts the run over on a fresh worker: its replies come again from layer 1.
        if (retrying) {
          measured = [];
          statuses = [];
          blocks = [];
          return;
        }
        finish({ phase: 'error', error: message });
      },
    });
  }

  /** Stops the run in flight; its `settle` is never called. */
  cancel(): void {
    if (this.current !== null) this.client.cancel();
    this.current = null;
  }
}
