// Capacity bookkeeping shared by the kernels. A kernel is sized for a largest B, K and N (each
// the maximum ever passed to ensure()); run() accepts any shape within those, and nothing else,
// so a wrong shape throws instead of reading or writing out of range.

export interface Capacity {
  readonly B: number;
  readonly K: number;
  readonly N: number;
}

export const EMPTY_CAPACITY: Capacity = { B: 0, K: 0, N: 0 };

function checkDim(name: string, v: number): void {
  if (!Number.isSafeInteger(v) || v < 0) {
    throw new RangeError(`matmul: ${name} must be a non-negative integer, got ${v}`);
  }
}

/** The capacity after ensure(maxB, maxK, maxN), or null when the current one already suffices. */
export function grownCapacity(cap: Capacity, maxB: number, maxK: number, maxN: number): Capacity | null {
  checkDim('maxB', maxB);
  checkDim('maxK', maxK);
  checkDim('maxN', maxN);
  if (maxB <= cap.B && maxK <= cap.K && maxN <= cap.N) return null;
  return { B: Math.max(cap.B, maxB), K: Math.max(cap.K, maxK), N: Math.max(cap.N, maxN) };
}

/** Element counts of the x, w, bias and out buffers for a capacity. */
export function bufferSizes(cap: Capacity): { x: number; w: number; bias: number; out: number } {
  return { x: cap.B * cap.K, w: cap.K * cap.N, bias: cap.N, out: cap.B * cap.N };
}

/** Throws unless B, K and N are within the capacity set by ensure(). */
export function checkRunShape(cap: Capacity, B: number, K: number, N: number): void {
  checkDim('B', B);
  checkDim('K', K);
  checkDim('N', N);
  if (B > cap.B || K > cap.K || N > cap.N) {
    throw new RangeError(`matmul: shape ${B}×${K}·${K}×${N} exceeds ensure()'d ${cap.B}×${cap.K}·${cap.K}×${cap.N}`);
  }
}
