// Work shared out piece by piece: each member takes the next piece from a shared counter until
// none is left, so a member that gets more CPU does more pieces. Only what a piece contains may
// depend on its index — never on who took it — which keeps the results the same bits.

/** Calls work(piece) for every piece this member takes of 0 … count − 1. */
export function takePieces(counters: Int32Array, counter: number, count: number, work: (piece: number) => void): void {
  for (let piece = Atomics.add(counters, counter, 1); piece < count; piece = Atomics.add(counters, counter, 1))
    work(piece);
}

/**
 * Rows per piece of the batch: about three pieces per member, so a member that falls behind can
 * be helped, but at least 32 rows, below which the matmul kernel loses speed (64 and up: none).
 * A single thread takes the whole batch in one piece.
 */
export function rowChunkOf(batch: number, members: number): number {
  if (members === 1) return Math.max(batch, 1);
  return Math.min(batch, Math.max(32, Math.min(64, Math.ceil(batch / (3 * members)))));
}
