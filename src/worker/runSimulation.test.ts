import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../core/config';
import { createJsKernel, createKernel, type MatmulKernel } from '../core/kernels';
import { simulateWithGradients } from '../core/backward';
import { simulate, simulateLayers } from '../core/network';
import type { SimConfig } from '../core/types';
import type { FromWorker } from './protocol';
import { checkRequest, estimateFlops, runSimulation, runsBackward, type SimulationHost } from './runSimulation';

interface Posted {
  msg: FromWorker;
  transfer: Transferable[];
}

function recordingHost(cancelAfterLayers = Infinity): SimulationHost & { posted: Posted[] } {
  const posted: Posted[] = [];
  return {
    posted,
    post: (msg, transfer = []) => posted.push({ msg, transfer }),
    yieldToEventLoop: () => Promise.resolve(),
    isCancelled: () => posted.filter((p) => p.msg.type === 'layer').length >= cancelAfterLayers,
    now: () => 0,
  };
}

function smallConfig(extra: Record<string, unknown> = {}): SimConfig {
  const { config, issues } = normalizeConfig({ depth: 5, width: 16, batch: 8, seed: 7, ...extra });
  expect(issues).toEqual([]);
  return config;
}

const types = (posted: Posted[]) => posted.map((p) => p.msg.type);

describe('runSimulation', () => {
  it('posts started, one layer per layer in order, then done', async () => {
    const config = smallConfig();
    const host = recordingHost();
    const kernel = createKernel();
    await runSimulation({ id: 3, config, sampleSize: 32 }, host, kernel);

    expect(types(host.posted)).toEqual(['started', 'layer', 'layer', 'layer', 'layer', 'layer', 'done']);
    expect(host.posted.every((p) => p.msg.id === 3)).toBe(true);
    const started = host.posted[0]!.msg;
    expect(started.type === 'started' && started.kernel).toBe(kernel.name);
    expect(started.type === 'started' && started.theory.length).toBe(5);
    const layerNumbers = host.posted.flatMap((p) => (p.msg.type === 'layer' ? [p.msg.stats.layer] : []));
    expect(layerNumbers).toEqual([1, 2, 3, 4, 5]);
  });

  it('sends transferable copies of the first sampleSize post- and pre-activation values', async () => {
    const config = smallConfig();
    const host = recordingHost();
    await runSimulation({ id: 1, config, sampleSize: 50 }, host, createJsKernel());

    const expected: Float32Array[] = [];
    const expectedPre: Float32Array[] = [];
    for (const { pre, post } of simulateLayers(config, createJsKernel())) {
      expected.push(post.slice(0, 50));
      expectedPre.push(pre.slice(0, 50));
    }
    const layers = host.posted.filter((p) => p.msg.type === 'layer');
    layers.forEach((p, i) => {
      if (p.msg.type !== 'layer') throw new Error('unreachable');
      const { sample, preSample } = p.msg;
      expect(sample).toEqual(expected[i]);
      expect(preSample).toEqual(expectedPre[i]);
      // Pre-activations, not outputs: φ changes them.
      expect(preSample).not.toEqual(sample);
      // Each its own buffer, exactly its size, listed for transfer: never a view of engine memory.
      for (const s of [sample, preSample]) {
        expect(s.byteOffset).toBe(0);
        expect(s.buffer.byteLength).toBe(s.byteLength);
      }
      expect(p.transfer).toEqual([sample.buffer, preSample.buffer]);
    });
    // Distinct buffers: a later layer must not overwrite an earlier sample.
    const buffers = layers.flatMap((p) =>
      p.msg.type === 'layer' ? [p.msg.sample.buffer, p.msg.preSample.buffer] : [],
    );
    expect(new Set(buffers).size).toBe(10);
  });

  it('puts samples in the spare buffers the host has, then in new ones', async () => {
    const config = smallConfig();
    const spares = [new ArrayBuffer(400), new ArrayBuffer(100), new ArrayBuffer(400)];
    const host = {
      ...recordingHost(),
      spareBuffer: (bytes: number) => (spares.at(-1)!.byteLength >= bytes ? spares.pop() : undefined),
    };
    await runSimulation({ id: 1, config, sampleSize: 50 }, host, createJsKernel());
    const expected: Float32Array[] = [];
    for (const { post } of simulateLayers(config, createJsKernel())) expected.push(post.slice(0, 50));
    const samples = host.posted.flatMap((p) =>
      p.msg.type === 'layer' ? [{ sample: p.msg.sample, transfer: p.transfer }] : [],
    );
    expect(samples.map((s) => Array.from(s.sample))).toEqual(expected.map((e) => Array.from(e)));
    // The first spare fits (400 bytes for 200), the next does not: new buffers from then on.
    expect(samples.map((s) => s.sample.buffer.byteLength)).toEqual([400, 200, 200, 200, 200]);
    expect(samples.every((s) => s.transfer.length === 2 && s.transfer[0] === s.sample.buffer)).toBe(true);
  });

  it('clamps the sample to the layer size and allows an empty sample', async () => {
    const config = smallConfig();
    const big = recordingHost();
    await runSimulation({ id: 1, config, sampleSize: 1_000_000 }, big, createKernel());
    const none = recordingHost();
    await runSimulation({ id: 1, config, sampleSize: 0 }, none, createKernel());
    for (const p of big.posted) if (p.msg.type === 'layer') expect(p.msg.sample.length).toBe(8 * 16);
    for (const p of none.posted)
      if (p.msg.type === 'layer') expect(p.msg.sample.length + p.msg.preSample.length).toBe(0);
  });

  it('stops between layers once cancelled, posting nothing more', async () => {
    const host = recordingHost(2);
    await runSimulation({ id: 1, config: smallConfig(), sampleSize: 4 }, host, createKernel());
    expect(types(host.posted)).toEqual(['started', 'layer', 'layer']);
  });

  it('does no work when cancelled right after starting', async () => {
    const host = recordingHost(0);
    await runSimulation({ id: 1, config: smallConfig(), sampleSize: 4 }, host, createKernel());
    expect(types(host.posted)).toEqual(['started']);
  });

  it('gives statistics identical to simulate() for the same config', async () => {
    const config = smallConfig({ activation: 'tanh', init: 'glorot_uniform', biasStd: 0.1 });
    const host = recordingHost();
    await runSimulation({ id: 1, config, sampleSize: 4 }, host, createKernel());
    const streamed = host.posted.flatMap((p) => (p.msg.type === 'layer' ? [p.msg.stats] : []));
    expect(streamed).toEqual(simulate(config, createJsKernel()));
  });

  it('sends each layer of an LSUV run with the scale it was drawn with', async () => {
    const config = smallConfig({ init: 'lsuv', initParams: {}, activation: 'tanh', biasStd: 0.3 });
    const host = recordingHost();
    await runSimulation({ id: 1, config, sampleSize: 4 }, host, createKernel());
    const streamed = host.posted.flatMap((p) => (p.msg.type === 'layer' ? [p.msg.stats] : []));
    expect(streamed.length).toBe(config.widths.length);
    for (const l of streamed) {
      expect(l.lsuv?.layer).toBe(l.layer);
      expect(l.lsuv!.scale).toBeGreaterThan(0);
    }
  });

  it('refuses a bad config with one error naming the problem', async () => {
    const cases: [unknown, RegExp][] = [
      [{ ...smallConfig(), batch: 0 }, /batch: 0 is below 1/],
      [{ ...smallConfig(), widths: [16, 99999] }, /width: entry 2 of the width list/],
      [{ ...smallConfig(), activation: 'nope' }, /activation: "nope" is not a known activation/],
      [{ ...smallConfig(), widths: [] }, /widths must be a non-empty list/],
      [{ ...smallConfig(), seed: undefined }, /missing seed/],
      [null, /has no settings/],
      // Valid but hours of work: refused before the first layer, with what would fit.
      [
        { ...smallConfig(), widths: new Array<number>(2000).fill(4096), inputDim: 4096, batch: 4096 },
        /refused: depth 2000 × width 4096 × batch 4096 needs 285 TFLOP \(about 2 h here\); the limit is 2 TFLOP — try width 256 or depth 8\.$/,
      ],
      // Within the engine's budget, but LSUV's float64 search before the first layer is not.
      [
        {
          ...smallConfig(),
          init: 'lsuv',
          initParams: {},
          widths: new Array<number>(200).fill(1024),
          inputDim: 1024,
          batch: 512,
        },
        /refused: LSUV on 200 layers with batch 512 needs .* of float64 products \(about .* here\); the limit is about 50 s — try a smaller batch\.$/,
      ],
    ];
    for (const [config, pattern] of cases) {
      const host = recordingHost();
      await runSimulation({ id: 9, config: config as SimConfig, sampleSize: 4 }, host, createKernel());
      expect(host.posted).toHaveLength(1);
      const reply = host.posted[0]!.msg;
      expect(reply).toMatchObject({ type: 'error', id: 9, cause: 'invalid' });
      expect(reply.type === 'error' && reply.message).toMatch(pattern);
    }
  });

  it('refuses a sample size that is not a whole number', () => {
    expect(checkRequest(smallConfig(), -1)).toMatchObject({ ok: false });
    expect(checkRequest(smallConfig(), 2.5)).toMatchObject({ ok: false });
    expect(checkRequest(smallConfig(), 16)).toMatchObject({ ok: true });
  });

  it('reports an engine failure in plain words, as retryable', async () => {
    const base = createJsKernel();
    const failing: MatmulKernel = {
      ...base,
      run: () => {
        throw new RangeError('WebAssembly.Memory.grow(): Maximum memory size exceeded');
      },
    };
    const host = recordingHost();
    await runSimulation({ id: 2, config: smallConfig(), sampleSize: 4 }, host, failing);
    expect(types(host.posted)).toEqual(['started', 'error']);
    const reply = host.posted[1]!.msg;
    expect(reply).toMatchObject({ type: 'error', id: 2, cause: 'exception' });
    expect(reply.type === 'error' && reply.message).toMatch(/could not get enough memory.*smaller batch or width/);
  });

  it('estimates the work as 2·B·Σ fan_in·fan_out', () => {
    const config = smallConfig({ width: [16, 32], inputDim: 4 });
    expect(estimateFlops(config)).toBe(2 * 8 * (4 * 16 + 16 * 32));
  });
});

describe('runSimulation with the backward pass', () => {
  const layersOf = (posted: Posted[], type: 'layer' | 'gradient') =>
    posted.flatMap((p) =>
      p.msg.type === 'layer' && type === 'layer'
        ? [p.msg.stats.layer]
        : p.msg.type === 'gradient' && type === 'gradient'
          ? [p.msg.layer]
          : [],
    );

  it('streams every forward layer first, then one gradient per layer from the top down, then done', async () => {
    const config = smallConfig({ activation: 'tanh', init: 'glorot_uniform', biasStd: 0.1 });
    const host = recordingHost();
    await runSimulation({ id: 4, config, sampleSize: 20, backward: true }, host, createKernel());
    expect(types(host.posted)).toEqual([
      'started',
      ...Array<string>(5).fill('layer'),
      ...Array<string>(5).fill('gradient'),
      'done',
    ]);
    expect(layersOf(host.posted, 'gradient')).toEqual([5, 4, 3, 2, 1]);
    const expected = simulateWithGradients(config, { kernel: createJsKernel() });
    for (const p of host.posted) {
      if (p.msg.type !== 'gradient') continue;
      expect(p.msg.stats).toEqual(expected.gradients[p.msg.layer - 1]);
      // A transferable copy of δ's first values, not a view of engine memory.
      expect(p.msg.sample).toHaveLength(20);
      expect(p.msg.sample.buffer.byteLength).toBe(p.msg.sample.byteLength);
      expect(p.transfer).toEqual([p.msg.sample.buffer]);
    }
  });

  it('stays cancellable inside the backward pass, including while a segment is recomputed', async () => {
    // Depth 9 → segments of 3: the first gradient of layer 6 waits for layers 4–6 to be recomputed.
    const config = smallConfig({ depth: 9 });
    let yields = 0;
    let cancelAt = Infinity;
    const posted: Posted[] = [];
    const host: SimulationHost = {
      post: (msg, transfer = []) => posted.push({ msg, transfer }),
      yieldToEventLoop: () => {
        yields++;
        return Promise.resolve();
      },
      isCancelled: () => yields >= cancelAt,
      now: () => 0,
    };
    // started, 9 layers, 3 top gradients (7–9), then one recompute step: cancelled there.
    cancelAt = 1 + 9 + 3 + 1;
    await runSimulation({ id: 1, config, sampleSize: 4, backward: true }, host, createKernel());
    expect(layersOf(posted, 'gradient')).toEqual([9, 8, 7]);
    expect(types(posted).at(-1)).toBe('gradient');
  });

  it('runs forward only when asked to, or when only the forward pass fits the budget', async () => {
    const off = recordingHost();
    await runSimulation({ id: 1, config: smallConfig(), sampleSize: 4, backward: false }, off, createKernel());
    expect(types(off.posted)).not.toContain('gradient');
    expect(runsBackward(smallConfig(), true)).toBe(true);
    expect(runsBackward(smallConfig(), undefined)).toBe(false);
    // 1 TFLOP forward fits the 2 TFLOP budget; four times that does not.
    const big = smallConfig({ depth: 2000, width: 1024, batch: 256 });
    expect(checkRequest(big, 4)).toMatchObject({ ok: true });
    expect(runsBackward(big, true)).toBe(false);
  });

  it('fills stats.correlation when correlations are asked for', async () => {
    const host = recordingHost();
    await runSimulation({ id: 1, config: smallConfig(), sampleSize: 4, correlations: true }, host, createKernel());
    for (const p of host.posted)
      if (p.msg.type === 'layer') expect(typeof p.msg.stats.correlation?.measured).toBe('number');
    const plain = recordingHost();
    await runSimulation({ id: 1, config: smallConfig(), sampleSize: 4 }, plain, createKernel());
    for (const p of plain.posted) if (p.msg.type === 'layer') expect(p.msg.stats.correlation).toBeUndefined();
  });
});
