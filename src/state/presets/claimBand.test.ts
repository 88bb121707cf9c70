import { describe, expect, it } from 'vitest';
import { simulateWithGradients } from '../../core/backward';
import { normalizeConfig } from '../../core/config';
import { runRecord } from '../../core/records';
import { checkClaim, printedSlack, spreadsFor } from './claimBand';
import { claimNeeds, observedValue } from './claimValue';
import type { Claim } from './preset';

// TF.js he_normal + ReLU, small: the theory keeps 0.7737 of the mean square per layer.
const { config } = normalizeConfig({
  init: 'tfjs_he_normal',
  activation: 'relu',
  depth: 12,
  width: 128,
  batch: 32,
  seed: 3,
});
const run = simulateWithGradients(config);
const layers = runRecord(config, run.layers, run.gradients).layers;
const spreads = spreadsFor(config, true);
const check = (claim: Claim, formats = ['']) => checkClaim(claim, formats, layers, spreads);
const measured12 = layers[11]!.preactivation.secondMoment;

describe('checkClaim', () => {
  it('holds a theory claim to what it prints, in each format the lesson uses', () => {
    const factor: Claim = {
      quantity: 'factor',
      of: 'theory.preactivationSecondMoment',
      from: 1,
      layer: 12,
      value: 0.774,
    };
    expect(check(factor, ['3']).ok).toBe(true);
    expect(check({ ...factor, value: 0.77 }, ['3']).ok).toBe(false);
    expect(check({ ...factor, value: 0.77 }, ['']).ok).toBe(true);
    const q12 = layers[11]!.theory.preactivationSecondMoment!;
    expect(check({ quantity: 'theory.preactivationSecondMoment', layer: 12, value: q12 }, ['sci']).ok).toBe(true);
    // A seed's measurement quoted as the theory's value is caught (the tfjs-he mistake).
    expect(check({ quantity: 'theory.preactivationSecondMoment', layer: 12, value: q12 * 0.6 }, ['sci']).ok).toBe(
      false,
    );
  });

  it('holds a measured claim within the derived finite-width band, and no wider', () => {
    const s = spreads.forward[11]!;
    const band = Math.abs(s.mean) + 4 * s.sd;
    const at = (value: number): Claim => ({ quantity: 'preactivation.secondMoment', layer: 12, value });
    expect(check(at(measured12)).ok).toBe(true);
    const slack = printedSlack('', measured12);
    expect(check(at(measured12 * Math.exp(0.99 * band))).ok).toBe(true);
    expect(check(at(measured12 * Math.exp(band + slack + 0.01))).ok).toBe(false);
    expect(check(at(measured12 / Math.exp(band + slack + 0.01))).ok).toBe(false);
  });

  it('reads a factor toward the input as the gradients travel, and bands it per layer', () => {
    const claim: Claim = { quantity: 'factor', of: 'gradient.secondMoment', from: 12, layer: 1, value: 1 };
    const g = observedValue(layers, claim)!;
    expect(g).toBeCloseTo((layers[0]!.gradient!.secondMoment / layers[11]!.gradient!.secondMoment) ** (1 / 11), 12);
    expect(g).toBeLessThan(1);
    expect(check({ ...claim, value: g }).ok).toBe(true);
    const a = spreads.gradient[11]!;
    const b = spreads.gradient[0]!;
    const band = (Math.abs(a.mean - b.mean) + 4 * (a.sd + b.sd)) / 11 + printedSlack('', g);
    expect(check({ ...claim, value: g * Math.exp(band * 1.01) }).ok).toBe(false);
  });

  it('takes zero only as exactly zero, and has no band where the run has no value', () => {
    expect(check({ quantity: 'preactivation.secondMoment', layer: 1, value: 0 }).ok).toBe(false);
    expect(check({ quantity: 'correlation.theory', layer: 1, value: 0.5 }).why).toBe('the run has no value here');
  });

  it('knows which runs a set of claims needs', () => {
    expect(
      claimNeeds([{ quantity: 'factor', of: 'theory.gradientSecondMoment', from: 2, layer: 1, value: 1 }]),
    ).toEqual({ backward: true, correlations: false });
    expect(claimNeeds([{ quantity: 'correlation.theory', layer: 2, value: 1 }])).toEqual({
      backward: false,
      correlations: true,
    });
  });
});
