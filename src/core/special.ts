// The error function and its complement: erf to 6e-16 relative everywhere, erfc to 1e-14
// relative out to its underflow at x ≈ 27.
//
// GELU calls these once per pre-activation (hundreds of thousands of times per layer), so they
// must be fast as well as accurate. Both come from smooth pieces that are cheap to evaluate:
//
// * |x| < 1: the Maclaurin series of erf, which converges quickly there and has only mild
//   cancellation (the largest term is at most 1.13 times the result).
// * x ≥ 1: erfc(x) = exp(−x²)·erfcx(x). The scaled function erfcx is smooth and slowly varying,
//   so on short intervals it is a short Chebyshev series. The coefficients are computed once, at
//   load time, from the classical continued fraction for erfcx, which is exact but too slow to
//   run per element.
// * Everything else follows from symmetry: erf(−x) = −erf(x) and erfc(−x) = 2 − erfc(x).

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

/** Beyond this, exp(−x²) underflows: erfc(x) is 0 in float64 (erfc(27.3) ≈ 5e-326). */
const ERFC_UNDERFLOW = 27.3;

/** erf(x)/x = Σ c_n x^{2n}; the terms with n ≤ 18 reach |c_n| < 1e-17, i.e. full precision for |x| < 1. */
const MACLAURIN: Float64Array = (() => {
  const c = new Float64Array(19);
  let factorial = 1;
  for (let n = 0; n < c.length; n++) {
    if (n > 0) factorial *= n;
    c[n] = ((n % 2 === 0 ? 1 : -1) * TWO_OVER_SQRT_PI) / (factorial * (2 * n + 1));
  }
  return c;
})();

function erfSmall(x: number): number {
  const t = x * x;
  let sum = 0;
  for (let n = MACLAURIN.length - 1; n >= 0; n--) sum = sum * t + MACLAURIN[n]!;
  return x * sum;
}

/**
 * erfcx(x) = exp(x²)·erfc(x) by the continued fraction
 * √π·erfcx(x) = 1/(x + (1/2)/(x + (2/2)/(x + (3/2)/(x + …)))), evaluated backwards from a fixed
 * depth. 400 levels give full double precision for every x ≥ 1 (the fraction converges faster as x
 * grows); all partial results are positive, so the evaluation is stable.
 */
function erfcxContinuedFraction(x: number): number {
  let t = x;
  for (let k = 400; k >= 1; k--) t = x + k / 2 / t;
  return 1 / (Math.sqrt(Math.PI) * t);
}

interface ChebyshevPiece {
  lo: number;
  hi: number;
  coeffs: Float64Array;
}

/** Chebyshev interpolant of f on [lo, hi] at `nodes` Chebyshev points. */
function chebyshevPiece(f: (x: number) => number, lo: number, hi: number, nodes: number): ChebyshevPiece {
  const values = new Float64Array(nodes);
  for (let j = 0; j < nodes; j++) {
    const t = Math.cos((Math.PI * (j + 0.5)) / nodes);
    values[j] = f(0.5 * (hi + lo) + 0.5 * (hi - lo) * t);
  }
  const coeffs = new Float64Array(nodes);
  for (let k = 0; k < nodes; k++) {
    let sum = 0;
    for (let j = 0; j < nodes; j++) sum += values[j]! * Math.cos((Math.PI * k * (j + 0.5)) / nodes);
    coeffs[k] = ((k === 0 ? 1 : 2) / nodes) * sum;
  }
  return { lo, hi, coeffs };
}

// Narrow pieces where GELU spends its time (|x| < 5), octaves beyond. erfcx is analytic in the
// right half-plane, so the series on [a, b] converges like ρ⁻ⁿ with ρ set by (a + b)/(b − a): on a
// quarter unit near x = 1 the coefficients fall below 1e-17 by the 14th, on an octave by the 22nd.
const PIECE_WIDTH = 0.25;
const NARROW_END = 5;
const NARROW_PIECES: readonly ChebyshevPiece[] = Array.from({ length: (NARROW_END - 1) / PIECE_WIDTH }, (_, i) =>
  chebyshevPiece(erfcxContinuedFraction, 1 + i * PIECE_WIDTH, 1 + (i + 1) * PIECE_WIDTH, 16),
);
const WIDE_PIECES: readonly ChebyshevPiece[] = [
  chebyshevPiece(erfcxContinuedFraction, 5, 10, 24),
  chebyshevPiece(erfcxContinuedFraction, 10, 20, 24),
  chebyshevPiece(erfcxContinuedFraction, 20, ERFC_UNDERFLOW, 24),
];

/** Clenshaw summation of a Chebyshev series. */
function evalPiece(piece: ChebyshevPiece, x: number): number {
  const t = (2 * x - piece.lo - piece.hi) / (piece.hi - piece.lo);
  const c = piece.coeffs;
  let b1 = 0;
  let b2 = 0;
  for (let k = c.length - 1; k >= 1; k--) {
    const b0 = 2 * t * b1 - b2 + c[k]!;
    b2 = b1;
    b1 = b0;
  }
  return t * b1 - b2 + c[0]!;
}

/** erfcx(x) = exp(x²)·erfc(x) for 1 ≤ x < ERFC_UNDERFLOW. */
function erfcxLarge(x: number): number {
  const piece =
    x < NARROW_END
      ? NARROW_PIECES[Math.floor((x - 1) / PIECE_WIDTH)]!
      : WIDE_PIECES[x < 10 ? 0 : x < 20 ? 1 : 2]!;
  return evalPiece(piece, x);
}

/**
 * exp(−x²). Rounding x² first costs x²·2⁻⁵³ of relative accuracy: negligible below x = 5, but
 * 4e-14 at x = 20. There x is split into a float32 head, whose square is exact in float64, and a
 * tail, at the price of a second exp (rarely needed: erfc(5) ≈ 1.5e-12).
 */
function expNegSquare(x: number): number {
  if (x < NARROW_END) return Math.exp(-x * x);
  const head = Math.fround(x);
  const tail = x - head;
  return Math.exp(-head * head) * Math.exp(-tail * (x + head));
}

/** erfc(x) for x ≥ 1. */
function erfcLarge(x: number): number {
  if (x >= ERFC_UNDERFLOW) return 0;
  return expNegSquare(x) * erfcxLarge(x);
}

/** The error function erf(x) = (2/√π)∫₀ˣ e^{−t²} dt. erf(±∞) = ±1, erf(NaN) = NaN. */
export function erf(x: number): number {
  if (x > -1 && x < 1) return erfSmall(x);
  if (x >= 1) return 1 - erfcLarge(x);
  if (x <= -1) return erfcLarge(-x) - 1;
  return NaN;
}

/** The complementary error function erfc(x) = 1 − erf(x), accurate in relative terms in the right tail. */
export function erfc(x: number): number {
  if (x > -1 && x < 1) return 1 - erfSmall(x);
  if (x >= 1) return erfcLarge(x);
  if (x <= -1) return 2 - erfcLarge(-x);
  return NaN;
}

/** Standard normal CDF Φ(x) = ½·erfc(−x/√2), accurate in relative terms in the left tail. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x * Math.SQRT1_2);
}

/** Standard normal density φ(x) = exp(−x²/2)/√(2π). */
export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}
