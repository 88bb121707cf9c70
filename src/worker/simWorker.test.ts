import { afterEach, describe, expect, it, vi } from 'vitest';
import { EARLY_WORKER_NAME } from './protocol';

/** Stands in for the browser's Worker: records what it was sent and lets a test fail its load. */
class FakeWorker extends EventTarget {
  static made: FakeWorker[] = [];
  readonly sent: unknown[] = [];
  terminated = false;
  constructor(
    readonly url: URL,
    readonly options: WorkerOptions = {},
  ) {
    super();
    FakeWorker.made.push(this);
  }
  postMessage(message: unknown): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
}

async function freshModule() {
  vi.resetModules();
  FakeWorker.made = [];
  vi.stubGlobal('Worker', FakeWorker);
  return import('./simWorker');
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the simulation worker started early', () => {
  it('is started once, asked to prepare its kernel, and handed to the first taker only', async () => {
    const { startSimWorkerEarly, takeSimWorker } = await freshModule();
    startSimWorkerEarly();
    startSimWorkerEarly();
    expect(FakeWorker.made).toHaveLength(1);
    expect(FakeWorker.made[0]!.sent).toEqual([{ type: 'prepare' }]);
    // Its name tells it to warm up at once (sim.worker.ts); a replacement's does not.
    expect(FakeWorker.made[0]!.options).toEqual({ type: 'module', name: EARLY_WORKER_NAME });
    expect(takeSimWorker()).toBe(FakeWorker.made[0]);
    const second = takeSimWorker();
    expect(second).not.toBe(FakeWorker.made[0]);
    expect(FakeWorker.made).toHaveLength(2);
    expect(FakeWorker.made[1]!.options).toEqual({ type: 'module' });
  });

  it('is replaced by a fresh worker when its script failed to load before it was taken', async () => {
    const { startSimWorkerEarly, takeSimWorker } = await freshModule();
    startSimWorkerEarly();
    const early = FakeWorker.made[0]!;
    early.dispatchEvent(new Event('error'));
    const taken = takeSimWorker();
    expect(taken).not.toBe(early);
    expect(early.terminated).toBe(true);
    expect(FakeWorker.made).toHaveLength(2);
  });

  it('leaves the choice to the client where workers do not exist', async () => {
    vi.resetModules();
    vi.stubGlobal('Worker', undefined);
    const { startSimWorkerEarly, takeSimWorker } = await import('./simWorker');
    startSimWorkerEarly();
    expect(takeSimWorker()).toBeNull();
  });
});
