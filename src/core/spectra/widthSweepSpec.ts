// The width sweep's settings, the theory's slopes and the log–log fit: everything a chart or panel
// needs of the sweep without the engine's kernels (widthSweep.ts runs it).

export const PARAMETERIZATIONS = ['standard', 'ntk', 'mup'] as const;
export type Parameterization = (typeof PARAMETERIZATIONS)[number];

export const SWEEP_WIDTHS = [64, 128, 256, 512, 1024, 2048, 4096] as const;

export interface SweepSettings {
  parameterization: Parameterization;
  activation: string;
  widths: readonly number[];
  /** Hidden layers of width n. */
  hiddenLayers: number;
  inputDim: number;
  outputDim: number;
  batch: number;
  seed: number;
}

export const DEFAULT_SWEEP: Omit<SweepSettings, 'parameterization'> = {
  activation: 'relu',
  widths: SWEEP_WIDTHS,
  hiddenLayers: 3,
  inputDim: 32,
  outputDim: 64,
  batch: 64,
  seed: 1,
};

export interface SweepPoint {
  width: number;
  /** Mean |φ(h^l)| of each hidden layer, then mean |y| of the (linear) output. */
  hidden: number[];
  output: number;
}

/** log–log slopes the theory predicts: every hidden layer 0; the output 0, or −½ under μP. */
export function theorySlopes(p: Parameterization, hiddenLayers: number): { hidden: number[]; output: number } {
  return { hidden: new Array<number>(hiddenLayers).fill(0), output: p === 'mup' ? -0.5 : 0 };
}

export interface SlopeFit {
  slope: number;
  /** Standard error of the slope from the fit's residuals (least squares on ln y against ln n). */
  standardError: number;
}

/** Least-squares slope of ln y against ln x, with its standard error (needs ≥ 3 points). */
export function logLogSlope(xs: readonly number[], ys: readonly number[]): SlopeFit {
  const lx = xs.map(Math.log);
  const ly = ys.map(Math.log);
  const n = lx.length;
  const mx = lx.reduce((s, v) => s + v, 0) / n;
  const my = ly.reduce((s, v) => s + v, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (lx[i]! - mx) ** 2;
    sxy += (lx[i]! - mx) * (ly[i]! - my);
  }
  const slope = sxy / sxx;
  let rss = 0;
  for (let i = 0; i < n; i++) rss += (ly[i]! - my - slope * (lx[i]! - mx)) ** 2;
  return { slope, standardError: n > 2 ? Math.sqrt(rss / (n - 2) / sxx) : NaN };
}
