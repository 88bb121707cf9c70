// LSUV's stopping rule and what it reports per layer, shared by the procedure (lsuv.ts), its entry
// in the initializer table and the layer statistics of a run.

/** The paper's defaults (Mishkin & Matas 2016, Algorithm 1): Tol_var = 0.1, T_max = 10. */
export const LSUV_TOLERANCE = 0.1;
export const LSUV_MAX_PASSES = 10;

export interface LsuvLayer {
  layer: number;
  /** The factor the orthonormal weights were multiplied by. */
  scale: number;
  /** Rescaling passes it took (0 when the orthonormal start was already within tolerance). */
  passes: number;
  /** Var(h) of the layer's output on the batch with that scale. */
  variance: number;
  /** Whether |variance − 1| ≤ tolerance (false: passes ran out, or the output was constant or overflowed). */
  converged: boolean;
}
