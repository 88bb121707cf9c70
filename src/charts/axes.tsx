// Axes as plain SVG: tick marks, tick labels, grid lines and a title in words. The scales come
// from the chart; these components only place text and lines.

export interface AxisTick {
  value: number;
  /** Text under/next to the tick; null draws a grid line only. */
  label: string | null;
}

interface AxisBottomProps {
  /** Maps a value to an x pixel within the plot area. */
  x: (v: number) => number;
  ticks: readonly AxisTick[];
  /** Height of the plot area: the axis sits at its bottom edge. */
  plotHeight: number;
  plotWidth: number;
  title: string;
  /** Draw vertical grid lines through the plot. */
  grid?: boolean;
}

export function AxisBottom({ x, ticks, plotHeight, plotWidth, title, grid = false }: AxisBottomProps) {
  return (
    <g className="chart-axis chart-axis-bottom" transform={`translate(0, ${plotHeight})`}>
      <line className="chart-axis-line" x1={0} x2={plotWidth} y1={0} y2={0} />
      {ticks.map((t) => {
        const px = x(t.value);
        return (
          <g key={t.value} transform={`translate(${px}, 0)`}>
            {grid && <line className="chart-grid" y1={-plotHeight} y2={0} />}
            <line className="chart-tick" y1={0} y2={5} />
            {t.label !== null && (
              <text className="chart-tick-label" y={8} dy="0.71em" textAnchor="middle">
                {t.label}
              </text>
            )}
          </g>
        );
      })}
      <text className="chart-axis-title" x={plotWidth / 2} y={38} dy="0.71em" textAnchor="middle">
        {title}
      </text>
    </g>
  );
}

interface AxisLeftProps {
  /** Maps a value to a y pixel within the plot area. */
  y: (v: number) => number;
  ticks: readonly AxisTick[];
  plotHeight: number;
  plotWidth: number;
  title: string;
  /** Distance from the axis to the (rotated) title, to clear the widest tick label. */
  titleOffset: number;
  grid?: boolean;
}

export function AxisLeft({ y, ticks, plotHeight, plotWidth, title, titleOffset, grid = true }: AxisLeftProps) {
  return (
    <g className="chart-axis chart-axis-left">
      <line className="chart-axis-line" x1={0} x2={0} y1={0} y2={plotHeight} />
      {ticks.map((t) => {
        const py = y(t.value);
        return (
          <g key={t.value} transform={`translate(0, ${py})`}>
            {grid && (
              <line className={t.label === null ? 'chart-grid chart-grid-minor' : 'chart-grid'} x1={0} x2={plotWidth} />
            )}
            <line className="chart-tick" x1={-5} x2={0} />
            {t.label !== null && (
              <text className="chart-tick-label" x={-8} dy="0.32em" textAnchor="end">
                {t.label}
              </text>
            )}
          </g>
        );
      })}
      <text
        className="chart-axis-title"
        transform={`translate(${-titleOffset}, ${plotHeight / 2}) rotate(-90)`}
        textAnchor="middle"
      >
        {title}
      </text>
    </g>
  );
}
