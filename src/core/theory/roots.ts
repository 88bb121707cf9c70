// One-dimensional root finding on a bracket, shared by the fixed-point, criticality and
// correlation solvers. Every function here is an expensive quadrature, so the method must need
// few evaluations; every root must stay bracketed, so it must never step outside the bracket.

export interface RootOptions {
  /** Stop when the bracket is narrower than relTol·|x| + absTol. */
  relTol?: number;
  absTol?: number;
}

/**
 * A root of g between a and b, given g(a) and g(b) of opposite signs (or one of them 0), by the
 * Illinois variant of regula falsi: superlinear, and free of the one-sided stagnation plain
 * regula falsi suffers on convex functions (the length and correlation maps are convex).
 * Returns NaN when the values do not bracket a root.
 */
export function bracketedRoot(
  g: (x: number) => number,
  a: number,
  b: number,
  ga: number = g(a),
  gb: number = g(b),
  { relTol = 4e-16, absTol = 0 }: RootOptions = {},
): number {
  if (ga === 0) return a;
  if (gb === 0) return b;
  if (!(ga * gb < 0)) return NaN;
  let side = 0;
  for (let iter = 0; iter < 200; iter++) {
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    if (hi - lo <= relTol * Math.max(Math.abs(lo), Math.abs(hi)) + absTol) break;
    const secant = (ga * b - gb * a) / (ga - gb);
    // Bisect when rounding puts the secant point on or outside the bracket.
    const c = secant > lo && secant < hi ? secant : 0.5 * (lo + hi);
    if (c <= lo || c >= hi) break;
    const gc = g(c);
    if (gc === 0) return c;
    if (Number.isNaN(gc)) return NaN;
    if (gc * gb > 0) {
      // c replaces b; if b's side was replaced last time too, halve the stale g(a).
      b = c;
      gb = gc;
      if (side === -1) ga /= 2;
      side = -1;
    } else {
      a = c;
      ga = gc;
      if (side === 1) gb /= 2;
      side = 1;
    }
  }
  return Math.abs(ga) < Math.abs(gb) ? a : b;
}
