// How a team splits work: contiguous ranges, the first `total mod members` members taking one
// extra item. The leader (rank 0) therefore always holds the first rows of the batch whenever
// the batch is not empty, which is where samples and correlations are read from.

export interface Share {
  start: number;
  end: number;
}

export function shareOf(total: number, members: number, rank: number): Share {
  const base = Math.floor(total / members);
  const extra = total % members;
  const start = rank * base + Math.min(rank, extra);
  return { start, end: start + base + (rank < extra ? 1 : 0) };
}
