// The pace of the layer-by-layer animation. A lecturer narrates while the signal travels, so a
// short network moves at a readable 150 ms per layer; a deep one speeds up so the whole trip
// still ends within about 6 s (a 2000-layer network shows several layers per frame).

export const REVEAL_STEP_MS = 150;
export const REVEAL_MAX_MS = 6000;

/** Time between two layers appearing. */
export function revealStepMs(depth: number): number {
  return depth <= 1 ? REVEAL_STEP_MS : Math.min(REVEAL_STEP_MS, REVEAL_MAX_MS / (depth - 1));
}

/** How long from the first layer appearing to the last. */
export function revealDurationMs(depth: number): number {
  return depth <= 1 ? 0 : (depth - 1) * revealStepMs(depth);
}

/** Layers shown `elapsedMs` after the start: layer 1 at once, one more each step, then all of them. */
export function layersRevealed(elapsedMs: number, depth: number): number {
  if (depth <= 1) return Math.max(0, depth);
  const steps = Math.floor(Math.max(0, elapsedMs) / revealStepMs(depth) + 1e-9);
  return Math.min(depth, 1 + steps);
}
