import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GradientStats, LayerStats } from '../core/types';
import { SimulationClient } from '../worker/client';
import type { FromWorker } from '../worker/protocol';
import { setBatch, setDepth, setWidth } from './actions';
import { notifyDrawn, startRunner } from './runner';
import { resetStore, store } from './store';
import { FakeWorker } from '../worker/fakeWorker.testutil';

/** Longer than the runner's frame stand-in (16 ms) in Node. */
const nextFrame = () => new Promise((resolve) => setTimeout(resolve, 40));

const layer = (id: number, n: number): FromWorker => ({
  type: 'layer',
  id,
  stats: { layer: n } as LayerStats,
  sample: new Float32Array(1),
  preSample: new Float32Array(1),
  elapsedMs: n,
});

/** Replies a whole successful run of `depth` layers. */
function completeRun(worker: FakeWorker, id: number, depth: number): void {
  worker.reply({ type: 'started', id, theory: [], kernel: 'js-reference' });
  for (let n = 1; n <= depth; n++) worker.reply(layer(id, n));
  worker.reply({ type: 'done', id, elapsedMs: 42 });
}

describe('runner', () => {
  let worker: FakeWorker;
  let stop: () => void;

  beforeEach(() => {
    resetStore();
    // Small enough that no run is ever previewed (runner.preview.test.ts covers previews).
    setWidth(16);
    setBatch(8);
    setDepth(3);
    performance.clearMeasures('simulation');
    worker = new FakeWorker();
    stop = startRunner(new SimulationClient({ createWorker: () => worker, testHooks: false }));
  });
  afterEach(() => stop());

  it('starts a run for the current settings on the next frame', async () => {
    expect(worker.runs()).toHaveLength(0);
    await nextFrame();
    expect(worker.runs()).toHaveLength(1);
    expect(worker.runs()[0]!.config).toEqual(store.getState().config);
    expect(store.getState().run.phase).toBe('running');
  });

  it('turns changes within one frame into a single run of the newest settings', async () => {
    await nextFrame();
    setDepth(4);
    setDepth(5);
    setDepth(6);
    await nextFrame();
    const runs = worker.runs();
    expect(runs).toHaveLength(2);
    expect(runs[1]!.config.widths).toHaveLength(6);
  });

  it('writes streamed layers into the store once per frame', async () => {
    await nextFrame();
    const { id } = worker.runs()[0]!;
    let runUpdates = 0;
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.run !== prev.run) runUpdates++;
    });
    completeRun(worker, id, 3);
    await nextFrame();
    unsubscribe();
    expect(runUpdates).toBe(1);
    const { run } = store.getState();
    expect(run).toMatchObject({ phase: 'done', progress: 1, elapsedMs: 42, kernel: 'js-reference', error: null });
    expect(run.layers.map((l) => l.layer)).toEqual([1, 2, 3]);
    expect(run.samples).toHaveLength(3);
    expect(run.config?.widths).toHaveLength(3);
  });

  it('writes the first layer at once, later ones at a lower rate, and the outcome at once', async () => {
    setDepth(5);
    await nextFrame();
    const { id } = worker.runs().at(-1)!;
    worker.reply({ type: 'started', id, theory: [], kernel: 'js-reference' });
    worker.reply(layer(id, 1));
    await nextFrame();
    expect(store.getState().run.layers).toHaveLength(1);
    // Mid-run layers wait out the streaming interval (well over a frame)…
    worker.reply(layer(id, 2));
    await nextFrame();
    expect(store.getState().run.layers).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(store.getState().run.layers).toHaveLength(2);
    // …but the last layer and the outcome do not.
    worker.reply(layer(id, 3));
    worker.reply(layer(id, 4));
    worker.reply(layer(id, 5));
    worker.reply({ type: 'done', id, elapsedMs: 42 });
    await nextFrame();
    expect(store.getState().run).toMatchObject({ phase: 'done', progress: 1 });
    expect(store.getState().run.layers).toHaveLength(5);
  });

  it('writes gradients at index layer − 1 as they stream from the top, and is done only after them', async () => {
    await nextFrame();
    const { id } = worker.runs()[0]!;
    const gradient = (n: number): FromWorker => ({
      type: 'gradient',
      id,
      layer: n,
      stats: { secondMoment: n } as GradientStats,
      sample: new Float32Array(n),
      elapsedMs: 10 + n,
    });
    worker.reply({ type: 'started', id, theory: [], kernel: 'js-reference' });
    for (let n = 1; n <= 3; n++) worker.reply(layer(id, n));
    worker.reply(gradient(3));
    worker.reply(gradient(2));
    await nextFrame();
    let { run } = store.getState();
    expect(run.phase).toBe('running');
    expect(run.gradients[0]).toBeUndefined();
    expect(run.gradients).toHaveLength(3);
    expect([run.gradients[1]!.secondMoment, run.gradients[2]!.secondMoment]).toEqual([2, 3]);
    expect(run.gradientSamples[2]).toHaveLength(3);
    // The forward pass is all drawn: the measure's end is fixed now, recorded once the run is done.
    notifyDrawn(run.id, 3);
    expect(performance.getEntriesByName('simulation')).toHaveLength(0);
    worker.reply(gradient(1));
    worker.reply({ type: 'done', id, elapsedMs: 42 });
    await nextFrame();
    run = store.getState().run;
    expect(run).toMatchObject({ phase: 'done', progress: 1, elapsedMs: 42 });
    expect(run.gradients.map((g) => g.secondMoment)).toEqual([1, 2, 3]);
    expect(performance.getEntriesByName('simulation')).toHaveLength(1);
    // The next run's first reply replaces them.
    setDepth(4);
    await nextFrame();
    worker.reply({ type: 'started', id: worker.runs()[1]!.id, theory: [], kernel: 'js-reference' });
    await nextFrame();
    expect(store.getState().run).toMatchObject({ gradients: [], gradientSamples: [] });
  });

  it('hands the samples of the results it replaces back to the worker once a new run replaces them', async () => {
    await nextFrame();
    const first = worker.runs()[0]!.id;
    worker.reply({ type: 'started', id: first, theory: [], kernel: 'js-reference' });
    for (let n = 1; n <= 3; n++) worker.reply(layer(first, n));
    worker.reply({
      type: 'gradient',
      id: first,
      layer: 3,
      stats: { secondMoment: 1 } as GradientStats,
      sample: new Float32Array(2),
      elapsedMs: 1,
    });
    worker.reply({ type: 'done', id: first, elapsedMs: 42 });
    await nextFrame();
    const { samples, preSamples, gradientSamples } = store.getState().run;
    expect(preSamples).toHaveLength(3);
    setDepth(4);
    await nextFrame();
    expect(worker.received.filter((m) => m.type === 'recycle')).toHaveLength(0);
    // The old results stay on screen until the new run's first reply replaces them.
    const second = worker.runs()[1]!.id;
    worker.reply({ type: 'started', id: second, theory: [], kernel: 'js-reference' });
    await nextFrame();
    const recycled = worker.received.filter((m) => m.type === 'recycle');
    expect(recycled).toHaveLength(1);
    expect(recycled[0]).toEqual({
      type: 'recycle',
      buffers: [...samples, ...preSamples, gradientSamples[2]!].map((s) => s.buffer),
    });
  });

  it('records the simulation measure once, when the last layer of a finished run is drawn', async () => {
    await nextFrame();
    const { id } = worker.runs()[0]!;
    completeRun(worker, id, 3);
    await nextFrame();
    const runId = store.getState().run.id;
    notifyDrawn(runId, 2);
    expect(performance.getEntriesByName('simulation')).toHaveLength(0);
    notifyDrawn(runId, 3);
    notifyDrawn(runId, 3);
    notifyDrawn(runId - 1, 3);
    const entries = performance.getEntriesByName('simulation');
    expect(entries).toHaveLength(1);
    expect(entries[0]!.duration).toBeGreaterThan(0);
  });

  it('measures when `done` arrives after the charts already drew every layer', async () => {
    await nextFrame();
    const { id } = worker.runs()[0]!;
    worker.reply({ type: 'started', id, theory: [], kernel: 'js-reference' });
    for (let n = 1; n <= 3; n++) worker.reply(layer(id, n));
    await nextFrame();
    notifyDrawn(store.getState().run.id, 3);
    expect(performance.getEntriesByName('simulation')).toHaveLength(0);
    worker.reply({ type: 'done', id, elapsedMs: 42 });
    await nextFrame();
    expect(performance.getEntriesByName('simulation')).toHaveLength(1);
  });

  it('keeps the previous results on screen until the new run replies', async () => {
    await nextFrame();
    completeRun(worker, worker.runs()[0]!.id, 3);
    await nextFrame();
    const shownId = store.getState().run.id;
    setDepth(4);
    await nextFrame();
    expect(store.getState().run).toMatchObject({ id: shownId, phase: 'running', progress: 0 });
    expect(store.getState().run.layers).toHaveLength(3);
    const { id } = worker.runs()[1]!;
    worker.reply({ type: 'started', id, theory: [], kernel: 'js-reference' });
    worker.reply(layer(id, 1));
    await nextFrame();
    expect(store.getState().run.id).not.toBe(shownId);
    expect(store.getState().run).toMatchObject({ phase: 'running', progress: 0.25 });
    expect(store.getState().run.layers).toHaveLength(1);
  });

  it('flags a run as slow after about 200 ms', async () => {
    await nextFrame();
    expect(store.getState().run.slow).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(store.getState().run.slow).toBe(true);
  });

  it('shows a refused run as an error, with a notice', async () => {
    await nextFrame();
    const { id } = worker.runs()[0]!;
    worker.reply({
      type: 'error',
      id,
      message: 'The simulation request was refused: batch: 0 is below 1.',
      cause: 'invalid',
    });
    await nextFrame();
    expect(store.getState().run.phase).toBe('error');
    expect(store.getState().run.error).toMatch(/refused/);
    expect(store.getState().notices.map((n) => n.tone)).toEqual(['error']);
  });

  it("does not show the previous settings' results after a run of new settings fails before replying", async () => {
    await nextFrame();
    completeRun(worker, worker.runs()[0]!.id, 3);
    await nextFrame();
    setDepth(4);
    await nextFrame();
    const { id } = worker.runs()[1]!;
    worker.reply({ type: 'error', id, message: 'Refused.', cause: 'invalid' });
    await nextFrame();
    const { run, config } = store.getState();
    expect(run).toMatchObject({ phase: 'error', layers: [], samples: [], theory: [] });
    expect(run.config).toEqual(config);
  });

  it('refuses settings past the run budget without starting a run, with a notice and the estimate', async () => {
    await nextFrame();
    completeRun(worker, worker.runs()[0]!.id, 3);
    await nextFrame();
    const { config } = store.getState();
    store.setState({ config: { ...config, widths: new Array<number>(2000).fill(4096), inputDim: 4096, batch: 4096 } });
    await nextFrame();
    await nextFrame();
    expect(worker.runs()).toHaveLength(1);
    const { run, notices } = store.getState();
    expect(run).toMatchObject({ phase: 'error', layers: [] });
    expect(run.config?.widths).toHaveLength(2000);
    expect(run.error).toBe(
      'Not run: depth 2000 × width 4096 × batch 4096 needs 285 TFLOP (about 2 h here); the limit is 2 TFLOP — try width 256 or depth 8.',
    );
    expect(notices.map((n) => [n.tone, n.text])).toEqual([['warning', run.error]]);
    // Back within the budget: the notice goes and a run starts.
    store.setState({ config: { ...store.getState().config, widths: [8, 8, 8], inputDim: 8, batch: 4 } });
    await nextFrame();
    expect(worker.runs()).toHaveLength(2);
    expect(store.getState().notices).toEqual([]);
  });

  it('says so when a crashed worker was restarted and the run then completed', async () => {
    await nextFrame();
    const { id } = worker.runs()[0]!;
    worker.reply({ type: 'started', id, theory: [], kernel: 'js-reference' });
    worker.onerror?.(Object.assign(new Event('error'), { message: 'boom' }) as ErrorEvent);
    const notice = store.getState().notices[0];
    expect(notice?.text).toMatch(/crashed: boom\. It was restarted/);
    // The client restarted the (same fake) worker and posted the run again.
    expect(worker.runs()).toHaveLength(2);
    completeRun(worker, id, 3);
    await nextFrame();
    expect(store.getState().run.phase).toBe('done');
    const notices = store.getState().notices;
    expect(notices.map((n) => n.tone)).toEqual(['info']);
    expect(notices[0]!.text).toMatch(/restarted/);
  });
});
