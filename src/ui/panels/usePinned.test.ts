import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../../core/config';
import type { SimConfig } from '../../core/types';
import { emptyCompare, type PinResult } from '../../state/compareState';
import { pinKey } from '../../state/pins';
import { buildPinned, withFiles } from './usePinned';
import { run as cliRun } from '../../cli/main';
import { parseResultFile } from '../../results/resultFile';
import { NO_PINS } from '../../charts/pinnedSeries';
import { simulateArchitecture } from '../../core/architecture/run';
import { streamSize } from '../../readings/streamVerdict';

const config = (input: Parameters<typeof normalizeConfig>[0]): SimConfig => normalizeConfig(input).config;

describe('buildPinned (legend labels and series)', () => {
  const done = (measured: number[], statuses: PinResult['statuses'], theory: (number | null)[]): PinResult => ({
    phase: 'done',
    measured,
    statuses,
    theory,
    error: null,
  });

  it('names the live configuration and each pin together, and turns results into points with the engine’s statuses', () => {
    const he = config({ init: 'he_normal', depth: 3 });
    const normal = config({ init: 'random_normal', depth: 3 });
    const compare = {
      ...emptyCompare(),
      pins: [he, normal],
      results: { [pinKey(normal)]: done([2, 3e38, Infinity], ['ok', 'overflow', 'overflow'], [2, 256, null]) },
    };
    const view = buildPinned(compare, config({ init: 'glorot_uniform', depth: 3 }));
    expect(view.currentName).toBe('Glorot uniform · ReLU · w256');
    expect(view.pins.map((p) => [p.slot, p.name, p.phase])).toEqual([
      [0, 'He normal · ReLU · w256', 'waiting'],
      [1, 'Plain normal N(0, σ²) · ReLU · w256', 'done'],
    ]);
    expect(view.pins[0]!.measured).toEqual([]);
    expect(view.pins[0]!.verdict).toBeNull();
    // Layer 2 came out finite but the engine says it overflowed: drawn as Inf, like the live series.
    expect(view.pins[1]!.measured.map((p) => p.kind)).toEqual(['ok', 'inf', 'inf']);
    expect(view.pins[1]!.theory.map((p) => p.raw)).toEqual([2, 256, null]);
    expect(view.pins[1]!.verdict?.text).toBe('overflow to Inf at layer 2');
  });

  it('without pins, nothing changes: no pins and no name for the live curve', () => {
    expect(buildPinned(emptyCompare(), config({}))).toEqual({ pins: [], currentName: null });
  });
});

describe('buildPinned across architectures', () => {
  it('per block: a residual pin is its stream, judged as the run verdict judges it; a plain pin keeps its layers', () => {
    const residual = config({ residual: true, blocks: 6, width: 32, batch: 8, seed: 2 });
    const plain = config({ init: 'he_normal', depth: 9, width: 32, batch: 8 });
    const run = simulateArchitecture(residual);
    const result: PinResult = {
      phase: 'done',
      measured: run.layers.map((l) => l.preactivation.secondMoment),
      statuses: run.layers.map((l) => l.status),
      theory: run.layers.map((l) => l.theory.preactivationSecondMoment),
      error: null,
      blocks: run.blocks,
    };
    const compare = { ...emptyCompare(), pins: [residual, plain], results: { [pinKey(residual)]: result } };
    const [res, pl] = buildPinned(compare, plain, 'block').pins;
    expect(res!.span).toBe(6);
    expect(res!.measured.map((p) => [p.layer, p.raw])).toEqual(run.blocks.map((b) => [b.block, b.stream.secondMoment]));
    expect(res!.theory.map((p) => p.raw)).toEqual(run.blocks.map((b) => b.theory.streamSecondMoment));
    expect(res!.verdict).toEqual(streamSize({ blocks: run.blocks })!.measured);
    expect(pl!.span).toBeUndefined();
    // Per layer, the same pin is every linear layer again (2 per block).
    const [perLayer] = buildPinned(compare, plain, 'layer').pins;
    expect(perLayer!.measured).toHaveLength(12);
    expect(perLayer!.span).toBeUndefined();
  });

  it('per block: an opened residual file is its stream per block with its own theory, like a residual pin', () => {
    const out = cliRun([
      '--residual',
      '--blocks',
      '5',
      '--width',
      '16',
      '--batch',
      '8',
      '--seed',
      '3',
      '--format',
      'json',
    ]);
    const opened = parseResultFile(out.stdout, 'res.json');
    if (!opened.ok) throw new Error(opened.problem);
    const data = JSON.parse(out.stdout) as {
      blocks: { block: number; stream: { secondMoment: number }; theory: { streamSecondMoment: number } }[];
    };
    const file = { ...opened.result, key: 'file:1' };
    const live = config({ residual: true, blocks: 5, width: 16 });
    const [perBlock] = withFiles(NO_PINS, [file], live, 'block').pins;
    expect(perBlock!.kind).toBe('file');
    expect(perBlock!.span).toBe(5);
    expect(perBlock!.measured.map((p) => [p.layer, p.raw])).toEqual(
      data.blocks.map((b) => [b.block, b.stream.secondMoment]),
    );
    expect(perBlock!.theory.map((p) => p.raw)).toEqual(data.blocks.map((b) => b.theory.streamSecondMoment));
    expect(perBlock!.verdict!.text).toMatch(/per block|over 5 blocks/);
    // Per layer, the same file is its 10 linear layers and draws no theory (its config is residual).
    const [perLayer] = withFiles(NO_PINS, [file], live, 'layer').pins;
    expect(perLayer!.measured).toHaveLength(10);
    expect(perLayer!.theory).toEqual([]);
    expect(perLayer!.span).toBeUndefined();
  });
});
