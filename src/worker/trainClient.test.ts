import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../core/config';
import { normalizeTraining } from '../core/training/trainConfig';
import type { TrainFinal } from '../core/training/types';
import { createLocalTrainWorker, TrainClient } from './trainClient';

const network = normalizeConfig({ depth: 2, width: 8, seed: 3 }).config;
const settings = (steps: number) =>
  normalizeTraining({ dataset: 'xor', steps, batchSize: 16, evalEvery: 5 }, 3).settings;

function collect(client: TrainClient, steps: number, networks = [network]) {
  const seen = {
    steps: [] as number[][],
    finals: [] as (TrainFinal | null)[],
    errors: [] as string[],
    entries: [] as number[][],
  };
  networks.forEach(() => {
    seen.steps.push([]);
    seen.entries.push([]);
    seen.finals.push(null);
  });
  const done = new Promise<void>((resolve) => {
    client.start(networks, settings(steps), {
      progress: (run, step, entries) => {
        seen.steps[run]!.push(step);
        seen.entries[run]!.push(...entries.map((e) => e.step));
      },
      done: (run, final) => {
        seen.finals[run] = final;
        if (seen.finals.every((f) => f !== null)) resolve();
      },
      error: (_run, message) => seen.errors.push(message),
    });
  });
  return { seen, done };
}

describe('TrainClient (main-thread stand-in for the workers)', () => {
  it('streams progress and every evaluation, then the final state, for each run', async () => {
    const client = new TrainClient(createLocalTrainWorker);
    const other = normalizeConfig({ depth: 2, width: 8, seed: 4 }).config;
    const { seen, done } = collect(client, 20, [network, other]);
    await done;
    expect(seen.errors).toEqual([]);
    for (let run = 0; run < 2; run++) {
      expect(seen.entries[run]).toEqual([0, 5, 10, 15, 20]);
      expect(seen.finals[run]).toMatchObject({ step: 20, diverged: false });
      expect(seen.steps[run]!.at(-1)).toBe(20);
    }
  });

  it('starting again stops the old runs: they report nothing more', async () => {
    const client = new TrainClient(createLocalTrainWorker);
    const old = collect(client, 5000);
    const fresh = collect(client, 10);
    await fresh.done;
    // Give a stopped run the chance to misbehave for a few more turns.
    await new Promise((r) => setTimeout(r, 50));
    expect(old.seen.finals[0]).toBeNull();
    expect(old.seen.steps[0]!.length).toBe(0);
    expect(fresh.seen.finals[0]).toMatchObject({ step: 10 });
  });

  it('a request the worker refuses comes back as an error, not a run', async () => {
    const client = new TrainClient(createLocalTrainWorker);
    const errors: string[] = [];
    await new Promise<void>((resolve) => {
      client.start(
        [network],
        { ...settings(10), batchSize: 600 },
        { progress: () => {}, done: () => resolve(), error: (_r, m) => (errors.push(m), resolve()) },
      );
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/batchSize: 600 is more than the 500 training examples/);
  });
});
