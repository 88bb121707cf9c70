// The seed bands on the signal chart's axes, under every curve: the measured 10–90 % across seeds
// as a blue shaded area with its median dotted, and the finite-width prediction as two thin
// orange edges. Area and edges (not colour alone) tell them apart; the legend names both.

import { area, line } from 'd3-shape';
import { memo, useMemo } from 'react';
import type { BandPoint, SeedBands } from './seedBand';
import type { SignalLayout } from './useSignalGeometry';

export const SeedBandPlot = memo(function SeedBandPlot({ bands, layout }: { bands: SeedBands; layout: SignalLayout }) {
  const d = useMemo(() => {
    const fill = area<BandPoint>()
      .x((p) => layout.x(p.layer))
      .y0((p) => layout.y(p.lo))
      .y1((p) => layout.y(p.hi));
    const edge = (pick: 'lo' | 'hi' | 'mid') =>
      line<BandPoint>()
        .x((p) => layout.x(p.layer))
        .y((p) => layout.y(p[pick]));
    return {
      measured: fill(bands.measured) ?? '',
      median: edge('mid')(bands.measured) ?? '',
      theory: `${edge('lo')(bands.theory) ?? ''}${edge('hi')(bands.theory) ?? ''}`,
    };
  }, [bands, layout]);
  return (
    <g className="seed-bands" data-testid="seed-band" data-seeds={bands.seeds} data-layers={bands.measured.length}>
      <path className="seed-band-area" d={d.measured} />
      <path className="seed-band-median" d={d.median} />
      <path className="seed-band-theory" d={d.theory} />
    </g>
  );
});

/** `predicted`: the finite-width band is drawn (not for skips or norms, whose law it does not describe). */
export function SeedBandLegend({ seeds, predicted = true }: { seeds: number; predicted?: boolean }) {
  return (
    <>
      <li>
        <svg className="legend-swatch" width={30} height={14} viewBox="0 0 30 14" aria-hidden="true">
          <rect className="seed-band-area" x={0} y={2} width={30} height={10} />
          <line className="seed-band-median" x1={0} x2={30} y1={7} y2={7} />
        </svg>
        10–90 % of {seeds} seeds, median dotted
      </li>
      {predicted && (
        <li>
          <svg className="legend-swatch" width={30} height={14} viewBox="0 0 30 14" aria-hidden="true">
            <path className="seed-band-theory" d="M0,2H30M0,12H30" />
          </svg>
          10–90 % finite width predicts (one input: a batch spreads less)
        </li>
      )}
    </>
  );
}
