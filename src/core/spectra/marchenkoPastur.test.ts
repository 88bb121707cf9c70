import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../config';
import { marchenkoPasturCdf, marchenkoPasturDensity, marchenkoPasturEdges, weightSpectrum } from './marchenkoPastur';

describe('Marchenko–Pastur law', () => {
  it('has total mass 1 and mean 1 at several ratios', () => {
    for (const y of [0.1, 0.5, 1]) {
      const { lo, hi } = marchenkoPasturEdges(y);
      expect(marchenkoPasturCdf(hi, y)).toBe(1);
      expect(marchenkoPasturCdf(hi - 1e-12, y)).toBeCloseTo(1, 8);
      // Mean by ∫(1 − F): Simpson on 20,000 panels of the CDF.
      const steps = 20000;
      let mean = lo;
      for (let i = 0; i < steps; i++)
        mean += ((1 - marchenkoPasturCdf(lo + ((i + 0.5) * (hi - lo)) / steps, y)) * (hi - lo)) / steps;
      expect(mean).toBeCloseTo(1, 4);
      expect(marchenkoPasturDensity((lo + hi) / 2, y)).toBeGreaterThan(0);
      expect(marchenkoPasturDensity(hi + 0.1, y)).toBe(0);
    }
  });

  it('describes a Gaussian layer (512 × 256), while an orthogonal one has every eigenvalue 1', () => {
    const { config } = normalizeConfig({
      init: 'he_normal',
      activation: 'relu',
      width: [256],
      inputDim: 512,
      batch: 1,
    });
    const s = weightSpectrum(config, 1);
    expect(s.ratio).toBe(0.5);
    const values = Array.from(s.eigenvalues);
    expect(values).toHaveLength(256);
    // The Kolmogorov distance to the law. For 256 iid draws the 0.1 % critical value is
    // 1.95/√256 = 0.12; eigenvalues are far more regular than iid draws (they repel), so this bounds
    // them with room. The mean is 1 up to the Frobenius norm's fluctuation, √(2/(K·N)) ≈ 0.4 %.
    let ks = 0;
    values.forEach((v, i) => {
      const f = marchenkoPasturCdf(v, 0.5);
      ks = Math.max(ks, Math.abs(f - i / 256), Math.abs(f - (i + 1) / 256));
    });
    expect(ks).toBeLessThan(0.12);
    expect(Math.abs(values.reduce((a, b) => a + b, 0) / 256 - 1)).toBeLessThan(5 * Math.sqrt(2 / (512 * 256)));
    // Edges: the extremes sit within Tracy–Widom fluctuations, O(M^(−2/3)) ≈ 0.016, of λ±; 0.1 allows 6 of those.
    const { lo, hi } = marchenkoPasturEdges(0.5);
    expect(Math.abs(values[0]! - lo)).toBeLessThan(0.1);
    expect(Math.abs(values[255]! - hi)).toBeLessThan(0.1);

    const orthogonal = weightSpectrum(
      normalizeConfig({ init: 'orthogonal', width: [256], inputDim: 512, batch: 1 }).config,
      1,
    );
    // Float32 rounding of the entries: a relative error of 2⁻²⁴ each, ~1e-6 in the eigenvalues.
    for (const v of orthogonal.eigenvalues) expect(Math.abs(v - 1)).toBeLessThan(1e-5);
  });
});
