// Check 1: every mapped initializer, drawn by each framework's own code in the exported script,
// has the second moment and the bounds that Initscope's formula card states (the table's law).
//
// Tolerances (derived, not tuned): one matrix of N entries estimates E[w²] with standard error
// √((E[w⁴] − E[w²]²)/N), estimated from the same sample; |m₂ − E[w²]| ≤ 5 SE fails by chance with
// probability 6e-7 per check. Bounded laws: no |w| past the bound (float32 rounding aside), and
// the largest |w| within δ of it, with δ = 20/(N·ρ) for ρ the density of |w|/bound at 1, so a
// sample falls short by chance with probability e^−20. Untruncated normals must reach past 3.5σ:
// P(|z| > 3.5) = 4.7e-4, about 100 of 210,000 entries, none with probability e^−100.

import { beforeAll, describe, expect, it } from 'vitest';
import { CODE_FRAMEWORKS, type CodeFramework } from '../../src/codegen';
import { normalizeConfig } from '../../src/core/config';
import { lawBound, lawSecondMoment } from '../../src/core/distributions';
import { getInitializer, INITIALIZERS } from '../../src/core/initializers';
import type { ParamValues, SimConfig, WeightLaw } from '../../src/core/types';
import { frameworkVersions, runJobs, writeScript, type Sample } from './frameworks';

const SHAPES: [number, number][] = [
  [300, 700],
  [700, 300],
];

const VARIANTS: Record<string, ParamValues[]> = {
  variance_scaling: [
    { scale: 2, mode: 'fan_out', distribution: 'uniform' },
    { scale: 0.5, mode: 'fan_avg', distribution: 'untruncated_normal' },
  ],
  torch_kaiming_normal: [{ a: 0.2, mode: 'fan_out', nonlinearity: 'leaky_relu' }, { nonlinearity: 'tanh' }],
  torch_kaiming_uniform: [{ mode: 'fan_out', nonlinearity: 'relu' }],
  torch_xavier_normal: [{ gain: 5 / 3 }],
  tf1_variance_scaling: [
    { factor: 1, mode: 'fan_avg', uniform: true },
    { factor: 1, mode: 'fan_in', uniform: true },
  ],
  tf1_xavier: [{ uniform: false }],
  random_uniform: [{ limit: 0.3 }],
  orthogonal: [{ gain: 2 }],
  torch_trunc_normal: [{ mean: 0, std: 0.02 }],
  torch_sparse: [{ sparsity: 0.5, std: 0.1 }],
};

interface Case {
  config: SimConfig;
  label: string;
}

// A data-dependent initializer (LSUV) has no fixed law for a framework to draw: it is not exported.
const CASES: Case[] = INITIALIZERS.filter((spec) => !spec.dataDependent).flatMap((spec) =>
  [{}, ...(VARIANTS[spec.id] ?? [])].map((initParams) => {
    const config = normalizeConfig({ init: spec.id, initParams, depth: 1, width: 700, inputDim: 300 }).config;
    return { config, label: `${spec.id} ${JSON.stringify(config.initParams)}` };
  }),
);

/** Density of |w|/bound at 1 for the laws whose card states a reachable bound; null otherwise. */
function edgeDensity(law: WeightLaw): number | null {
  if (law.kind === 'uniform') return 1;
  if (law.kind === 'truncated_normal' && law.bound === 2 * law.std) {
    // |z| on [0, 2] has density 2φ(2)/(2Φ(2) − 1) at 2; per unit of |w|/bound it is twice that.
    const phi2 = Math.exp(-2) / Math.sqrt(2 * Math.PI);
    return (2 * (2 * phi2)) / 0.9544997361036416;
  }
  return null;
}

function checkSample(law: WeightLaw, s: Sample, nIn: number, nOut: number, label: string): void {
  const expected = lawSecondMoment(law, nIn, nOut);
  const se = Math.sqrt(Math.max(0, s.fourthMoment - s.secondMoment ** 2) / s.count);
  // float32 rounding of each entry: relative 2⁻²⁴ per square, bounded by 1e-6 of the total.
  const slack = 5 * se + 1e-6 * expected;
  expect(
    Math.abs(s.secondMoment - expected),
    `${label}: E[w²] ${s.secondMoment} vs ${expected} (SE ${se})`,
  ).toBeLessThanOrEqual(slack);
  const bound = lawBound(law);
  const largest = Math.max(Math.abs(s.min), Math.abs(s.max));
  if (Number.isFinite(bound)) {
    expect(largest, `${label}: |w| ≤ ${bound}`).toBeLessThanOrEqual(bound * (1 + 1e-6) + 1e-12);
    const density = edgeDensity(law);
    if (density !== null)
      expect(largest, `${label}: reaches the bound ${bound}`).toBeGreaterThanOrEqual(
        bound * (1 - 20 / (s.count * density)),
      );
  } else if (law.kind === 'normal') {
    expect(largest / law.std, `${label}: an untruncated normal reaches past 3.5σ`).toBeGreaterThan(3.5);
  }
}

describe.each(CODE_FRAMEWORKS)('%s initializers match the formula cards', (framework: CodeFramework) => {
  let samples: Sample[][] = [];
  beforeAll(() => {
    frameworkVersions();
    samples = runJobs<Sample[]>(
      CASES.map((c) => ({ kind: 'init', script: writeScript(framework, c.config), framework, shapes: SHAPES })),
    );
  }, 600_000);

  it.each(CASES.map((c, i) => [c.label, i] as const))('%s', (label, i) => {
    const c = CASES[i]!;
    const spec = getInitializer(c.config.init)!;
    SHAPES.forEach(([nIn, nOut], k) =>
      checkSample(
        spec.weightLaw(nIn, nOut, c.config.initParams),
        samples[i]![k]!,
        nIn,
        nOut,
        `${framework} ${label} ${nIn}→${nOut}`,
      ),
    );
  });
});
