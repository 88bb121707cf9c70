// Fixed-range histograms of unbounded activations use the pooled quantiles of every layer, and
// that range moves each time a streamed layer arrives — so every shown layer is binned again and
// the pool is ranked again, several times a second. Both become cheap with sorted copies of the
// samples, made once per sample and cached by identity: a histogram is then a binary search per
// bin edge, and a quantile of the pool a partial merge of the sorted lists. The results are the
// same numbers as binning and sorting everything anew (binning.test.ts checks that).

const isFinite = (v: number): boolean => v - v === 0;

/** a before b in ascending order, with −0 before +0 as a typed array's sort puts them. */
const before = (a: number, b: number): boolean => a < b || (a === 0 && b === 0 && 1 / a < 1 / b);

const finiteSorted = new WeakMap<Float32Array, Float32Array>();

/** The sample's finite values, ascending. */
export function sortedFinite(x: Float32Array): Float32Array {
  let sorted = finiteSorted.get(x);
  if (!sorted) {
    sorted = x.filter(isFinite).sort();
    finiteSorted.set(x, sorted);
  }
  return sorted;
}

/** First index in [from, to) where `pred` holds, for a predicate that is false, then true. */
function firstWhere(a: Float32Array, from: number, to: number, pred: (v: number) => boolean): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pred(a[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Counts of the finite values in [lo, hi] per bin, exactly as binSample counts them (the bin of
 * v is min(bins − 1, ⌊(v − lo)·bins/(hi − lo)⌋), which only grows with v), and how many fell inside.
 */
export function binSorted(
  sorted: Float32Array,
  lo: number,
  hi: number,
  bins: number,
): { counts: number[]; inside: number } {
  const scale = bins / (hi - lo);
  const start = firstWhere(sorted, 0, sorted.length, (v) => v >= lo);
  const end = firstWhere(sorted, start, sorted.length, (v) => v > hi);
  const counts = new Array<number>(bins).fill(0);
  let edge = start;
  for (let b = 0; b < bins; b++) {
    const next =
      b === bins - 1 ? end : firstWhere(sorted, edge, end, (v) => Math.min(bins - 1, Math.floor((v - lo) * scale)) > b);
    counts[b] = next - edge;
    edge = next;
  }
  return { counts, inside: end - start };
}

const picksCache = new WeakMap<Float32Array, { stride: number; sorted: Float64Array }>();

/** The finite values at indices 0, stride, 2·stride, … of the sample, ascending. */
export function sortedPicks(x: Float32Array, stride: number): Float64Array {
  const cached = picksCache.get(x);
  if (cached?.stride === stride) return cached.sorted;
  const picked: number[] = [];
  for (let i = 0; i < x.length; i += stride) if (isFinite(x[i]!)) picked.push(x[i]!);
  const sorted = Float64Array.from(picked).sort();
  picksCache.set(x, { stride, sorted });
  return sorted;
}

/**
 * The values of ranks k and k + 1 (0-based, ascending; k + 1 capped at the last) in the union of
 * sorted lists, by merging from whichever end is nearer — a quantile near 0 or 1 reads only the
 * first or last few hundred values.
 */
export function ranksOfUnion(lists: readonly Float64Array[], k: number): [number, number] {
  const total = lists.reduce((n, l) => n + l.length, 0);
  const k2 = Math.min(k + 1, total - 1);
  if (k <= total - 1 - k2) {
    const merged = mergeFromEnd(lists, k2 + 1, false);
    return [merged[k]!, merged[k2]!];
  }
  const merged = mergeFromEnd(lists, total - k, true);
  return [merged[total - 1 - k]!, merged[total - 1 - k2]!];
}

/** The first `count` values of the merged lists, from the low end or (fromTop) the high end. */
function mergeFromEnd(lists: readonly Float64Array[], count: number, fromTop: boolean): number[] {
  const value = (l: number, pos: number): number => lists[l]![fromTop ? lists[l]!.length - 1 - pos : pos]!;
  const first = (a: number, b: number): boolean => (fromTop ? before(b, a) : before(a, b));
  // A binary heap of [list, position] pairs, ordered by the value there.
  const heap: [number, number][] = [];
  const less = (i: number, j: number): boolean => first(value(...heap[i]!), value(...heap[j]!));
  const swap = (i: number, j: number): void => {
    [heap[i], heap[j]] = [heap[j]!, heap[i]!];
  };
  const down = (i: number): void => {
    for (;;) {
      let m = i;
      for (const c of [2 * i + 1, 2 * i + 2]) if (c < heap.length && less(c, m)) m = c;
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };
  lists.forEach((l, i) => {
    if (l.length > 0) heap.push([i, 0]);
  });
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) down(i);
  const out: number[] = [];
  while (out.length < count && heap.length > 0) {
    const [l, pos] = heap[0]!;
    out.push(value(l, pos));
    if (pos + 1 < lists[l]!.length) heap[0] = [l, pos + 1];
    else {
      const last = heap.pop()!;
      if (heap.length > 0) heap[0] = last;
    }
    down(0);
  }
  return out;
}
