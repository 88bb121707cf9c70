// What a run says about a claim: the value of the JSON field it names at its layer, or the
// per-layer factor between two layers (preset.ts defines both). Shared by the claims' tests and
// `simulate --preset`, which prints it beside each claim.

import type { LayerRecord } from '../../core/records';
import type { Claim, ClaimPath } from './preset';

/** The value of `path` in the record of `layer` (1-based); null where the run has none. */
export function fieldAt(layers: readonly LayerRecord[], path: ClaimPath, layer: number): number | null {
  let node: unknown = layers[layer - 1];
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return null;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'number' && !Number.isNaN(node) ? node : null;
}

/** Whether checking a claim needs the backward pass or the correlations. */
export function claimNeeds(claims: readonly Claim[]): { backward: boolean; correlations: boolean } {
  const paths = claims.map((c) => (c.quantity === 'factor' ? c.of : c.quantity));
  return {
    backward: paths.some((p) => p.includes('radient')),
    correlations: paths.some((p) => p.startsWith('correlation.')),
  };
}

/** The run's value of the claimed quantity: a field at a layer, or a geometric mean factor. */
export function observedValue(layers: readonly LayerRecord[], claim: Claim): number | null {
  if (claim.quantity !== 'factor') return fieldAt(layers, claim.quantity, claim.layer);
  const a = fieldAt(layers, claim.of, claim.from);
  const b = fieldAt(layers, claim.of, claim.layer);
  const steps = Math.abs(claim.layer - claim.from);
  if (a === null || b === null || steps === 0 || !(a > 0) || !(b > 0)) return null;
  return (b / a) ** (1 / steps);
}
