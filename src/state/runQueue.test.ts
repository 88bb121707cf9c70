import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../core/config';
import type { LayerStats, SimConfig } from '../core/types';
import type { RunHandlers, SimulationClient } from '../worker/client';
import { RunQueue, type RunOutcome } from './runQueue';

/** A client that keeps each run's handlers so the test decides what arrives and when. */
function heldClient() {
  const runs: { config: SimConfig; handlers: RunHandlers; cancelled: boolean }[] = [];
  const client = {
    run: (config: SimConfig, handlers: RunHandlers) => {
      runs.push({ config, handlers, cancelled: false });
      return runs.length;
    },
    cancel: () => {
      const last = runs.at(-1);
      if (last) last.cancelled = true;
    },
  };
  return { client: client as unknown as SimulationClient, runs };
}

const layer = (m: number) => ({ preactivation: { secondMoment: m }, status: 'ok' }) as unknown as LayerStats;
const small = normalizeConfig({ depth: 2, width: 8 }).config;

describe('RunQueue', () => {
  it('collects each layer’s second moment and status, each block, and the theory, then settles once', () => {
    const { client, runs } = heldClient();
    const outcomes: RunOutcome[] = [];
    const queue = new RunQueue(client);
    queue.run('a', small, (o) => outcomes.push(o));
    expect(queue.running).toBe('a');
    const { handlers } = runs[0]!;
    handlers.onStarted([{ preactivationSecondMoment: 2 }, { preactivationSecondMoment: null }] as never, 'js');
    handlers.onLayer(layer(1.5), new Float32Array(0), 0, new Float32Array(0));
    handlers.onLayer(layer(2.5), new Float32Array(0), 0, new Float32Array(0));
    const block = { block: 1, stream: { secondMoment: 3 } } as never;
    handlers.onBlock?.(block);
    handlers.onDone(1);
    handlers.onDone(1);
    expect(outcomes).toEqual([
      { phase: 'done', measured: [1.5, 2.5], statuses: ['ok', 'ok'], theory: [2, null], blocks: [block] },
    ]);
    expect(queue.running).toBeNull();
  });

  it('starts the collection over when the client retries on a fresh worker', () => {
    const { client, runs } = heldClient();
    const outcomes: RunOutcome[] = [];
    new RunQueue(client).run('a', small, (o) => outcomes.push(o));
    const { handlers } = runs[0]!;
    handlers.onLayer(layer(9), new Float32Array(0), 0, new Float32Array(0));
    handlers.onError('worker crashed', true);
    handlers.onLayer(layer(1), new Float32Array(0), 0, new Float32Array(0));
    handlers.onLayer(layer(2), new Float32Array(0), 0, new Float32Array(0));
    handlers.onDone(1);
    expect(outcomes).toEqual([expect.objectContaining({ measured: [1, 2] })]);
  });

  it('a run replaced or cancelled never settles; a final error does', () => {
    const { client, runs } = heldClient();
    const settled: string[] = [];
    const queue = new RunQueue(client);
    queue.run('a', small, () => settled.push('a'));
    queue.run('b', small, (o) => settled.push(`b:${o.phase}`));
    expect(runs[0]!.cancelled).toBe(true);
    runs[0]!.handlers.onDone(1);
    runs[1]!.handlers.onError('out of memory', false);
    queue.run('c', small, () => settled.push('c'));
    queue.cancel();
    runs[2]!.handlers.onDone(1);
    expect(settled).toEqual(['b:error']);
    expect(queue.running).toBeNull();
  });

  it('refuses a configuration past the run budget at once, in words, without running it', () => {
    const { client, runs } = heldClient();
    const outcomes: RunOutcome[] = [];
    const huge = normalizeConfig({ depth: 2000, width: 4096, batch: 4096 }).config;
    new RunQueue(client).run('huge', huge, (o) => outcomes.push(o));
    expect(runs).toHaveLength(0);
    expect(outcomes).toHaveLength(1);
    const [outcome] = outcomes;
    expect(outcome?.phase === 'error' && outcome.error).toMatch(/^Not run: .+\.$/);
  });
});
