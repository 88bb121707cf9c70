// The Jacobian presets' lessons describe singular values, which claims cannot name (they are not a
// layer's field): this checks each statement against the spectra of the preset's own network.

import { describe, expect, it } from 'vitest';
import { jacobianRecords } from '../../core/spectra/jacobianRecord';
import { jacobianTheory } from '../../core/spectra/jacobianTheory';
import { jacobianSpectra } from '../../core/spectra/jacobian';
import { decodeQuery } from '../url';
import { getPreset } from './index';

function configOf(id: string) {
  const preset = getPreset(id);
  expect(preset).toBeDefined();
  const decoded = decodeQuery(preset!.query);
  expect(decoded.view.showJacobian).toBe(true);
  return decoded.config;
}

describe('Jacobian presets', () => {
  it('linear + orthogonal: every singular value within 1e-5 of 1 at depth 200', () => {
    const config = configOf('jacobian-linear-orthogonal');
    expect(config.widths.length).toBe(200);
    const last = jacobianSpectra(config).at(-1)!;
    expect(last.layer).toBe(200);
    // Derivation of the 1e-5 in jacobian.test.ts: ~10⁻⁶ expected from the float32-rounded weights.
    let worst = 0;
    for (const v of last.singularValues) worst = Math.max(worst, Math.abs(v - 1));
    expect(worst).toBeLessThan(1e-5);
  });

  it('linear + Gaussian: mean square within the finite-width band, spread widening with depth like free probability', () => {
    const config = configOf('jacobian-linear-gaussian');
    const records = jacobianRecords(config);
    const layers = records.map((r) => r.layer);
    const theory = jacobianTheory(config, layers);
    records.forEach((r, i) => {
      const t = theory[i]!;
      // 4 sd of one network's mean square (jacobianTheory: √(l(l+1))/N).
      expect(Math.abs(r.singularValues.meanSquare / t.meanSquare! - 1)).toBeLessThan(4 * t.meanSquareRelativeSd!);
      if (i > 0)
        expect(r.singularValues.relativeVariance).toBeGreaterThan(records[i - 1]!.singularValues.relativeVariance);
    });
    // Free probability: Var(σ²)/E[σ²]² = l at N → ∞. At N = 256 the measured value is one draw of a
    // heavy-tailed quantity; it must at least be of that size (between l/3 and 3·l) at every depth.
    records.forEach((r, i) => {
      const predicted = theory[i]!.relativeVariance!;
      expect(predicted).toBeCloseTo(r.layer, 9);
      expect(r.singularValues.relativeVariance).toBeGreaterThan(predicted / 3);
      expect(r.singularValues.relativeVariance).toBeLessThan(predicted * 3);
    });
  });

  it('tanh at σ_w² = 1: orthogonal weights keep the spread far below Gaussian ones at the same mean square', () => {
    const orthogonal = jacobianRecords(configOf('jacobian-tanh-orthogonal')).at(-1)!;
    const gaussian = jacobianRecords(configOf('jacobian-tanh-gaussian')).at(-1)!;
    expect(orthogonal.theory.meanSquare).toBeCloseTo(gaussian.theory.meanSquare!, 12);
    expect(orthogonal.singularValues.relativeVariance * 10).toBeLessThan(gaussian.singularValues.relativeVariance);
    expect(orthogonal.theory.relativeVariance! * 10).toBeLessThan(gaussian.theory.relativeVariance!);
  });

  it('ReLU + orthogonal: the spread grows with depth even without Gaussian weights', () => {
    const records = jacobianRecords(configOf('jacobian-relu-orthogonal'));
    for (let i = 1; i < records.length; i++) {
      expect(records[i]!.singularValues.relativeVariance).toBeGreaterThan(
        records[i - 1]!.singularValues.relativeVariance,
      );
    }
    // Free probability: μ₂/μ₁² − 1 = 1 per layer for ReLU, 0 for orthogonal W.
    expect(records.at(-1)!.theory.relativeVariance).toBeCloseTo(50, 6);
  });
});
