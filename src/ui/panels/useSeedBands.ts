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
import { seedKey, useSeedRuns } from '../../state/seedRunner';
import { useApp } from '../../state/store';

export function useSeedBands(): SeedBands | null {
  const config = useApp((s) => s.run.config);
  const theory = useApp((s) => s.run.theory);
  const key = useSeedRuns((s) => s.key);
  const runs = useSeedRuns((s) => s.runs);
  const matches = config !== null && key === seedKey(config);
  const theoryPoints = useMemo(() => {
    if (!matches || config === null || theory.length === 0) return [];
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
