import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { marchenkoPasturCdf } from '../core/spectra/marchenkoPastur';
import type { SweepPoint } from '../core/spectra/widthSweepSpec';
import { lawPerBin, WeightSpectrumChart } from './WeightSpectrumChart';
import { WidthSweepChart } from './WidthSweepChart';

/** Every number pair of an SVG path's commands, as y values (H/V steps carry one coordinate). */
function pathYs(d: string): number[] {
  const ys: number[] = [];
  for (const [, cmd, args] of d.matchAll(/([MLHV])([^MLHV]*)/g)) {
    const nums = args!.split(/[ ,]/).filter(Boolean).map(Number);
    if (cmd === 'V') ys.push(nums[0]!);
    else if (cmd === 'M' || cmd === 'L') ys.push(nums[1]!);
  }
  return ys;
}

describe('WeightSpectrumChart', () => {
  it('draws the Marchenko–Pastur law as bin averages: finite at y = 1 where the density is not, with total mass 1', () => {
    const width = 4.2 / 40;
    const law = lawPerBin(1, width);
    for (const v of law) expect(Number.isFinite(v)).toBe(true);
    // The CDF's quadrature is exact to ~1e-10 (marchenkoPastur.ts).
    expect(law.reduce((s, v) => s + v * width, 0)).toBeCloseTo(1, 9);
    expect(law[0]).toBeCloseTo(marchenkoPasturCdf(width, 1) / width, 12);
    // Near 0 the density is 1/(π√λ) to leading order, so the first bin's mean is 2/(π√width) to O(√width).
    expect(law[0]! / (2 / (Math.PI * Math.sqrt(width)))).toBeCloseTo(1, 1);
  });

  it('keeps the law inside the plot for a square matrix, and says why its first bin is tallest', () => {
    // Eigenvalues spread like the law's quantiles: what a large Gaussian square matrix gives.
    const n = 400;
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const p = (i + 0.5) / n;
      let lo = 0;
      let hi = 4;
      // Bisection for the p-quantile.
      for (let k = 0; k < 50; k++) {
        const mid = (lo + hi) / 2;
        if (marchenkoPasturCdf(mid, 1) < p) lo = mid;
        else hi = mid;
      }
      values[i] = (lo + hi) / 2;
    }
    const html = renderToStaticMarkup(
      createElement(WeightSpectrumChart, { layer: 3, fanIn: 256, fanOut: 256, ratio: 1, eigenvalues: values }),
    );
    const d = /<path d="([^"]+)" fill="none" class="mp-curve"/.exec(html)![1]!;
    const ys = pathYs(d);
    const base = ys[0]!;
    // The plot's top margin is 12: a pointwise density would leave it (1/√λ → ∞); the bin averages do not.
    for (const y of ys) expect(y).toBeGreaterThanOrEqual(12);
    // Bars against the line, bin by bin: quantile-spaced values put within one of n·mass in each
    // bin, so a bar's density is within 1/(n·width) of the law's bin average.
    const width = (4 * 1.05) / 40;
    const law = lawPerBin(1, width).filter((v) => v > 0);
    const lawPx = ys.slice(1, -1).map((y) => base - y);
    expect(lawPx).toHaveLength(law.length);
    const pxPerDensity = lawPx[0]! / law[0]!;
    // Bars by bin: the plot runs from x = 52 to 626 in 40 bins; a bin with no value has no bar.
    const bars = new Map<number, number>();
    for (const m of html.matchAll(/<rect x="([\d.]+)" width="[\d.]+" y="[\d.]+" height="([\d.]+)" class="weight-bar"/g))
      bars.set(Math.round((Number(m[1]) - 52) / (574 / 40)), Number(m[2]));
    const tolerance = pxPerDensity / (n * width) + 1e-9;
    lawPx.forEach((px, b) => expect(Math.abs((bars.get(b) ?? 0) - px), `bin ${b}`).toBeLessThanOrEqual(tolerance));
    expect(html).toContain('grows like 1/√λ toward 0 for a square matrix');
  });
});

describe('WidthSweepChart', () => {
  const point = (width: number, hidden: number, output: number): SweepPoint => ({ width, hidden: [hidden], output });

  it('prints a slope that rounds to zero as 0.00, never −0.00, and a real negative slope with a minus sign', () => {
    const widths = [64, 128, 256, 512];
    const html = renderToStaticMarkup(
      createElement(WidthSweepChart, {
        sweeps: [
          {
            parameterization: 'mup',
            label: 'μP',
            // hidden: slope −0.001 (rounds to 0.00); output: slope −0.5.
            points: widths.map((n) => point(n, n ** -0.001, 1 / Math.sqrt(n))),
            theory: { hidden: [0], output: -0.5 },
          },
        ],
      }),
    );
    expect(html).toContain('layer 1: slope 0.00 (theory 0.00)');
    expect(html).toContain('output: slope −0.50 (theory −0.50)');
    expect(html).not.toContain('−0.00');
  });
});
