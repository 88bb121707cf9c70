// Check 2: the exported scripts, run by the real frameworks, measure per-layer second moments that
// agree with `simulate` for the same settings within the finite-width band.
//
// Tolerance (derived): for one network, ln(v_l/q_l) has mean m_l and standard deviation s_l
// (finiteWidth.ts / gradientSpread.ts, single input: a batch only narrows it). A framework's run and
// the app's run are independent networks of the same law, so their log-ratio d = ln v_fw − ln v_app
// has mean 0 and sd ≤ √2·s_l; averaged over S seeds each, sd ≤ √(2/S)·s_l. |mean d| ≤ 4.5·√(2/S)·s_l
// fails by chance with probability 7e-6 per layer. A law the framework draws differently (e.g. a
// truncation left uncorrected, ×0.774 per layer) moves mean d by a whole multiple of that per layer.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { CodeFramework } from '../../src/codegen';
import { simulateWithGradients } from '../../src/core/backward';
import { normalizeConfig, type ConfigInput } from '../../src/core/config';
import type { SimConfig } from '../../src/core/types';
import { spreadsFor } from '../../src/state/presets/claimBand';
import { expectAgreement } from './agreement';
import { frameworkVersions, OUT, runJobs, writeScript } from './frameworks';

const SEEDS = [11, 12, 13, 14];
const SMALL = { depth: 12, width: 128, batch: 64 };

const CONFIGS: ConfigInput[] = [
  { init: 'he_normal', activation: 'relu' },
  { init: 'torch_kaiming_normal', activation: 'relu' },
  { init: 'glorot_uniform', activation: 'tanh' },
  { init: 'lecun_normal', activation: 'selu' },
  { init: 'tf1_variance_scaling', activation: 'relu' },
  { init: 'tfjs_he_normal', activation: 'relu' },
  { init: 'torch_linear_default', activation: 'tanh' },
  { init: 'orthogonal', activation: 'tanh', initParams: { gain: 1.2 } },
  {
    init: 'variance_scaling',
    activation: 'gelu',
    initParams: { scale: 2, mode: 'fan_avg', distribution: 'uniform' },
    biasStd: 0.1,
    input: 'uniform',
  },
];

/** Frameworks whose scripts also run the backward pass. */
const WITH_GRADIENTS: CodeFramework[] = ['pytorch', 'jax'];
const FRAMEWORKS: CodeFramework[] = ['pytorch', 'jax', 'keras', 'numpy'];

interface LayerOut {
  preactivation: { secondMoment: number };
  gradient?: { secondMoment: number };
}
interface RunOut {
  layers: LayerOut[];
  source: Record<string, string>;
}

const configs: SimConfig[] = CONFIGS.map((c) => normalizeConfig({ ...SMALL, ...c }).config);
const appRuns = configs.map((config) => SEEDS.map((seed) => simulateWithGradients({ ...config, seed })));
const spreads = configs.map((config) => spreadsFor(config, true));
const report: Record<string, unknown>[] = [];

afterAll(() =>
  writeFileSync(join(OUT, 'parity-runs.json'), JSON.stringify({ versions: frameworkVersions(), report }, null, 2)),
);

describe.each(FRAMEWORKS)('%s runs agree with simulate', (framework) => {
  let runs: RunOut[][] = [];
  beforeAll(() => {
    runs = runJobs<RunOut[]>(
      configs.map((config) => ({ kind: 'run', script: writeScript(framework, config), framework, seeds: SEEDS })),
    );
    // Check 3 (tests/frameworks/open.spec.ts) opens these in the app, as a user would.
    mkdirSync(join(OUT, 'open'), { recursive: true });
    writeFileSync(join(OUT, 'open', `${framework}.json`), JSON.stringify(runs[0]![0], null, 2));
  }, 600_000);

  it.each(configs.map((c, i) => [`${c.init} + ${c.activation}`, i] as const))('%s', (_label, i) => {
    const passes: ['forward' | 'gradient', (l: LayerOut) => number | undefined][] = [
      ['forward', (l) => l.preactivation.secondMoment],
    ];
    if (WITH_GRADIENTS.includes(framework)) passes.push(['gradient', (l) => l.gradient?.secondMoment]);
    for (const [pass, read] of passes) {
      const layers = configs[i]!.widths.map((_, l) => l);
      const fw = layers.map((l) => runs[i]!.map((r) => read(r.layers[l]!)!));
      const app = layers.map((l) =>
        appRuns[i]!.map((r) =>
          pass === 'forward' ? r.layers[l]!.preactivation.secondMoment : r.gradients[l]!.secondMoment,
        ),
      );
      const worst = expectAgreement(`${framework} ${configs[i]!.init} ${pass}`, fw, app, spreads[i]![pass]);
      report.push({
        framework,
        init: configs[i]!.init,
        activation: configs[i]!.activation,
        pass,
        worstFractionOfTolerance: worst,
      });
    }
  });
});
