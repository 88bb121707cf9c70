// Standard normal variates by Marsaglia and Tsang's ziggurat (J. Stat. Softw. 5(8), 2000), 128
// layers. One 32-bit output decides layer, sign and abscissa, and 97 % of draws are accepted
// right there; the rest (wedges and the tail beyond r ≈ 3.4426) go through an out-of-line path.
//
// Bits of each 32-bit draw: 0–6 choose the layer, bit 7 the sign, bits 8–31 a 24-bit abscissa.
// Layer and abscissa come from disjoint bits, avoiding the layer/value correlation that Doornik
// (2005) pointed out in the original code, where the same bits chose both.

import { erfc } from './gaussian';
import type { Sfc32 } from './rng';

const LAYERS = 128;
const ABSCISSA_STEPS = 16777216; // 2²⁴

function density(x: number): number {
  return Math.exp(-0.5 * x * x);
}

/** Area of the base layer for tail start r: the rectangle r·f(r) plus the tail ∫ᵣ^∞ f. */
function baseArea(r: number): number {
  return r * density(r) + Math.sqrt(Math.PI / 2) * erfc(r / Math.SQRT2);
}

/**
 * Layer edges x[0] > x[1] = r > … > x[127] > x[128] = 0 for tail start r, each layer a rectangle of
 * area v = baseArea(r); x[0] = v/f(r) is the width of a rectangle equivalent to the base layer.
 * Returns the mismatch of the top layer's area (positive when r is too large), or −1 when the
 * stack already overshoots the peak of the density (r too small).
 */
function buildEdges(r: number, edges: Float64Array): number {
  const v = baseArea(r);
  edges[0] = v / density(r);
  edges[1] = r;
  for (let i = 1; i < LAYERS - 1; i++) {
    const x = edges[i] ?? 0;
    const height = v / x + density(x);
    if (height >= 1) return -1;
    edges[i + 1] = Math.sqrt(-2 * Math.log(height));
  }
  edges[LAYERS] = 0;
  const top = edges[LAYERS - 1] ?? 0;
  return top * (1 - density(top)) - v;
}

/** Solve for the r at which 128 equal-area layers exactly fill the density (r ≈ 3.442619855897). */
function solveTailStart(edges: Float64Array): number {
  let lo = 3;
  let hi = 4;
  for (let iteration = 0; iteration < 100; iteration++) {
    const mid = 0.5 * (lo + hi);
    if (buildEdges(mid, edges) > 0) hi = mid;
    else lo = mid;
  }
  buildEdges(hi, edges);
  return hi;
}

const edges = new Float64Array(LAYERS + 1);
/** Where the tail begins. */
export const ZIGGURAT_TAIL_START = solveTailStart(edges);

/** An abscissa m (0 ≤ m < 2²⁴) in layer i is inside the density's rectangle when m < accept[i]. */
const accept = new Int32Array(LAYERS);
/** Abscissa scale per (sign, layer): index = draw & 255, so the sign costs no branch. */
const signedScale = new Float64Array(2 * LAYERS);
/** f(x[i]): the bottom height of layer i (f(x[128]) = 1 at the peak). */
const heights = new Float64Array(LAYERS + 1);

for (let i = 0; i < LAYERS; i++) {
  const outer = edges[i] ?? 0;
  const inner = edges[i + 1] ?? 0;
  // Rounding down only sends a boundary abscissa to the exact wedge test; it never over-accepts.
  accept[i] = Math.floor((inner / outer) * ABSCISSA_STEPS);
  signedScale[i] = outer / ABSCISSA_STEPS;
  signedScale[i + LAYERS] = -outer / ABSCISSA_STEPS;
}
for (let i = 0; i <= LAYERS; i++) heights[i] = density(edges[i] ?? 0);
heights[0] = 0;

/**
 * The fast test's tables, for the WebAssembly copy of fillNormal (kernels/normal.wat): accept
 * (128 × int32) and the signed abscissa scales (256 × float64). Not to be modified.
 */
export const ZIGGURAT_FAST_TABLES: { readonly accept: Int32Array; readonly signedScale: Float64Array } = {
  accept,
  signedScale,
};

/** Marsaglia's exact tail sampler for |z| > r: two exponentials, accept when 2y ≥ x². */
function sampleTail(rng: Sfc32): number {
  const r = ZIGGURAT_TAIL_START;
  for (;;) {
    const x = -Math.log(rng.nextFloatOpen()) / r;
    const y = -Math.log(rng.nextFloatOpen());
    if (y + y >= x * x) return r + x;
  }
}

/**
 * Everything the fast test did not accept, for a draw already taken. Rejection restarts with a
 * fresh draw, which may then be accepted by the fast test. Kept out of line so the hot loops stay
 * small enough to inline.
 */
export function normalSlowPath(rng: Sfc32, draw: number): number {
  for (;;) {
    const layer = draw & (LAYERS - 1);
    const negative = (draw & LAYERS) !== 0;
    if (layer === 0) {
      const z = sampleTail(rng);
      return negative ? -z : z;
    }
    const z = (draw >>> 8) * (signedScale[layer] ?? 0);
    const bottom = heights[layer] ?? 0;
    const top = heights[layer + 1] ?? 1;
    if (bottom + rng.nextFloat() * (top - bottom) < density(z)) return negative ? -z : z;
    draw = rng.nextU32();
    if (draw >>> 8 < (accept[draw & (LAYERS - 1)] ?? 0)) {
      return (draw >>> 8) * (signedScale[draw & (2 * LAYERS - 1)] ?? 0);
    }
  }
}

/** One standard normal variate. */
export function normal(rng: Sfc32): number {
  const draw = rng.nextU32();
  if (draw >>> 8 < (accept[draw & (LAYERS - 1)] ?? 0)) {
    return (draw >>> 8) * (signedScale[draw & (2 * LAYERS - 1)] ?? 0);
  }
  return normalSlowPath(rng, draw);
}

/**
 * out[j] = mean + std·z_j for j in [start, end), z_j standard normal: the same numbers, in the
 * same order, as calling `normal(rng)` once per entry. The sfc32 step is written out here with the
 * state in locals (V8 keeps them in registers) and written back around the rare slow path.
 */
export function fillNormal(rng: Sfc32, out: Float32Array, start: number, end: number, mean: number, std: number): void {
  const s = rng.state;
  let a = s[0]!;
  let b = s[1]!;
  let c = s[2]!;
  let counter = s[3]!;
  for (let j = start; j < end; j++) {
    const t = (a + b + counter) | 0;
    counter = (counter + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + t) | 0;
    let z: number;
    if (t >>> 8 < (accept[t & (LAYERS - 1)] ?? 0)) {
      z = (t >>> 8) * (signedScale[t & (2 * LAYERS - 1)] ?? 0);
    } else {
      s[0] = a;
      s[1] = b;
      s[2] = c;
      s[3] = counter;
      z = normalSlowPath(rng, t);
      a = s[0]!;
      b = s[1]!;
      c = s[2]!;
      counter = s[3]!;
    }
    out[j] = mean + std * z;
  }
  s[0] = a;
  s[1] = b;
  s[2] = c;
  s[3] = counter;
}
