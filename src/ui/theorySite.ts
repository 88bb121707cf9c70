// Which (σ_w², σ_b²) the theory readout and the phase diagram's marker describe. The fixed-point
// theory assumes the same σ_w² in every layer; a Glorot network whose widths change has a
// different σ_w² per layer, so one representative layer is chosen and named.

import type { LayerTheory } from '../core/types';

export type TheorySite =
  | { kind: 'none' }
  /** The weights of `layer` have a non-zero mean (e.g. ones): the length map does not describe them. */
  | { kind: 'not-applicable'; layer: number }
  | {
      kind: 'site';
      /** 1-based layer the values come from. */
      layer: number;
      sigmaW2: number;
      sigmaB2: number;
      /** Every layer has these same values. */
      uniform: boolean;
      /** Smallest and largest σ_w² over the layers. */
      minSigmaW2: number;
      maxSigmaW2: number;
    };

/** Equal up to the rounding of fan_in·Var(w) in different layers. */
const same = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));

/**
 * The layers' common values when they all agree; otherwise the layer with the median σ_w² (the
 * lower of the two middle ones), so one odd first layer (input dimension ≠ width) cannot decide.
 */
export function theorySite(theory: readonly LayerTheory[]): TheorySite {
  if (theory.length === 0) return { kind: 'none' };
  const missing = theory.findIndex((t) => t.sigmaW2 === null);
  if (missing !== -1) return { kind: 'not-applicable', layer: missing + 1 };
  const layers = theory.map((t, i) => ({ layer: i + 1, sigmaW2: t.sigmaW2!, sigmaB2: t.sigmaB2 ?? 0 }));
  const first = layers[0]!;
  const ws = layers.map((l) => l.sigmaW2);
  const minSigmaW2 = Math.min(...ws);
  const maxSigmaW2 = Math.max(...ws);
  const uniform = layers.every((l) => same(l.sigmaW2, first.sigmaW2) && same(l.sigmaB2, first.sigmaB2));
  if (uniform) return { kind: 'site', ...first, uniform, minSigmaW2, maxSigmaW2 };
  const sorted = [...layers].sort((a, b) => a.sigmaW2 - b.sigmaW2 || a.layer - b.layer);
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  return { kind: 'site', ...median, uniform, minSigmaW2, maxSigmaW2 };
}
