// `--format table` for a residual network: one row per block under the layer table, with the
// three curves of Brock et al.'s (2021) signal propagation plots next to the stream's theory.

import type { RunRecord } from '../core/records';

export function describeArchitecture(record: RunRecord): string {
  const a = record.config.architecture;
  if (a.kind === 'plain') return a.norm === 'none' ? '' : ` · ${a.norm} norm`;
  const norm = a.norm === 'none' ? '' : ` · ${a.normPosition}-${a.norm} norm`;
  return ` · residual ${a.blocks} blocks × ${a.branchDepth} · α ${Number(a.branchScale.toPrecision(4))}${a.fixup ? ' · Fixup' : ''}${norm}`;
}

export function blockTable(record: RunRecord, num: (v: number | null) => string): string {
  const blocks = record.blocks ?? [];
  if (blocks.length === 0) return '';
  const withGradient = blocks.some((b) => b.gradient);
  const header = [
    'block',
    'E[x²]',
    'theory',
    'chan mean²',
    'chan var',
    'E[F²]',
    ...(withGradient ? ['E[(∂x)²]', 'theory'] : []),
  ];
  const rows = blocks.map((b) => [
    String(b.block),
    num(b.stream.secondMoment),
    num(b.theory.streamSecondMoment),
    num(b.stream.channelMeanSquared),
    num(b.stream.channelVariance),
    num(b.branch.secondMoment),
    ...(withGradient
      ? [num(b.gradient?.streamSecondMoment ?? null), num(b.theory.gradientStreamSecondMoment ?? null)]
      : []),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((s, i) => s.padStart(widths[i]!)).join('  ');
  return ['', 'residual stream per block', line(header), ...rows.map(line)].join('\n') + '\n';
}
