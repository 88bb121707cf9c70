import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { normalizeConfig } from '../core/config';
import type { SimConfig } from '../core/types';
import { SimulationClient, liveWorkerCount, type RunHandlers } from './client';
import type { FromWorker } from './protocol';
import { FakeWorker } from './fakeWorker.testutil';

function config(extra: Record<string, unknown> = {}): SimConfig {
  return normalizeConfig({ depth: 3, width: 8, batch: 4, ...extra }).config;
}

function recordingHandlers() {
  const events: string[] = [];
  const handlers: RunHandlers = {
    onStarted: (_theory, kernel) => events.push(`started ${kernel}`),
    onLayer: (stats) => events.push(`layer ${stats.layer}`),
    onDone: () => events.push('done'),
    onError: (message, retrying) => events.push(`error${retrying ? ' (retrying)' : ''}: ${message}`),
  };
  return { events, handlers };
}

const layer = (id: number, n: number): FromWorker =>
  ({ type: 'layer', id, stats: { layer: n }, sample: new Float32Array(0), elapsedMs: 0 }) as unknown as FromWorker;

describe('SimulationClient with a worker', () => {
  let workers: FakeWorker[];
  let client: SimulationClient;

  beforeEach(() => {
    vi.useFakeTimers();
    workers = [];
    client = new SimulationClient({
      createWorker: () => {
        const w = new FakeWorker();
        workers.push(w);
        return w;
      },
      watchdogMinMs: 10_000,
      testHooks: true,
    });
  });
  afterEach(() => {
    client.dispose();
    vi.useRealTimers();
  });

  it('delivers the current run and drops every reply of a replaced run', () => {
    const a = recordingHandlers();
    const b = recordingHandlers();
    const idA = client.run(config(), a.handlers);
    const idB = client.run(config({ depth: 4 }), b.handlers);
    expect(idB).not.toBe(idA);
    const w = workers[0]!;
    expect(workers).toHaveLength(1);
    expect(w.received.map((m) => m.type)).toEqual(['run', 'cancel', 'run']);

    w.reply({ type: 'started', id: idA, theory: [], kernel: 'js-reference' });
    w.reply(layer(idA, 1));
    w.reply({ type: 'done', id: idA, elapsedMs: 1 });
    w.reply({ type: 'started', id: idB, theory: [], kernel: 'wasm-simd' });
    w.reply(layer(idB, 1));
    w.reply({ type: 'done', id: idB, elapsedMs: 1 });
    w.reply(layer(idB, 2)); // after done: the run is over

    expect(a.events).toEqual([]);
    expect(b.events).toEqual(['started wasm-simd', 'layer 1', 'done']);
  });

  it('replaces a crashed worker and repeats the run once', () => {
    const r = recordingHandlers();
    const id = client.run(config(), r.handlers);
    workers[0]!.reply(layer(id, 1));
    workers[0]!.crash('out of luck');

    expect(workers[0]!.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(workers[1]!.lastRun()).toMatchObject({ id, config: config() });
    expect(r.events[1]).toMatch(/^error \(retrying\): The simulation worker crashed: out of luck\./);

    workers[0]!.reply(layer(id, 2)); // the dead worker's handlers are detached
    workers[1]!.reply(layer(id, 1));
    workers[1]!.reply({ type: 'done', id, elapsedMs: 1 });
    expect(r.events.slice(2)).toEqual(['layer 1', 'done']);
  });

  it('gives up after the one retry', () => {
    const r = recordingHandlers();
    client.run(config(), r.handlers);
    workers[0]!.crash();
    workers[1]!.crash();
    expect(r.events).toHaveLength(2);
    expect(r.events[1]).toMatch(/^error: The simulation worker crashed/);
    expect(workers).toHaveLength(2);
    // The next run gets a fresh worker.
    client.run(config(), recordingHandlers().handlers);
    expect(workers).toHaveLength(3);
  });

  it('retires the worker after a run whose backward pass kept a lot of the forward one, and starts the next one’s team', () => {
    // Depth 1000, width 1024, batch 64: 16 MB of checkpoints, garbage in the worker once done.
    const big = config({ depth: 1000, width: 1024, batch: 64 });
    const r = recordingHandlers();
    const id = client.run(big, r.handlers);
    workers[0]!.reply({ type: 'done', id, elapsedMs: 1 });
    expect(r.events).toEqual(['done']);
    expect(workers[0]!.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(workers[1]!.received).toEqual([{ type: 'prepare' }]);
    // Forward only, or small: the worker stays.
    const forward = client.run(big, recordingHandlers().handlers, { backward: false });
    workers[1]!.reply({ type: 'done', id: forward, elapsedMs: 1 });
    const small = client.run(config(), recordingHandlers().handlers);
    workers[1]!.reply({ type: 'done', id: small, elapsedMs: 1 });
    expect(workers).toHaveLength(2);
    expect(workers[1]!.terminated).toBe(false);
  });

  it('hands sample buffers back to the worker, and nothing when there are none', () => {
    client.recycle([]);
    client.run(config(), recordingHandlers().handlers);
    const buffers = [new ArrayBuffer(8), new ArrayBuffer(8)];
    client.recycle([]);
    client.recycle(buffers);
    expect(workers[0]!.received.filter((m) => m.type === 'recycle')).toEqual([{ type: 'recycle', buffers }]);
  });

  it('retries an engine failure but not a refused config', () => {
    const r = recordingHandlers();
    const id = client.run(config(), r.handlers);
    workers[0]!.reply({ type: 'error', id, message: 'Out of memory.', cause: 'exception' });
    expect(workers).toHaveLength(2);
    expect(r.events).toEqual(['error (retrying): Out of memory. It was restarted and the run is being repeated.']);

    const s = recordingHandlers();
    const id2 = client.run(config(), s.handlers);
    workers[1]!.reply({ type: 'error', id: id2, message: 'Refused.', cause: 'invalid' });
    expect(workers).toHaveLength(2);
    expect(s.events).toEqual(['error: Refused.']);
  });

  it('treats a silent worker as hung, with a budget that grows with the work', () => {
    const r = recordingHandlers();
    const id = client.run(config(), r.handlers);
    vi.advanceTimersByTime(9_000);
    workers[0]!.reply(layer(id, 1)); // any reply resets the watchdog
    vi.advanceTimersByTime(9_000);
    expect(workers).toHaveLength(1);
    vi.advanceTimersByTime(1_001);
    expect(workers[0]!.terminated).toBe(true);
    expect(r.events[1]).toMatch(/^error \(retrying\): The simulation worker stopped responding for 10 s\./);
    expect(workers[1]!.lastRun().id).toBe(id);

    // 2·B·N²·L = 2·4096·4096²·20 ≈ 2.7 TFLOP → at 0.2 GFLOP/s ≈ 13 700 s before giving up.
    const big = recordingHandlers();
    client.run(config({ depth: 20, width: 4096, batch: 4096 }), big.handlers);
    vi.advanceTimersByTime(13_000_000);
    expect(big.events).toEqual([]);
    vi.advanceTimersByTime(1_000_000);
    expect(big.events[0]).toMatch(/stopped responding/);
  });

  it('cancels light runs by message and heavy ones by replacing the worker', () => {
    client.run(config(), recordingHandlers().handlers);
    client.cancel();
    expect(workers[0]!.received.map((m) => m.type)).toEqual(['run', 'cancel']);
    expect(workers[0]!.terminated).toBe(false);

    client.run(config({ width: 2048, batch: 1024 }), recordingHandlers().handlers);
    const r = recordingHandlers();
    const id = client.run(config(), r.handlers);
    expect(workers[0]!.terminated).toBe(true);
    expect(workers[1]!.lastRun().id).toBe(id);
  });

  it('keeps one live worker however often it is replaced, and none after dispose', () => {
    const before = liveWorkerCount();
    for (let i = 0; i < 5; i++) {
      client.run(config(), recordingHandlers().handlers);
      workers.at(-1)!.crash();
      client.run(config({ width: 2048, batch: 1024 }), recordingHandlers().handlers);
      client.cancel(); // heavy: replaced rather than messaged
    }
    expect(workers.length).toBeGreaterThan(5);
    expect(workers.filter((w) => !w.terminated)).toHaveLength(liveWorkerCount() - before);
    expect(liveWorkerCount() - before).toBeLessThanOrEqual(1);
    client.dispose();
    expect(liveWorkerCount()).toBe(before);
  });

  it('forwards the crash test hook only when test hooks are on', () => {
    client.run(config(), recordingHandlers().handlers);
    expect(client.crash('hang')).toBe(true);
    expect(workers[0]!.received.at(-1)).toEqual({ type: 'crash', mode: 'hang' });

    const plain = new SimulationClient({ createWorker: () => new FakeWorker(), testHooks: false });
    plain.run(config(), recordingHandlers().handlers);
    expect(plain.crash('throw')).toBe(false);
    plain.dispose();
  });
});

describe('SimulationClient without workers', () => {
  it('runs the same loop on the main thread', async () => {
    const client = new SimulationClient({ createWorker: () => null });
    const r = recordingHandlers();
    let finished: () => void = () => {};
    const done = new Promise<void>((resolve) => (finished = resolve));
    client.run(config(), {
      ...r.handlers,
      onDone: () => {
        r.events.push('done');
        finished();
      },
    });
    expect(r.events).toEqual([]); // nothing happens inside run() itself
    await done;
    expect(client.mode).toBe('main-thread');
    expect(r.events.slice(1)).toEqual(['layer 1', 'layer 2', 'layer 3', 'done']);
    client.dispose();
  });

  it('stops a cancelled main-thread run between layers', async () => {
    const client = new SimulationClient({ createWorker: () => null });
    const r = recordingHandlers();
    r.handlers.onLayer = () => {
      r.events.push('layer');
      client.cancel();
    };
    client.run(config({ depth: 50 }), r.handlers);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(r.events.filter((e) => e === 'layer')).toHaveLength(1);
    expect(r.events).not.toContain('done');
    client.dispose();
  });
});

describe('SimulationClient and the backward pass', () => {
  const gradient = (id: number, n: number): FromWorker =>
    ({
      type: 'gradient',
      id,
      layer: n,
      stats: { secondMoment: 1 },
      sample: new Float32Array(0),
      elapsedMs: 0,
    }) as unknown as FromWorker;

  it('asks for the backward pass (not correlations) by default, and as configured', () => {
    const workers: FakeWorker[] = [];
    const create = () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    };
    const byDefault = new SimulationClient({ createWorker: create, testHooks: false });
    byDefault.run(config(), recordingHandlers().handlers);
    expect(workers[0]!.lastRun()).toMatchObject({ backward: true, correlations: false });
    byDefault.dispose();
    const forwardOnly = new SimulationClient({
      createWorker: create,
      testHooks: false,
      backward: false,
      correlations: true,
    });
    forwardOnly.run(config(), recordingHandlers().handlers);
    expect(workers[1]!.lastRun()).toMatchObject({ backward: false, correlations: true });
    forwardOnly.dispose();
  });

  it('delivers the current run’s gradients in order and nothing of a replaced run', () => {
    const w = new FakeWorker();
    const client = new SimulationClient({ createWorker: () => w, testHooks: false });
    const events: string[] = [];
    const handlers: RunHandlers = {
      ...recordingHandlers().handlers,
      onGradient: (layer) => events.push(`gradient ${layer}`),
      onDone: () => events.push('done'),
    };
    const old = client.run(config(), handlers);
    const id = client.run(config(), handlers);
    w.reply(gradient(old, 3));
    for (const n of [3, 2, 1]) w.reply(gradient(id, n));
    w.reply({ type: 'done', id, elapsedMs: 1 });
    w.reply(gradient(id, 1)); // after done: the run is over
    expect(events).toEqual(['gradient 3', 'gradient 2', 'gradient 1', 'done']);
    client.dispose();
  });
});
