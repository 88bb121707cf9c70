import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../core/config';
import { createKernel } from '../core/kernels';
import { simulate } from '../core/network';
import { simulateWithGradients } from '../core/backward';
import { warmUp, WARM_UP_NETWORKS } from './warmUp';

const resolved = () => Promise.resolve();

describe('the simulation worker’s warm-up', () => {
  it('goes through the forward pass and then the backward pass when nothing interrupts it', async () => {
    let yields = 0;
    const steps = await warmUp(createKernel(), {
      yieldToEventLoop: () => {
        yields++;
        return resolved();
      },
      isCancelled: () => false,
    });
    // Per network, one step per forward layer, then at least one per layer on the way back.
    const layers = WARM_UP_NETWORKS.reduce((sum, n) => sum + n.depth, 0);
    expect(steps).toBeGreaterThanOrEqual(2 * layers);
    expect(yields).toBe(steps + 1); // and one before the first step
  });

  it('takes no step when a request is already waiting', async () => {
    let requested = false;
    const steps = await warmUp(createKernel(), {
      yieldToEventLoop: () => {
        requested = true; // the queued request is handled during the first yield
        return resolved();
      },
      isCancelled: () => requested,
    });
    expect(steps).toBe(0);
  });

  it('gives way at its next yield once a run has been asked for', async () => {
    let yields = 0;
    const steps = await warmUp(createKernel(), {
      yieldToEventLoop: () => {
        yields++;
        return resolved();
      },
      isCancelled: () => yields > 3, // a request arrives during the third step
    });
    expect(steps).toBe(3);
  });

  it('leaves the kernel computing the same bits as a fresh one', async () => {
    const { config } = normalizeConfig({ depth: 4, width: 48, batch: 16, seed: 11, activation: 'tanh' });
    const warmed = createKernel();
    await warmUp(warmed, { yieldToEventLoop: resolved, isCancelled: () => false });
    expect(simulate(config, warmed, { correlations: true })).toEqual(
      simulate(config, createKernel(), { correlations: true }),
    );
    expect(simulateWithGradients(config, { kernel: warmed }).gradients).toEqual(
      simulateWithGradients(config, { kernel: createKernel() }).gradients,
    );
  });
});
