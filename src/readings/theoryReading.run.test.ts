// The theory reading against the runs of issue's cases: every number it shows is the run's, and
// each qualitative word ("nearly identical", "keep their size", "barely changes", "creeps") is
// the one its rule (runEvidence.ts) picks for these numbers.

import { describe, expect, it } from 'vitest';
import { getActivation } from '../core/activations';
import { normalizeConfig, type ConfigInput } from '../core/config';
import { simulate, theoryFor } from '../core/network';
import { theoryPoint } from '../core/theoryPoint';
import { theorySite } from '../ui/theorySite';
import { formatFactor, formatValue } from './format';
import { BARELY, correlationTrend, gradientVerb, nearlyIdentical, runEvidence, type RunEvidence } from './runEvidence';
import { readTheory } from './theoryReading';

function readRun(input: ConfigInput) {
  const { config } = normalizeConfig({ width: 256, batch: 32, seed: 1, ...input });
  const theory = theoryFor(config);
  const layers = simulate(config, undefined, { correlations: true });
  const site = theorySite(theory);
  if (site.kind !== 'site') throw new Error('no theory site');
  const point = theoryPoint(getActivation(config.activation)!, config.activationParams, site.sigmaW2, site.sigmaB2);
  const evidence = runEvidence(theory, layers);
  return { reading: readTheory(point, config.widths.length, evidence), evidence, layers, theory };
}

const c = (layers: ReturnType<typeof simulate>, l: number) => layers[l - 1]!.correlation!.measured!;

describe('theory reading on the runs of the issue', () => {
  it('nn.Linear default + ReLU: ξ_c = 0.56 is an e-folding depth; the run says by which layer inputs are nearly identical', () => {
    const { reading, layers } = readRun({ init: 'torch_linear_default', activation: 'relu', depth: 30 });
    expect(reading.phase).toBe('ordered');
    expect(reading.sentence).not.toMatch(/within one layer|identical within/);
    expect(reading.sentence).toContain('by a factor e every ξ_c = 0.56 layers');
    const first = layers.findIndex((l) => l.correlation!.measured! >= 0.99) + 1;
    expect(first).toBeGreaterThan(1);
    expect(reading.sentence).toContain(`(correlation ${formatValue(c(layers, first), 3)} ≥ 0.99) by layer ${first}.`);
  });

  it('Glorot + tanh (q* = 0, reached slowly): gradients shrink by the run’s per-layer χ₁, not “keep their size”', () => {
    const { reading, theory } = readRun({ init: 'glorot_uniform', activation: 'tanh', depth: 50 });
    const chi1 = theory.map((t) => t.chi1!);
    const mean = Math.exp(chi1.reduce((a, x) => a + Math.log(x), 0) / chi1.length);
    expect(mean).toBeLessThan(0.95);
    expect(reading.sentence).not.toContain('keep their size');
    expect(reading.sentence).toContain(
      `it is ${formatValue(chi1[0]!, 2)} at layer 1 and ${formatValue(chi1[49]!, 2)} at layer 50`,
    );
    expect(reading.sentence).toContain(
      `gradients shrink towards the input, ${formatFactor(mean)} per layer on average`,
    );
    // An odd φ without bias keeps uncorrelated inputs uncorrelated: here "barely changes" is right.
    expect(reading.sentence).toContain('the correlation between two inputs barely changes');
  });

  it('He + GELU: the correlation does change on the way to q* = 0, and the reading shows where it went', () => {
    const { reading, layers } = readRun({ init: 'he_normal', activation: 'gelu', depth: 50 });
    expect(reading.sentence).not.toContain('barely changes');
    expect(reading.sentence).toContain(
      `moves from ${formatValue(c(layers, 1), 2)} at layer 1 to ${formatValue(c(layers, 50), 2)} at layer 50 in this run`,
    );
  });

  it('He + ReLU (critical, every q fixed): no depth scale, yet the correlation creeps towards 1', () => {
    const { reading, layers } = readRun({ init: 'he_normal', activation: 'relu', depth: 50 });
    expect(reading.sentence).not.toContain('no finite depth scale limits');
    expect(c(layers, 50)).toBeGreaterThan(0.9);
    expect(reading.sentence).toContain('still creeps towards 1, polynomially rather than geometrically');
    expect(reading.sentence).toContain(`${formatValue(c(layers, 50), 2)} at layer 50 in this run`);
  });
});

describe('the rules behind the words', () => {
  const evidence = (correlation: (number | null)[], chi1: number[] = []): RunEvidence => ({ chi1, correlation });

  it('gradients keep their size only within the critical tolerance of ×1', () => {
    expect(gradientVerb(1.01)).toBe('keep their size');
    expect(gradientVerb(0.985)).toBe('keep their size');
    expect(gradientVerb(0.97)).toBe('shrink');
    expect(gradientVerb(1.05)).toBe('grow');
  });

  it('a correlation barely changes when it moves less than BARELY, measured layers only', () => {
    expect(correlationTrend(evidence([0.1, null, 0.1 + BARELY * 0.9]))!.moved).toBe(false);
    expect(correlationTrend(evidence([0.1, 0.3, 0.1 + BARELY * 1.1, null]))).toEqual({
      moved: true,
      text: 'moves from 0.10 at layer 1 to 0.16 at layer 3 in this run',
    });
    expect(correlationTrend(evidence([null, 0.5]))).toBeNull();
    expect(correlationTrend(undefined)).toBeNull();
  });

  it('inputs are nearly identical from the first layer at 0.99', () => {
    expect(nearlyIdentical(evidence([0.5, 0.989, 0.99, 1]))).toEqual({ layer: 3, value: 0.99 });
    expect(nearlyIdentical(evidence([0.5, 0.98]))).toBeNull();
  });
});
