// Which rows of a long fixed-row-height list to render. A 2000-layer table would otherwise
// re-render 2000 rows every time a layer streams in.

export interface RowWindow {
  start: number;
  /** Exclusive. */
  end: number;
}

export function visibleRows(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  total: number,
  overscan = 8,
): RowWindow {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const count = Math.ceil(viewportHeight / rowHeight) + 1;
  const start = Math.max(0, Math.min(first - overscan, total - count - overscan));
  const end = Math.min(total, first + count + overscan);
  return { start: Math.max(0, start), end: Math.max(start, end) };
}
