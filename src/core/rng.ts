// Seeded random numbers: sfc32 plus a deterministic way to derive one independent stream per
// (seed, kind, layer, block). Every random number in a simulation comes from such a stream, so one
// integer seed fixes the whole run, and the numbers do not depend on how the work is split later.

/** What a stream is used for; part of the stream's identity so weights and inputs never share. */
export const Stream = { weights: 1, bias: 2, input: 3, gradient: 4, sample: 5 } as const;

const TWO_POW_MINUS_32 = 1 / 4294967296;

/**
 * Chris Doty-Humphrey's Small Fast Counting generator, 32-bit variant (from PractRand), with the
 * published constants (shift right 9, shift left 3, rotate 21). The counter word guarantees a
 * period of at least 2³² from any state.
 *
 * The state is public, four signed 32-bit words in an Int32Array, so that a hot loop can copy
 * them into locals, step the generator inline and write them back (see `fillNormal`). An
 * Int32Array rather than four number fields: where V8 compresses pointers (Chromium does, Node
 * does not) an object field holds only 31-bit integers unboxed, so every write of a full 32-bit
 * word would allocate, and the normal sampler ran 2.5× slower in the browser than in Node.
 * Anything else should only call the methods.
 */
export class Sfc32 {
  /** a, b, c, counter. */
  readonly state: Int32Array;

  /**
   * Raw state; use `streamRng` to get a well-mixed one. `state` is where the words live: by
   * default an array of its own, or a view into a WebAssembly memory whose code steps the same
   * generator (kernels/normalWasm.ts).
   */
  constructor(a: number, b: number, c: number, counter: number, state = new Int32Array(4)) {
    this.state = state;
    this.state[0] = a;
    this.state[1] = b;
    this.state[2] = c;
    this.state[3] = counter;
  }

  /** Uniform integer in 0 … 2³² − 1. */
  nextU32(): number {
    const s = this.state;
    const a = s[0]!;
    const b = s[1]!;
    const c = s[2]!;
    const counter = s[3]!;
    const t = (a + b + counter) | 0;
    s[3] = counter + 1;
    s[0] = b ^ (b >>> 9);
    s[1] = c + (c << 3);
    s[2] = ((c << 21) | (c >>> 11)) + t;
    return t >>> 0;
  }

  /** Uniform on [0, 1), in steps of 2⁻³². */
  nextFloat(): number {
    return this.nextU32() * TWO_POW_MINUS_32;
  }

  /** Uniform on (0, 1): the midpoints of the 2³² steps, so a logarithm of it is always finite. */
  nextFloatOpen(): number {
    return (this.nextU32() + 0.5) * TWO_POW_MINUS_32;
  }
}

/** MurmurHash3's 32-bit finalizer: a bijection on 32-bit words with full avalanche. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** Outputs thrown away after seeding, as PractRand's own sfc32 seeding does. */
const WARM_UP_OUTPUTS = 12;

/**
 * The generator for one (seed, kind, layer, block). The four integers (each taken modulo 2³²) are
 * mixed into the four state words by two passes of a chain in which every step is invertible
 * (add a neighbour, then a bijective finalizer). The whole map is therefore a bijection of 128-bit
 * words: two different tuples can never start from the same state, and a change in any one of
 * them changes every state word. The odd constants keep the all-zero tuple away from the
 * all-zero state.
 */
export function streamRng(seed: number, kind: number, layer: number, block: number): Sfc32 {
  let s0 = fmix32(((seed >>> 0) + 0x9e3779b9) | 0);
  let s1 = fmix32(((kind >>> 0) + 0x7f4a7c15 + s0) | 0);
  let s2 = fmix32(((layer >>> 0) + 0xf39cc061 + s1) | 0);
  let s3 = fmix32(((block >>> 0) + 0x5cedc835 + s2) | 0);
  // The second pass carries the later words back into the earlier ones.
  s0 = fmix32((s0 + s3) | 0);
  s1 = fmix32((s1 + s0) | 0);
  s2 = fmix32((s2 + s1) | 0);
  s3 = fmix32((s3 + s2) | 0);
  const rng = new Sfc32(s0, s1, s2, s3);
  for (let i = 0; i < WARM_UP_OUTPUTS; i++) rng.nextU32();
  return rng;
}
