import { describe, expect, it } from 'vitest';
import type { PhaseProgress } from '../core/phaseGrid';
import {
  activationKey,
  createLocalPhaseWorker,
  PhaseClient,
  SupersededError,
  type PhaseWorkerLike,
} from './phaseClient';

describe('PhaseClient (handler on the main thread, as without Worker support)', () => {
  it('computes a grid once, reporting progress, and answers the same settings from its cache', async () => {
    let created = 0;
    const client = new PhaseClient(() => {
      created++;
      return createLocalPhaseWorker();
    });
    const progress: PhaseProgress[] = [];
    const grid = await client.grid('linear', {}, (p) => progress.push(p));
    expect(grid.activation).toBe('linear');
    expect(grid.critical.every((c) => c.sigmaW2 === 1)).toBe(true);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);
    expect(client.cachedGrid('linear', {})).toBe(grid);
    await expect(client.grid('linear', {})).resolves.toBe(grid);
    expect(created).toBe(1);
    client.dispose();
  });

  it('drops a grid still being computed when another activation is asked for', async () => {
    const client = new PhaseClient(createLocalPhaseWorker);
    const first = client.grid('tanh', {});
    const second = client.grid('relu', {});
    await expect(first).rejects.toBeInstanceOf(SupersededError);
    await expect(second).resolves.toMatchObject({ activation: 'relu' });
    expect(client.cachedGrid('tanh', {})).toBeUndefined();
    client.dispose();
  });

  it('answers points between grid rows, and caches them', async () => {
    const client = new PhaseClient(createLocalPhaseWorker);
    const grid = client.grid('relu', {}).then(() => 'grid');
    const point = client.point('tanh', {}, 1, 0.05).then((p) => {
      expect(p.settles).toBe(true);
      expect(p.scales!.chi1).toBeCloseTo(0.759, 3);
      return 'point';
    });
    // The point does not wait for the whole grid.
    expect(await Promise.race([grid, point])).toBe('point');
    expect(client.point('tanh', {}, 1, 0.05)).toBe(client.point('tanh', {}, 1, 0.05));
    await grid;
    client.dispose();
  });

  it('rejects what is pending when the worker crashes, and starts a fresh worker for the next request', async () => {
    let created = 0;
    const crashing = (): PhaseWorkerLike => {
      created++;
      const w: PhaseWorkerLike = {
        onmessage: null,
        onerror: null,
        postMessage: () => setTimeout(() => w.onerror?.({ message: 'boom' } as ErrorEvent), 0),
        terminate: () => undefined,
      };
      return w;
    };
    const client = new PhaseClient(crashing);
    await expect(client.grid('relu', {})).rejects.toThrow('The phase worker crashed: boom.');
    await expect(client.point('relu', {}, 2, 0)).rejects.toThrow('crashed');
    expect(created).toBe(2);
  });

  it('keys activations by their parameters in a fixed order', () => {
    expect(activationKey('elu', { alpha: 1, b: 2 })).toBe(activationKey('elu', { b: 2, alpha: 1 }));
    expect(activationKey('elu', { alpha: 1 })).not.toBe(activationKey('elu', { alpha: 0.5 }));
  });
});
