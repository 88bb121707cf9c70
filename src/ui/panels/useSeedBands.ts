// The bands of "Run 8 seeds" for the signal chart: the measured 10–90 % across seeds and the one
// finite-width theory predicts. Only while the shown run has the configuration the seeds ran
// (same settings, same first seed); computed once per finished seed, not per frame.
//
// Lives with the panels, not in src/state: like every hook here it shapes the store's or a worker's
// data into what one view draws (chart types such as SeriesPoint), and src/state knows no view.

import { useMemo } from 'react';
import { getActivation } from '../../core/activations';
import { logSpread } from '../../core/finiteWidth';
import { seedBand, theoryBand, type SeedBands } from '../../charts/seedBand';
import type { SignalUnit } from '../../charts/streamSeries';
import { seedKey, useSeedRuns } from '../../state/seedRunner';
import { useApp } from '../../state/store';

/**
 * `unit` is what the chart's x counts: on 'block' a residual run's band is its stream's per block.
 * The finite-width band (finiteWidth.ts) is derived for a plain stack's layer-to-layer map; skips
 * and norms change that law, so an architecture's run gets the measured band alone.
 */
export function useSeedBands(unit: SignalUnit = 'layer'): SeedBands | null {
  const config = useApp((s) => s.run.config);
  const theory = useApp((s) => s.run.theory);
  const key = useSeedRuns((s) => s.key);
  const perBlock = unit === 'block' && config?.architecture?.kind === 'residual';
  const runs = useSeedRuns((s) => (perBlock ? s.blockRuns : s.runs));
  const matches = config !== null && key === seedKey(config);
  const theoryPoints = useMemo(() => {
    if (!matches || config === null || theory.length === 0 || config.architecture) return [];
    const act = getActivation(config.activation);
    if (!act) return [];
    const spread = logSpread({
      act,
      params: config.activationParams,
      theory,
      widths: config.widths,
      inputDim: config.inputDim,
      // κ − 1 of one input coordinate: 2 for a Gaussian, 0.8 for a uniform.
      inputKurtosisMinusOne: config.input === 'uniform' ? 0.8 : 2,
    });
    return theoryBand(
      theory.map((t) => t.preactivationSecondMoment),
      spread,
    );
  }, [matches, config, theory]);
  const measured = useMemo(() => (matches ? seedBand(runs) : []), [matches, runs]);
  return useMemo(
    () =>
      matches && (measured.length > 0 || runs.length > 0)
        ? { measured, theory: theoryPoints, seeds: runs.length }
        : null,
    [matches, measured, theoryPoints, runs.length],
  );
}
