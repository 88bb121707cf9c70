// Starts training whenever the panel is open and what it would train changes (the live network,
// the pins, the training settings), shortly after the settings are still, and stops the old runs.
// The live configuration and every pin train with the same settings, hence the same data and
// minibatch order.

import { normalizeTrainConfig, overBudget } from '../core/training/trainConfig';
import { trainNetworkInput } from '../core/training/networkInput';
import type { SimConfig } from '../core/types';
import { TrainClient, trainClient } from '../worker/trainClient';
import { store } from './store';
import { resolveTraining, trainingStore, type TrainRun } from './training';

/** Long enough that typing a learning rate starts one run, short enough to feel immediate. */
export const START_DELAY_MS = 400;

function updateRun(index: number, patch: (run: TrainRun) => Partial<TrainRun>): void {
  trainingStore.setState((s) => ({ runs: s.runs.map((r, i) => (i === index ? { ...r, ...patch(r) } : r)) }));
}

/**
 * Progress arrives from each worker every ~25 ms; the page takes it at most every FLUSH_MS, so
 * redrawing the charts never keeps the main thread busy while runs train.
 */
export const FLUSH_MS = 200;

/** Why this run cannot start, or null (the same check the worker and the CLI make). */
function refusalOf(network: SimConfig, settings: ReturnType<typeof resolveTraining>): string | null {
  const input = trainNetworkInput(network, settings.dataset);
  const { config, issues } = normalizeTrainConfig(input, settings);
  if (issues[0]) return issues[0].problem;
  return overBudget(config, 'words');
}

export function startTrainingRunner(client: TrainClient = trainClient): () => void {
  let lastKey = '';
  let timer: ReturnType<typeof setTimeout> | undefined;

  const start = (networks: SimConfig[], settings: ReturnType<typeof resolveTraining>) => {
    const refusal = networks.map((n) => refusalOf(n, settings)).find((r) => r !== null) ?? null;
    trainingStore.setState({
      settings,
      refusal,
      runs: refusal
        ? []
        : networks.map((network) => ({
            network,
            history: [],
            step: 0,
            final: null,
            error: null,
            elapsedMs: 0,
            kernel: '',
          })),
    });
    if (refusal) return;
    const pending = networks.map(() => ({ step: 0, entries: [] as TrainRun['history'] }));
    let flushTimer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      clearTimeout(flushTimer);
      flushTimer = undefined;
      pending.forEach((p, run) => {
        const entries = p.entries.splice(0);
        updateRun(run, (r) => ({
          step: Math.max(r.step, p.step),
          history: entries.length ? [...r.history, ...entries] : r.history,
        }));
      });
    };
    client.start(networks, settings, {
      progress: (run, step, entries) => {
        pending[run]!.step = step;
        pending[run]!.entries.push(...entries);
        flushTimer ??= setTimeout(flush, FLUSH_MS);
      },
      done: (run, final, elapsedMs, kernel) => {
        flush();
        updateRun(run, () => ({ final, elapsedMs, kernel }));
      },
      error: (run, message) => {
        flush();
        updateRun(run, () => ({ error: message }));
      },
    });
  };

  const check = () => {
    const { choice } = trainingStore.getState();
    const app = store.getState();
    if (!choice.open) {
      clearTimeout(timer);
      if (lastKey !== '') client.cancel();
      lastKey = '';
      return;
    }
    const networks = [app.config, ...app.compare.pins];
    const settings = resolveTraining(choice, app.config.seed);
    const key = JSON.stringify([networks, settings]);
    if (key === lastKey) return;
    lastKey = key;
    clearTimeout(timer);
    timer = setTimeout(() => start(networks, settings), START_DELAY_MS);
  };

  const offApp = store.subscribe((s, p) => {
    if (s.config !== p.config || s.compare.pins !== p.compare.pins) check();
  });
  const offTraining = trainingStore.subscribe((s, p) => {
    if (s.choice !== p.choice) check();
  });
  check();
  return () => {
    offApp();
    offTraining();
    clearTimeout(timer);
    client.cancel();
  };
}
