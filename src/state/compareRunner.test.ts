import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normalizeConfig } from '../core/config';
import type { LayerStats, LayerStatus, SimConfig } from '../core/types';
import { SimulationClient } from '../worker/client';
import { COMPARE_CLIENT_OPTIONS, startCompareRunner } from './compareRunner';
import { pinKey, setPins, unpin } from './pins';
import { resetStore, store } from './store';
import { FakeWorker } from '../worker/fakeWorker.testutil';

const config = (input: Parameters<typeof normalizeConfig>[0]): SimConfig => normalizeConfig(input).config;

/** Replies a whole run whose layer n measured `values[n − 1]` with `statuses[n − 1]`. */
function complete(
  worker: FakeWorker,
  id: number,
  values: number[],
  statuses: LayerStatus[] = values.map(() => 'ok'),
): void {
  const theory = values.map((v) => ({ preactivationSecondMoment: v * 2 }));
  worker.reply({ type: 'started', id, theory: theory as never, kernel: 'js-reference' });
  values.forEach((v, i) => {
    const stats = { layer: i + 1, status: statuses[i], preactivation: { secondMoment: v } } as unknown as LayerStats;
    worker.reply({
      type: 'layer',
      id,
      stats,
      sample: new Float32Array(0),
      preSample: new Float32Array(0),
      elapsedMs: i,
    });
  });
  worker.reply({ type: 'done', id, elapsedMs: 5 });
}

describe('compare runner', () => {
  let worker: FakeWorker;
  let stop: () => void;
  const he = config({ init: 'he_normal', depth: 2 });
  const xavier = config({ init: 'glorot_uniform', depth: 3 });

  beforeEach(() => {
    resetStore();
    worker = new FakeWorker();
    stop = startCompareRunner(
      new SimulationClient({ ...COMPARE_CLIENT_OPTIONS, createWorker: () => worker, testHooks: false }),
    );
  });
  afterEach(() => stop());

  it('runs nothing (and starts no worker) without pins', () => {
    expect(worker.received).toEqual([]);
  });

  it('runs each pin in turn, forward only and without samples, and stores what the chart draws', () => {
    setPins([he, xavier]);
    expect(worker.runs()).toHaveLength(1);
    const first = worker.runs()[0]!;
    expect(first).toMatchObject({ config: he, sampleSize: 0, backward: false });
    expect(store.getState().compare.results[pinKey(he)]?.phase).toBe('running');

    complete(worker, first.id, [2, Infinity], ['ok', 'overflow']);
    expect(store.getState().compare.results[pinKey(he)]).toEqual({
      phase: 'done',
      measured: [2, Infinity],
      statuses: ['ok', 'overflow'],
      theory: [4, Infinity],
      error: null,
    });
    // The second pin starts once the first is done: one worker, one run at a time.
    expect(worker.runs()).toHaveLength(2);
    expect(worker.runs()[1]!.config).toEqual(xavier);
  });

  it('cancels the run of a pin that is unpinned, forgets it, and goes on with the next', () => {
    setPins([he, xavier]);
    const first = worker.runs()[0]!;
    unpin(pinKey(he));
    expect(worker.cancels()).toEqual([first.id]);
    expect(store.getState().compare.results[pinKey(he)]).toBeUndefined();
    expect(worker.runs()).toHaveLength(2);
    expect(worker.runs()[1]!.config).toEqual(xavier);
    // A late reply of the cancelled run changes nothing.
    complete(worker, first.id, [1, 1]);
    expect(store.getState().compare.results[pinKey(he)]).toBeUndefined();
  });

  it('keeps finished results when a pin is unpinned, so pinning it again does not run it again', () => {
    setPins([he]);
    complete(worker, worker.runs()[0]!.id, [2, 2]);
    setPins([]);
    setPins([he]);
    expect(worker.runs()).toHaveLength(1);
    expect(store.getState().compare.results[pinKey(he)]?.phase).toBe('done');
  });

  it('refuses a pin over the run budget in its place, without running it', () => {
    const huge = config({ depth: 2000, width: 4096, batch: 4096 });
    setPins([huge, he]);
    const result = store.getState().compare.results[pinKey(huge)];
    expect(result?.phase).toBe('error');
    expect(result?.error).toMatch(/^Not run: /);
    expect(worker.runs().map((r) => r.config)).toEqual([he]);
  });

  it('a run that fails is shown as failed with the worker’s message', () => {
    setPins([he]);
    const { id } = worker.runs()[0]!;
    worker.reply({ type: 'error', id, message: 'The settings were refused.', cause: 'invalid' });
    expect(store.getState().compare.results[pinKey(he)]).toMatchObject({
      phase: 'error',
      error: 'The settings were refused.',
    });
  });
});
