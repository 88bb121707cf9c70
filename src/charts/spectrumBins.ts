// Histograms of singular values on a log axis, shared by every depth of one chart so the curves
// can be compared: one domain over all spectra, equal-width bins in log10 σ, and each depth's
// counts as fractions of its own values.

export interface SpectrumCurve {
  layer: number;
  /** Fraction of the depth's positive values in each bin. */
  fractions: number[];
  /** Values that are exactly 0 (or below float64's range): shown as a count, not on the log axis. */
  zeros: number;
}

export interface SpectrumBins {
  /** log10 of the domain's ends; bins are equal-width between them. */
  lo: number;
  hi: number;
  curves: SpectrumCurve[];
}

/** Bins per chart: enough to see a shape, few enough that 128 values still fill them. */
export const SPECTRUM_BINS = 40;

/**
 * The log10 domain of all positive values, widened to at least one decade around their centre
 * when they (nearly) coincide — a linear orthogonal network's values are all 1.
 */
export function spectrumDomain(spectra: readonly { values: ArrayLike<number> }[]): { lo: number; hi: number } | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const { values } of spectra) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (v > 0 && Number.isFinite(v)) {
        const k = Math.log10(v);
        if (k < lo) lo = k;
        if (k > hi) hi = k;
      }
    }
  }
  if (!(hi >= lo)) return null;
  if (hi - lo < 1) {
    const mid = (hi + lo) / 2;
    return { lo: mid - 0.5, hi: mid + 0.5 };
  }
  return { lo, hi };
}

export function binSpectra(
  spectra: readonly { layer: number; values: ArrayLike<number> }[],
  bins = SPECTRUM_BINS,
): SpectrumBins | null {
  const domain = spectrumDomain(spectra);
  if (!domain) return null;
  const { lo, hi } = domain;
  const width = (hi - lo) / bins;
  const curves = spectra.map(({ layer, values }) => {
    const counts = new Array<number>(bins).fill(0);
    let zeros = 0;
    let positive = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (!(v > 0)) {
        zeros++;
        continue;
      }
      positive++;
      counts[Math.min(bins - 1, Math.max(0, Math.floor((Math.log10(v) - lo) / width)))]!++;
    }
    return { layer, fractions: counts.map((c) => (positive > 0 ? c / positive : 0)), zeros };
  });
  return { lo, hi, curves };
}
