// Histograms of singular values on a log axis, shared by every depth of one chart so the curves
// can be compared: one domain over all spectra, equal-width bins in log10 σ, and each depth's
// counts as fractions of its own values.

export interface SpectrumCurve {
  layer: number;
  /** Fraction of the depth's resolved values in each bin. */
  fractions: number[];
  /**
   * Values below the resolution floor (RESOLUTION·σ_max, zeros included): the Gram matrix's
   * eigenvalues carry an absolute error of about ε·σ_max², so such σ are rounding noise. Counted, not drawn.
   */
  unresolved: number;
}

/** √ε, rounded up: σ below this fraction of σ_max cannot be told from 0 through σ² = eig(JᵀJ). */
export const RESOLUTION = 2e-8;

/** The resolution floor of ascending values: RESOLUTION·σ_max (0 for no values). */
export function resolutionFloor(sorted: ArrayLike<number>): number {
  return sorted.length > 0 ? RESOLUTION * sorted[sorted.length - 1]! : 0;
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
 * The log10 domain of all resolved values (above each spectrum's resolution floor), widened to at least one decade around their centre
 * when they (nearly) coincide — a linear orthogonal network's values are all 1.
 */
export function spectrumDomain(spectra: readonly { values: ArrayLike<number> }[]): { lo: number; hi: number } | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const { values } of spectra) {
    const floor = resolutionFloor(values);
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (v > floor && Number.isFinite(v)) {
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
    const floor = resolutionFloor(values);
    let unresolved = 0;
    let positive = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (!(v > floor)) {
        unresolved++;
        continue;
      }
      positive++;
      counts[Math.min(bins - 1, Math.max(0, Math.floor((Math.log10(v) - lo) / width)))]!++;
    }
    return { layer, fractions: counts.map((c) => (positive > 0 ? c / positive : 0)), unresolved };
  });
  return { lo, hi, curves };
}
