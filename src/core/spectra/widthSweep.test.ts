import { describe, expect, it } from 'vitest';
import { DEFAULT_SWEEP, logLogSlope, PARAMETERIZATIONS, theorySlopes, widthSweep, type SweepPoint } from './widthSweep';

function sweep(parameterization: (typeof PARAMETERIZATIONS)[number], activation = 'relu'): SweepPoint[] {
  return [...widthSweep({ ...DEFAULT_SWEEP, activation, parameterization })];
}

describe('logLogSlope', () => {
  it('recovers an exact power law with zero standard error', () => {
    const fit = logLogSlope([1, 2, 4, 8], [3, 3 / Math.SQRT2, 1.5, 1.5 / Math.SQRT2]);
    expect(fit.slope).toBeCloseTo(-0.5, 12);
    expect(fit.standardError).toBeLessThan(1e-12);
  });
});

describe('width sweep (coordinate check at initialization)', () => {
  it.each(PARAMETERIZATIONS.map((p) => [p] as const))(
    '%s: hidden lines flat and the output slope within 0.05 of theory (ReLU, widths 64…4096)',
    (p) => {
      const points = sweep(p);
      const widths = points.map((q) => q.width);
      expect(widths).toEqual([64, 128, 256, 512, 1024, 2048, 4096]);
      const theory = theorySlopes(p, DEFAULT_SWEEP.hiddenLayers);
      const fits = [
        ...theory.hidden.map((_, l) =>
          logLogSlope(
            widths,
            points.map((q) => q.hidden[l]!),
          ),
        ),
        logLogSlope(
          widths,
          points.map((q) => q.output),
        ),
      ];
      const expected = [...theory.hidden, theory.output];
      fits.forEach((fit, i) => {
        // The scatter of the seven points about the line gives the slope's standard error (≈ 0.004–0.011
        // here: each point averages B·n or B·d_out = 4,096 |values|). The 0.05 must be at least
        // three of those, so that meeting it is not luck, and the slope must meet it.
        expect(3 * fit.standardError).toBeLessThan(0.05);
        expect(Math.abs(fit.slope - expected[i]!)).toBeLessThan(0.05);
      });
    },
  );

  it('SP and NTK draw the same values at initialization, and μP’s read-out is SP’s divided by √n exactly', () => {
    const sp = sweep('standard', 'tanh');
    const ntk = sweep('ntk', 'tanh');
    const mup = sweep('mup', 'tanh');
    expect(ntk).toEqual(sp);
    sp.forEach((q, i) => {
      expect(mup[i]!.hidden).toEqual(q.hidden);
      // Same normal draws times std 1/n instead of 1/√n; float32 rounding of the weights and the products: 1e-6.
      expect(Math.abs((mup[i]!.output * Math.sqrt(q.width)) / q.output - 1)).toBeLessThan(1e-5);
    });
  });

  it('lets training plug in: afterInit sees every layer and its changes are measured', () => {
    const settings = { ...DEFAULT_SWEEP, widths: [64], parameterization: 'standard' as const };
    const before = [...widthSweep(settings)][0]!;
    const after = [
      ...widthSweep(settings, (net) => {
        expect(net.weights).toHaveLength(DEFAULT_SWEEP.hiddenLayers + 1);
        net.weights.at(-1)!.forEach((v, i, w) => (w[i] = 2 * v));
      }),
    ][0]!;
    expect(after.hidden).toEqual(before.hidden);
    expect(after.output / before.output).toBeCloseTo(2, 5);
  });
});
