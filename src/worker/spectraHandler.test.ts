import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../core/config';
import { createSpectraHandler } from './spectraHandler';
import type { FromSpectraWorker } from './spectraProtocol';

function host() {
  const messages: FromSpectraWorker[] = [];
  let resolveIdle: () => void = () => {};
  const idle = new Promise<void>((resolve) => (resolveIdle = resolve));
  const handle = createSpectraHandler({
    post: (m) => {
      messages.push(m);
      if (m.type === 'done' || m.type === 'error') resolveIdle();
    },
    yieldToEventLoop: () => new Promise((resolve) => setTimeout(resolve, 0)),
  });
  return { messages, idle, handle };
}

describe('spectra handler', () => {
  it('streams progress per layer and a spectrum with its summary and theory at layers 1, L/4, L/2, L', async () => {
    const { config } = normalizeConfig({ init: 'orthogonal', activation: 'linear', depth: 8, width: 16, batch: 2 });
    const { messages, idle, handle } = host();
    handle({ type: 'jacobian', id: 1, config });
    await idle;
    expect(messages.filter((m) => m.type === 'progress').map((m) => (m.type === 'progress' ? m.layer : 0))).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8,
    ]);
    const spectra = messages.flatMap((m) => (m.type === 'spectrum' ? [m] : []));
    expect(spectra.map((s) => s.layer)).toEqual([1, 2, 4, 8]);
    for (const s of spectra) {
      expect(s.values).toHaveLength(16);
      expect(Math.abs(s.summary.meanSquare - 1)).toBeLessThan(1e-6);
      expect(s.theory.meanSquare).toBeCloseTo(1, 12);
    }
    expect(messages.at(-1)).toEqual({ type: 'done', id: 1 });
    // The middle layer's weights against Marchenko–Pastur come first; orthogonal: every eigenvalue 1.
    const weights = messages.find((m) => m.type === 'weights');
    expect(weights?.type === 'weights' && weights.layer).toBe(4);
    if (weights?.type === 'weights') for (const v of weights.eigenvalues) expect(Math.abs(v - 1)).toBeLessThan(1e-5);
  });

  it('stops a request when a newer one arrives, and reports bad requests as errors', async () => {
    const { config } = normalizeConfig({ depth: 40, width: 16, batch: 2 });
    const { messages, idle, handle } = host();
    handle({ type: 'jacobian', id: 1, config });
    handle({ type: 'jacobian', id: 2, config: { ...config, activation: 'no_such_activation' } });
    await idle;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(messages.some((m) => m.type === 'error' && m.id === 2)).toBe(true);
    expect(messages.filter((m) => m.id === 1 && m.type === 'progress').length).toBeLessThanOrEqual(1);
    expect(messages.some((m) => m.id === 1 && m.type === 'done')).toBe(false);
  });
});
