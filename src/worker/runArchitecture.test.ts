import { describe, expect, it } from 'vitest';
import { simulateArchitecture } from '../core/architecture/run';
import { normalizeConfig } from '../core/config';
import { createKernel } from '../core/kernels';
import type { SimConfig } from '../core/types';
import type { FromWorker } from './protocol';
import { runSimulation, type SimulationHost } from './runSimulation';

function host(): SimulationHost & { posted: FromWorker[] } {
  const posted: FromWorker[] = [];
  return {
    posted,
    post: (msg) => posted.push(msg),
    yieldToEventLoop: () => Promise.resolve(),
    isCancelled: () => false,
    now: () => 0,
  };
}

function configOf(input: Record<string, unknown>): SimConfig {
  const { config, issues } = normalizeConfig(input);
  expect(issues).toEqual([]);
  return config;
}

describe('the worker runs residual and normalized networks', () => {
  it('posts a block after its last branch layer, the gradients from the top, a blockGradient per block, the CLI’s numbers', async () => {
    const config = configOf({
      residual: true,
      blocks: 2,
      branchDepth: 2,
      width: 8,
      inputDim: 4,
      batch: 4,
      norm: 'layer',
    });
    const h = host();
    await runSimulation({ id: 1, config, sampleSize: 8, backward: true }, h, createKernel());
    expect(h.posted.map((m) => m.type)).toEqual([
      'started',
      ...['layer', 'layer', 'layer', 'block', 'layer', 'layer', 'block'],
      ...['blockGradient', 'gradient', 'gradient', 'blockGradient', 'gradient', 'gradient', 'gradient'],
      'done',
    ]);
    const reference = simulateArchitecture(config, { backward: true });
    const blocks = h.posted.flatMap((m) => (m.type === 'block' ? [m.stats] : []));
    expect(blocks).toEqual(reference.blocks);
    const layers = h.posted.flatMap((m) => (m.type === 'layer' ? [m.stats] : []));
    expect(layers).toEqual(reference.layers);
  });

  it('re-checks the architecture it receives: a bad one is refused, not run', async () => {
    const config = configOf({ residual: true, blocks: 2, width: 8, batch: 4 });
    const bad = { ...config, architecture: { ...config.architecture!, branchScale: -1 } };
    const h = host();
    await runSimulation({ id: 2, config: bad, sampleSize: 8 }, h, createKernel());
    expect(h.posted).toHaveLength(1);
    expect(h.posted[0]).toMatchObject({ type: 'error', cause: 'invalid' });
    expect((h.posted[0] as { message: string }).message).toMatch(/branchScale/);
  });
});
