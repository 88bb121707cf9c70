// What the signal chart draws and says of the backward pass: the curve, the per-layer inputs its
// verdict reads, the verdict, and whether the pass has reached the input. Per layer from the
// gradient statistics, or per block from a residual stream's gradient. Built only while the curve
// is drawn: the backward pass writes the store several times a second for as long as it streams,
// and rebuilding these for a hidden curve was garbage on every write.

import { useMemo } from 'react';
import type { BlockGradient } from '../core/architecture/backward';
import type { GradientStats } from '../core/types';
import { gradientVerdict, type GradientInput } from '../readings/gradientVerdict';
import { streamGradient } from '../readings/streamVerdict';
import type { Verdict } from '../readings/verdict';
import { buildGradientSeries, type GradientCurves } from './gradientSeries';
import { streamGradientCurves } from './streamSeries';

const NO_GRADIENTS: GradientCurves = { measured: [], theory: [] };
const NO_GRADIENT_INPUTS: readonly (GradientInput | undefined)[] = [];

export interface GradientView {
  curves: GradientCurves;
  inputs: readonly (GradientInput | undefined)[];
  verdict: Verdict | null;
  /** The backward pass has reached the first layer (or block). */
  complete: boolean;
}

export function useGradientView(
  shown: boolean,
  gradients: readonly (GradientStats | undefined)[],
  blockGradients: readonly (BlockGradient | undefined)[] | undefined,
): GradientView {
  const curves = useMemo(
    () =>
      !shown ? NO_GRADIENTS : blockGradients ? streamGradientCurves(blockGradients) : buildGradientSeries(gradients),
    [shown, gradients, blockGradients],
  );
  const inputs = useMemo(
    () =>
      !shown
        ? NO_GRADIENT_INPUTS
        : blockGradients
          ? Array.from(blockGradients, (g) =>
              g
                ? {
                    value: g.streamSecondMoment,
                    status: Number.isFinite(g.streamSecondMoment) ? ('ok' as const) : ('overflow' as const),
                  }
                : undefined,
            )
          : Array.from(gradients, (g) => (g ? { value: g.secondMoment, status: g.status } : undefined)),
    [shown, gradients, blockGradients],
  );
  const verdict = useMemo(
    () =>
      !blockGradients
        ? gradientVerdict(inputs)
        : shown
          ? (streamGradient({ blocks: [], blockGradients })?.measured ?? null)
          : null,
    [blockGradients, inputs, shown],
  );
  const complete = blockGradients
    ? blockGradients.length > 0 && blockGradients[0] !== undefined
    : gradients.length > 0 && gradients[0] !== undefined;
  return { curves, inputs, verdict, complete };
}
