import { beforeEach, describe, expect, it, vi } from 'vitest';

beforeEach(() => {
  performance.clearMarks();
  performance.clearMeasures();
  vi.resetModules();
});

describe('the first chart mark', () => {
  it('is set once, when the first finished run is drawn whole, at the moment it was drawn', async () => {
    const { FIRST_CHART_MARK, RunTiming } = await import('./runTiming');
    const first = new RunTiming(performance.now(), 1, 3);
    first.drawn(3);
    expect(performance.getEntriesByName(FIRST_CHART_MARK)).toHaveLength(0); // not done yet
    first.finished(false);
    const [mark] = performance.getEntriesByName(FIRST_CHART_MARK);
    const [measure] = performance.getEntriesByName('simulation');
    expect(mark!.startTime).toBeCloseTo(measure!.startTime + measure!.duration, 6);

    const second = new RunTiming(performance.now(), 2, 2);
    second.finished(false);
    second.drawn(2);
    expect(performance.getEntriesByName('simulation')).toHaveLength(2);
    expect(performance.getEntriesByName(FIRST_CHART_MARK)).toHaveLength(1);
  });

  it('waits for every layer: a partly drawn run marks nothing', async () => {
    const { FIRST_CHART_MARK, RunTiming } = await import('./runTiming');
    const run = new RunTiming(performance.now(), 1, 4);
    run.drawn(2);
    run.finished(false);
    expect(performance.getEntriesByName(FIRST_CHART_MARK)).toHaveLength(0);
    expect(performance.getEntriesByName('simulation:first-layer')).toHaveLength(1);
  });

  it('carries the worker’s time to the last forward layer, a layer arriving after the measure aside', async () => {
    const { RunTiming } = await import('./runTiming');
    const run = new RunTiming(performance.now(), 7, 2);
    run.forwardLayer(12.5);
    run.forwardLayer(40.25);
    run.drawn(2);
    run.finished(false);
    run.forwardLayer(99); // too late: the measure is taken
    const [measure] = performance.getEntriesByName('simulation') as PerformanceMeasure[];
    expect(measure!.detail).toEqual({ runId: 7, depth: 2, retried: false, workerForwardMs: 40.25 });
  });
});
