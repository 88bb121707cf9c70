// The correlation chart connected to the store: the shown run's layers and depth.

import { useDeferredValue } from 'react';
import { CorrelationChart } from '../../charts/CorrelationChart';
import { useApp } from '../../state/store';

export function CorrelationPanel() {
  // Deferred: while a run streams, this chart follows in React's background renders, which yield
  // to input and to the signal chart, instead of adding its work to every streamed frame.
  const layers = useDeferredValue(useApp((s) => s.run.layers));
  const depth = useDeferredValue(useApp((s) => s.run.config?.widths.length ?? 0));
  return <CorrelationChart layers={layers} depth={depth} />;
}
