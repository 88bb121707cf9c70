// The hooks helper (initscope_hooks.py, src/codegen/hooks.ts) on real PyTorch models: a
// nn.Sequential MLP and a hand-written forward with Conv1d/Conv2d layers (hooks_models.py). The
// JSON it writes must open with the app's reader (src/results), and each layer's forward and
// gradient second moments must agree with `simulate` for the same law within the derived
// finite-width band (agreement.ts).

import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hooksScript, HOOKS_FILE } from '../../src/codegen';
import { simulateWithGradients } from '../../src/core/backward';
import { normalizeConfig } from '../../src/core/config';
import { parseResultFile } from '../../src/results/resultFile';
import { spreadsFor } from '../../src/state/presets/claimBand';
import { expectAgreement } from './agreement';
import { OUT, PYTHON, pythonEnv, ROOT } from './frameworks';

const SEEDS = [21, 22, 23, 24];
const WIDTH = 128;
const BATCH = 64;
/** The two models' numbers of tracked layers (hooks_models.py). */
const DEPTHS = { sequential: 12, custom: 6 } as const;
type Model = keyof typeof DEPTHS;

interface HookLayer {
  layer: number;
  name: string;
  fanIn: number;
  fanOut: number;
  status: string;
  preactivation: { secondMoment: number };
  activation?: { secondMoment: number };
  gradient?: { secondMoment: number };
}
interface HookRecord {
  config: { depth: number; widths: number[]; batch: number; inputDim: number };
  layers: HookLayer[];
  source: { framework: string; version: string; model: string };
}

let records: Record<Model, HookRecord[]>;
const report: Record<string, unknown>[] = [];

afterAll(() => writeFileSync(join(OUT, 'parity-hooks.json'), JSON.stringify({ report }, null, 2)));

beforeAll(() => {
  mkdirSync(join(OUT, 'scripts'), { recursive: true });
  const hooks = join(OUT, 'scripts', HOOKS_FILE);
  writeFileSync(hooks, hooksScript());
  const job = { hooks, width: WIDTH, depth: DEPTHS.sequential, batch: BATCH, seeds: SEEDS };
  const r = spawnSync(PYTHON, [join(ROOT, 'tests', 'frameworks', 'hooks_models.py')], {
    input: JSON.stringify(job),
    encoding: 'utf8',
    env: pythonEnv(),
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0) throw new Error(`hooks_models.py failed: ${r.stderr.trim().split('\n').slice(-5).join('\n')}`);
  records = JSON.parse(r.stdout) as Record<Model, HookRecord[]>;
  // Check 3 (open.spec.ts) opens one in the app, as a user would.
  mkdirSync(join(OUT, 'open'), { recursive: true });
  writeFileSync(join(OUT, 'open', 'hooks.json'), JSON.stringify(records.custom[0], null, 2));
}, 600_000);

describe.each(Object.keys(DEPTHS) as Model[])('hooks on the %s model', (model) => {
  const depth = DEPTHS[model];
  const config = normalizeConfig({
    init: 'torch_kaiming_normal',
    activation: 'relu',
    depth,
    width: WIDTH,
    inputDim: WIDTH,
    batch: BATCH,
  }).config;

  it('records every Linear and convolution once, in the order they are called, with their fans', () => {
    const names = records[model][0]!.layers.map((l) => l.name);
    const expected =
      model === 'sequential'
        ? Array.from({ length: depth }, (_, i) => String(2 * i))
        : ['stem', 'line.0', 'line.1', 'plane.0', 'plane.1', 'head'];
    expect(names).toEqual(expected);
    for (const record of records[model]) {
      expect(record.config).toEqual({ depth, widths: config.widths, batch: BATCH, inputDim: WIDTH });
      for (const layer of record.layers) {
        expect([layer.fanIn, layer.fanOut, layer.status]).toEqual([WIDTH, WIDTH, 'ok']);
        expect(layer.gradient, `${model} ${layer.name} has its gradient`).toBeDefined();
      }
      // What a layer passes on is what the next one receives; the last one passes nothing on.
      expect(record.layers.map((l) => l.activation !== undefined)).toEqual(config.widths.map((_, l) => l < depth - 1));
    }
  });

  it("opens with the app's reader: every layer's second moment, named by its source", () => {
    for (const record of records[model]) {
      const outcome = parseResultFile(JSON.stringify(record), `${model}.json`);
      if (!outcome.ok) throw new Error(`the app refuses the hooks' JSON: ${outcome.problem}`);
      expect(outcome.result.measured).toEqual(record.layers.map((l) => l.preactivation.secondMoment));
      expect(outcome.result.statuses).toEqual(record.layers.map(() => 'ok'));
      expect(outcome.result.name).toBe(`PyTorch hooks ${record.source.version} · ${model}.json`);
    }
  });

  it('agrees with simulate layer by layer, forward and backward, within the finite-width band', () => {
    const app = SEEDS.map((seed) => simulateWithGradients({ ...config, seed }));
    const spreads = spreadsFor(config, true);
    const layers = config.widths.map((_, l) => l);
    const fw = (read: (l: HookLayer) => number) => layers.map((l) => records[model].map((r) => read(r.layers[l]!)));
    const forward = expectAgreement(
      `hooks ${model} forward`,
      fw((l) => l.preactivation.secondMoment),
      layers.map((l) => app.map((r) => r.layers[l]!.preactivation.secondMoment)),
      spreads.forward,
    );
    const gradient = expectAgreement(
      `hooks ${model} gradient`,
      fw((l) => l.gradient!.secondMoment),
      layers.map((l) => app.map((r) => r.gradients[l]!.secondMoment)),
      spreads.gradient,
    );
    report.push({ model, worstFractionOfTolerance: { forward, gradient } });
  });
});
