// The error function, the standard normal density and distribution function, and the moments of a
// symmetrically truncated standard normal, all to about 1e-15 relative in float64. The truncated
// moments are what make the variance of Keras/TF.js "truncated normal" weights exact.

const TWO_OVER_SQRT_PI = 1.1283791670955126;
const INV_SQRT_PI = 0.5641895835477563;
const INV_SQRT_2PI = 0.3989422804014327;
const INV_SQRT_2 = 0.7071067811865476;

/**
 * exp(−scale·x²) for scale 1 or ½. Rounding x² would cost a relative error of x²·ε, so x is split
 * into a part on a 2⁻¹² grid (whose square is exact) and a small remainder:
 * x² = hi² + lo·(x + hi).
 */
function expMinusScaledSquare(x: number, scale: 1 | 0.5): number {
  // Past 40 the result underflows to 0 either way; this also keeps x·4096 finite.
  if (Math.abs(x) > 40) return 0;
  const hi = Math.round(x * 4096) / 4096;
  const lo = x - hi;
  return Math.exp(-scale * hi * hi) * Math.exp(-scale * lo * (x + hi));
}

/** erf on |x| < 2.5 from erf(x) = (2/√π)·e^(−x²)·Σ (2x²)ⁿ·x / (1·3·…·(2n+1)): all terms positive. */
function erfSeries(x: number): number {
  const twoX2 = 2 * x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= twoX2 / (2 * n + 1);
    sum += term;
    if (Math.abs(term) <= Math.abs(sum) * 1e-17) break;
  }
  return TWO_OVER_SQRT_PI * expMinusScaledSquare(x, 1) * sum;
}

/**
 * erfc on x ≥ 0.5 from the even contraction of Laplace's continued fraction,
 * erfc(x) = (2x·e^(−x²)/√π) / (2x² + 1 − 1·2/(2x² + 5 − 3·4/(2x² + 9 − …))),
 * summed backwards from a fixed depth: that keeps rounding to a few ulps, where forward (Lentz)
 * evaluation over the ~700 terms needed near x = 0.5 accumulates more. A depth of 120/x² + 20
 * terms converges to below 1e-16 for every x ≥ 0.5.
 */
function erfcContinuedFraction(x: number): number {
  const twoX2 = 2 * x * x;
  const depth = Math.ceil(120 / (x * x)) + 20;
  let tail = twoX2 + 1 + 4 * depth;
  for (let k = depth; k >= 1; k--) tail = twoX2 + 1 + 4 * (k - 1) - ((2 * k - 1) * (2 * k)) / tail;
  return (2 * x * INV_SQRT_PI * expMinusScaledSquare(x, 1)) / tail;
}

/** The error function, odd, to about 1e-15 relative. */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const ax = Math.abs(x);
  const value = ax < 2.5 ? erfSeries(ax) : 1 - erfc(ax);
  // Odd, down to the sign of zero: erf(−0) = −0.
  return x < 0 || Object.is(x, -0) ? -value : value;
}

/** The complementary error function 1 − erf(x), relative accuracy kept in the upper tail. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  // Below 0.5, erf(x) ≤ 0.53, so 1 − erf(x) loses at most one bit.
  if (x < 0.5) return 1 - erf(x);
  // e^(−x²) underflows to 0 here anyway.
  if (x > 27.3) return 0;
  return erfcContinuedFraction(x);
}

/** Standard normal density φ(x). */
export function normalPdf(x: number): number {
  return INV_SQRT_2PI * expMinusScaledSquare(x, 0.5);
}

/** Standard normal distribution function Φ(x), accurate in both tails. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x * INV_SQRT_2);
}

export interface TruncatedMoments {
  /** E[z²] for z ~ N(0, 1) conditioned on |z| ≤ b. */
  secondMoment: number;
  /** E[z⁴] under the same law. */
  fourthMoment: number;
}

/**
 * ∫₀ᵇ zᵖ e^(−z²/2) dz for b < 1 from the alternating power series (terms shrink from the first
 * one on, so nothing cancels).
 */
function gaussianPowerIntegral(p: number, b: number): number {
  let sum = 0;
  let coefficient = 1; // (−½)ⁿ / n!
  for (let n = 0; n < 60; n++) {
    const exponent = p + 2 * n + 1;
    const term = (coefficient * b ** exponent) / exponent;
    sum += term;
    if (Math.abs(term) <= Math.abs(sum) * 1e-17) break;
    coefficient *= -0.5 / (n + 1);
  }
  return sum;
}

/**
 * Moments of N(0, 1) restricted to [−b, b] (values outside redrawn). With Z = 2Φ(b) − 1 = erf(b/√2),
 * integrating by parts gives E[z²] = 1 − 2bφ(b)/Z and E[z⁴] = 3 − 2φ(b)(b³ + 3b)/Z. For b < 1 those
 * differences cancel badly, so small b uses the power series of the integrals instead.
 */
export function truncatedStandardNormalMoments(b: number): TruncatedMoments {
  if (!(b > 0)) return { secondMoment: 0, fourthMoment: 0 };
  if (b === Infinity) return { secondMoment: 1, fourthMoment: 3 };
  if (b < 1) {
    const i0 = gaussianPowerIntegral(0, b);
    return {
      secondMoment: gaussianPowerIntegral(2, b) / i0,
      fourthMoment: gaussianPowerIntegral(4, b) / i0,
    };
  }
  const mass = erf(b * INV_SQRT_2);
  const density = normalPdf(b);
  return {
    secondMoment: 1 - (2 * b * density) / mass,
    fourthMoment: 3 - (2 * density * (b * b * b + 3 * b)) / mass,
  };
}
