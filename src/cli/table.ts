// The human-readable `--format table`: one aligned row per layer, measured next to theory.

import type { RunRecord } from '../core/records';
import { blockTable, describeArchitecture } from './blockTable';

function num(v: number | null): string {
  if (v === null || Number.isNaN(v)) return '—';
  if (v === Infinity) return 'Inf';
  if (v === -Infinity) return '-Inf';
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1e4 || a < 1e-3 ? v.toExponential(3) : v.toPrecision(4);
}

function pct(v: number): string {
  return `${(100 * v).toFixed(1)}%`;
}

export function toTable(record: RunRecord): string {
  const c = record.config;
  const withGradient = record.layers.some((l) => l.gradient);
  const withCorrelation = record.layers.some((l) => l.correlation);
  const jacobian = new Map((record.jacobian ?? []).map((j) => [j.layer, j]));
  const header = [
    ...['layer', 'fan_in', 'fan_out', 'E[h²]', 'theory q', 'ratio', 'mean φ', 'var φ', 'zero', 'saturated'],
    ...(withGradient ? ['E[δ²]', 'theory q̃', 'E[(∂W)²]'] : []),
    ...(withCorrelation ? ['corr', 'theory c'] : []),
    ...(jacobian.size > 0 ? ['J: E[σ²]', 'theory', 'σ 5%', 'σ 95%'] : []),
    'status',
  ];
  const rows = record.layers.map((l) => {
    const q = l.theory.preactivationSecondMoment;
    const m = l.preactivation.secondMoment;
    const ratio = q !== null && q > 0 && Number.isFinite(m) ? m / q : null;
    const g = l.gradient;
    const gradientCells = withGradient
      ? [
          num(g?.secondMoment ?? null),
          num(l.theory.gradientSecondMoment ?? null),
          num(g?.weightGradientSecondMoment ?? null),
        ]
      : [];
    const correlationCells = withCorrelation
      ? [num(l.correlation?.measured ?? null), num(l.correlation?.theory ?? null)]
      : [];
    const j = jacobian.get(l.layer);
    const jacobianCells =
      jacobian.size > 0
        ? j
          ? [
              num(j.singularValues.meanSquare),
              num(j.theory.meanSquare),
              num(j.singularValues.quantiles[0]!),
              num(j.singularValues.quantiles[4]!),
            ]
          : ['', '', '', '']
        : [];
    return [
      String(l.layer),
      String(l.fanIn),
      String(l.fanOut),
      num(m),
      num(q),
      num(ratio),
      num(l.activation.mean),
      num(l.activation.variance),
      pct(l.activation.fractionZero),
      pct(l.activation.fractionSaturated),
      ...gradientCells,
      ...correlationCells,
      ...jacobianCells,
      g && g.status !== 'ok' ? `${l.status}, δ ${g.status}` : l.status,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((s, i) => (i === cells.length - 1 ? s : s.padStart(widths[i]!))).join('  ');
  const title = `${c.init} · ${c.activation} · depth ${c.depth} · batch ${c.batch} · seed ${c.seed}${describeArchitecture(record)}`;
  return [title, line(header), ...rows.map(line)].join('\n') + '\n' + blockTable(record, num);
}
