// The distributions chart connected to the store: the run's samples, its depth and activation,
// and the view's histogram style, x range and values — outputs φ(h), pre-activations h or
// gradients δ — all three in the link.

import { useDeferredValue, useMemo } from 'react';
import {
  Distributions,
  type DistributionSource,
  type HistogramMode,
  type HistogramRange,
} from '../../charts/Distributions';
import { setView } from '../../state/actions';
import { useApp } from '../../state/store';

/** One empty list, so "no gradients yet" is the same array on every render and binning stays cached. */
const NONE: readonly Float32Array[] = [];

const onMode = (histogram: HistogramMode) => setView({ histogram });
const onRange = (histRange: HistogramRange) => setView({ histRange });
const onSource = (histValues: DistributionSource) => setView({ histValues });

export function DistributionsPanel() {
  // Deferred, like the other panels below the signal chart: binning the newest layers and drawing
  // their ridges happens in React's background renders, which yield to input and to the signal
  // chart, so a streamed frame never waits for the histograms.
  const forward = useDeferredValue(useApp((s) => s.run.samples));
  const preactivations = useDeferredValue(useApp((s) => s.run.preSamples));
  const theory = useDeferredValue(useApp((s) => s.run.theory));
  const theoryQ = useMemo(() => theory.map((t) => t.preactivationSecondMoment), [theory]);
  // The backward pass arrives from the top layer down, so its samples have holes until it reaches
  // layer 1: they are shown once complete, binned once per sample like the forward ones.
  const backward = useDeferredValue(
    useApp((s) => (s.run.gradientSamples[0] !== undefined ? s.run.gradientSamples : NONE)),
  );
  const config = useDeferredValue(useApp((s) => s.run.config));
  const mode = useApp((s) => s.view.histogram);
  const rangeMode = useApp((s) => s.view.histRange);
  const source = useApp((s) => s.view.histValues);
  return (
    <Distributions
      forward={forward}
      backward={backward}
      preactivations={preactivations}
      theoryQ={theoryQ}
      depth={config?.widths.length ?? 0}
      activation={config?.activation}
      source={source}
      mode={mode}
      rangeMode={rangeMode}
      onSource={onSource}
      onMode={onMode}
      onRange={onRange}
    />
  );
}
