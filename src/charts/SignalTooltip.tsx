// What one layer's numbers are, for the hover / keyboard tooltip of the signal chart.

import type { LayerStatus } from '../core/types';
import { formatValue } from '../readings/format';
import type { SeriesPoint, SignalSeries } from './signalSeries';

const STATUS_WORDS: Partial<Record<LayerStatus, string>> = {
  overflow: 'overflow',
  underflow: 'underflow',
  dead: 'dead: weights or inputs all 0',
};

function valueText(p: SeriesPoint | undefined, status?: LayerStatus): string {
  if (!p || p.raw === null) return '—';
  const words = status ? STATUS_WORDS[status] : undefined;
  const text = p.kind === 'inf' ? 'Inf' : formatValue(p.raw, 3);
  return words ? `${text} (${words})` : text;
}

function ratioText(measured: SeriesPoint | undefined, theory: SeriesPoint | undefined): string {
  if (!measured || !theory || measured.kind !== 'ok' || theory.kind !== 'ok') return '—';
  if (measured.raw === null || theory.raw === null || theory.raw === 0) return '—';
  return formatValue(measured.raw / theory.raw, 3);
}

interface SignalTooltipProps {
  layer: number;
  series: SignalSeries;
  status?: LayerStatus;
  showActivations: boolean;
  unit?: 'layer' | 'block';
}

export function SignalTooltipContent({ layer, series, status, showActivations, unit = 'layer' }: SignalTooltipProps) {
  const i = layer - 1;
  const rows: [string, string][] = [
    ['measured', valueText(series.measured[i], status)],
    ['theory', valueText(series.theory[i])],
    ['measured ÷ theory', ratioText(series.measured[i], series.theory[i])],
  ];
  if (showActivations) {
    rows.push(
      ['activations', valueText(series.activations[i])],
      ['activations, theory', valueText(series.activationsTheory[i])],
    );
  }
  return (
    <>
      <p className="chart-tooltip-title">
        {unit === 'block' ? 'Block' : 'Layer'} {layer}
      </p>
      <dl className="chart-tooltip-rows">
        {rows.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
