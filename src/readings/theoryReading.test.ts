import { describe, expect, it } from 'vitest';
import { getActivation } from '../core/activations';
import { normalizeConfig } from '../core/config';
import { theoryFor } from '../core/network';
import { phaseOfChi1, theoryPoint } from '../core/theoryPoint';
import { notApplicableReading, readTheory, type TheoryReading } from './theoryReading';
import { theorySite } from '../ui/theorySite';

const reading = (activation: string, sigmaW2: number, sigmaB2: number, depth = 30): TheoryReading =>
  readTheory(theoryPoint(getActivation(activation)!, {}, sigmaW2, sigmaB2), depth);
const fact = (r: TheoryReading, symbol: string): string | undefined => r.facts.find((f) => f.symbol === symbol)?.value;

describe('phaseOfChi1', () => {
  it('calls χ₁ within e^±0.02 of 1 critical', () => {
    expect(phaseOfChi1(0.97)).toBe('ordered');
    expect(phaseOfChi1(0.99)).toBe('critical');
    expect(phaseOfChi1(1)).toBe('critical');
    expect(phaseOfChi1(1.019)).toBe('critical');
    expect(phaseOfChi1(1.03)).toBe('chaotic');
    expect(phaseOfChi1(NaN)).toBeNull();
  });
});

describe('readTheory', () => {
  it('tanh, σ_w² = 1, σ_b² = 0.05: ordered, ξ_c = 3.63 read as the e-folding depth it is (docs/theory.md §1.5)', () => {
    const r = reading('tanh', 1, 0.05);
    expect(r.phase).toBe('ordered');
    expect(r.label).toBe('Ordered');
    expect(fact(r, 'ξ_c')).toBe('3.63');
    expect(fact(r, 'χ₁')).toBe('0.759');
    expect(fact(r, 'q*')).toBe('0.194');
    expect(r.sentence).toBe(
      'Ordered phase: the correlation between any two inputs is drawn to 1, their difference shrinking by a factor e every ξ_c = 3.6 layers near it; gradients shrink ×0.76 per layer.',
    );
    expect(fact(r, 'L / ξ_c')).toBe('8.27');
  });

  it('tanh with gain 5/3 (σ_w² = 25/9): chaotic, inputs decorrelate completely, gradients ×1.21 (vector 7)', () => {
    const r = reading('tanh', 25 / 9, 0);
    expect(r.phase).toBe('chaotic');
    expect(fact(r, 'χ₁')).toBe('1.21');
    expect(fact(r, 'q*')).toBe('1.18');
    expect(fact(r, 'c*')).toBe('0');
    expect(r.sentence).toMatch(
      /^Chaotic phase: nearby inputs decorrelate completely \(c\* = 0\), approaching it by a factor e every ξ_c = 12 layers; gradients grow ×1\.21 per layer\.$/,
    );
  });

  it('tanh, σ_b² = 0.05, σ_w² = 3: chaotic with c* = 0.30 (docs/theory.md §1.5)', () => {
    const r = reading('tanh', 3, 0.05);
    expect(r.phase).toBe('chaotic');
    expect(r.sentence).toContain('decorrelate to c* = 0.30');
    expect(r.sentence).toContain('every ξ_c = 9.1 layers');
  });

  it('tanh on its critical line (σ_w² = 1.760955, σ_b² = 0.05): critical, ξ_c very long', () => {
    const r = reading('tanh', 1.760955, 0.05);
    expect(r.phase).toBe('critical');
    expect(r.sentence).toMatch(/^Critical: signals neither collapse nor scatter/);
    expect(fact(r, 'ξ_c')).toMatch(/^(\d{4,}|> 10⁶)$/);
  });

  it('ReLU with He (σ_w² = 2, no bias): critical, every q is a fixed point', () => {
    const r = reading('relu', 2, 0);
    expect(r.phase).toBe('critical');
    expect(fact(r, 'q*')).toBe('every q');
    expect(fact(r, 'χ₁')).toBe('1.00');
    expect(fact(r, 'ξ_c')).toBe('∞');
    expect(r.sentence).toContain('every q is a fixed point');
    expect(r.sentence).toContain('×1.00 per layer');
  });

  it('ReLU with He and a bias: q grows without bound, but χ₁ = 1 still holds', () => {
    const r = reading('relu', 2, 0.01);
    expect(r.phase).toBe('runaway');
    expect(r.label).toBe('No fixed point');
    expect(fact(r, 'q*')).toBe('none');
    expect(r.sentence).toContain('grows without bound');
    expect(r.sentence).toContain('gradients keep their size (×1.00 per layer)');
  });

  it('ReLU with Glorot (σ_w² = 1, no bias): ordered, the signal halves per layer, and ξ_c does not apply', () => {
    const r = reading('relu', 1, 0);
    expect(r.phase).toBe('ordered');
    expect(r.sentence).toBe(
      'Ordered: the signal shrinks ×0.50 per layer towards 0 (q* = 0) and so do gradients; for this activation the correlation between two inputs does not depend on the signal’s size, so no correlation depth ξ_c applies.',
    );
    expect(fact(r, 'ξ_c')).toBe('—');
    expect(fact(r, 'L / ξ_c')).toBeUndefined();
  });

  it('ReLU with N(0, 1) weights (σ_w² = 256): no fixed point, gradients ×128, and not called chaotic', () => {
    const r = reading('relu', 256, 0);
    expect(r.phase).toBe('runaway');
    expect(r.sentence).toContain('gradients grow (×128 per layer)');
  });

  it('GELU at σ_w² = 3: no fixed point, so no phase', () => {
    const r = reading('gelu', 3, 0);
    expect(r.phase).toBe('runaway');
    expect(r.label).toBe('No fixed point');
    expect(r.facts.map((f) => f.symbol)).toEqual(['q*']);
  });

  it('GELU at σ_w² = 4: the marginal q* = 0 does not count, since q rises from 1 away from it', () => {
    expect(reading('gelu', 4, 0).phase).toBe('runaway');
  });

  it('tanh at σ_w² = 1 without bias: critical as the signal fades (q ≈ 1/2l), ξ_q past a million layers, not 10¹⁵', () => {
    const r = reading('tanh', 1, 0);
    expect(r.phase).toBe('critical');
    expect(fact(r, 'ξ_q')).toBe('> 10⁶');
    expect(fact(r, 'ξ_c')).toBe('—');
    expect(fact(r, 'L / ξ_c')).toBeUndefined();
    // Without a run, only what holds at any depth: χ₁ → 1 at q* = 0, but not on the way there.
    expect(r.sentence).toBe(
      'Critical: the signal fades towards 0 (q* = 0); χ₁ tends to 1.00 there, but not on the way, so the per-layer factor on gradients changes with depth and no correlation depth ξ_c applies.',
    );
  });

  it('tanh below σ_w² = 1 without bias: ordered, the signal fading and gradients shrinking', () => {
    const r = reading('tanh', 0.5, 0);
    expect(r.phase).toBe('ordered');
    expect(r.sentence).toMatch(/^Ordered: the signal fades towards 0 \(q\* = 0\).*χ₁ tends to 0\.500 there/);
  });

  it('zero weights: frozen, every input gives the same output', () => {
    const r = reading('tanh', 0, 0.01);
    expect(r.phase).toBe('ordered');
    expect(r.sentence).toMatch(/^Ordered \(frozen\)/);
  });
});

describe('theorySite and weights the theory does not cover', () => {
  const siteOf = (input: Parameters<typeof normalizeConfig>[0]) => theorySite(theoryFor(normalizeConfig(input).config));

  it('ones: not applicable, from layer 1, with a reading that says why', () => {
    const site = siteOf({ init: 'ones', activation: 'tanh', depth: 5, width: 16 });
    expect(site).toEqual({ kind: 'not-applicable', layer: 1 });
    const r = notApplicableReading(1);
    expect(r.phase).toBe('not-applicable');
    expect(r.sentence).toContain('non-zero mean');
    expect(r.facts).toEqual([]);
  });

  it('He on equal widths: the same σ_w² = 2 in every layer', () => {
    const site = siteOf({ init: 'he_normal', activation: 'relu', depth: 6, width: 64, biasStd: 0.1 });
    expect(site.kind).toBe('site');
    if (site.kind !== 'site') return;
    expect(site.uniform).toBe(true);
    expect(site.layer).toBe(1);
    expect(site.sigmaW2).toBeCloseTo(2, 12);
    expect(site.sigmaB2).toBeCloseTo(0.01, 12);
  });

  it('Glorot on a changing width profile: the layer with the median σ_w²', () => {
    // σ_w² = 2·fan_in/(fan_in + fan_out) per layer (docs/theory.md §5.1): 1, 4/3, 2/3 … for these widths.
    const site = siteOf({ init: 'glorot_normal', activation: 'tanh', width: [64, 128, 64, 32, 64], inputDim: 64 });
    expect(site.kind).toBe('site');
    if (site.kind !== 'site') return;
    expect(site.uniform).toBe(false);
    const perLayer = [
      [64, 64],
      [64, 128],
      [128, 64],
      [64, 32],
      [32, 64],
    ].map(([i, o]) => (2 * i!) / (i! + o!));
    const sorted = [...perLayer].sort((a, b) => a - b);
    expect(site.sigmaW2).toBeCloseTo(sorted[2]!, 10);
    expect(perLayer[site.layer - 1]).toBeCloseTo(site.sigmaW2, 10);
    expect(site.minSigmaW2).toBeCloseTo(sorted[0]!, 10);
    expect(site.maxSigmaW2).toBeCloseTo(sorted[4]!, 10);
  });

  it('no run yet: nothing to describe', () => {
    expect(theorySite([])).toEqual({ kind: 'none' });
  });
});
