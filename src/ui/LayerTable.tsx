// The numbers behind the charts, one row per layer, with downloads that use the CLI's own
// record functions (same fields, same numbers). Long tables render only the rows in view.

import { memo, useDeferredValue, useState } from 'react';
import { getActivation } from '../core/activations';
import type { LayerStats } from '../core/types';
import { useApp } from '../state/store';
import { usePrinting } from './print/printing';
import { layerRowCells } from './layerRows';
import { visibleRows } from './virtualWindow';

/** Must match `--row-height` in styles.css. */
const ROW_HEIGHT = 30;
/** Up to this many rows everything is rendered (simpler for find-in-page and screen readers). */
const RENDER_ALL_UP_TO = 120;
const VIEWPORT_HEIGHT = 420;

const COLUMNS: readonly { label: string; title: string }[] = [
  { label: 'Layer', title: 'Layer number, from the input' },
  { label: 'in→out', title: 'fan_in→fan_out: inputs and outputs of the layer' },
  { label: 'mean', title: 'Mean of the pre-activations h = W·x + b' },
  { label: 'Var', title: 'Variance of the pre-activations' },
  { label: 'E[h²]', title: 'Measured second moment of the pre-activations (the signal size)' },
  { label: 'theory q', title: 'Mean-field prediction of E[h²]' },
  { label: 'ratio', title: 'Measured E[h²] ÷ theory q; 1 means the theory matches' },
  { label: 'min', title: 'Smallest pre-activation' },
  { label: 'max', title: 'Largest pre-activation' },
  { label: '% zero', title: 'Share of activations φ(h) exactly 0 (dead ReLUs, underflow)' },
  { label: '% sat.', title: 'Saturated: share of units where φ is flat, |φ′(h)| < 0.05 (bounded activations only)' },
  { label: 'status', title: 'ok, overflow (Inf), underflow (all 0 from tiny values) or dead (zero weights)' },
];

const LayerRow = memo(function LayerRow({ stats, bounded }: { stats: LayerStats; bounded: boolean }) {
  const c = layerRowCells(stats, bounded);
  // Two header rows come first; the index keeps row numbers right when only some rows render.
  return (
    <tr aria-rowindex={stats.layer + 2}>
      <th scope="row">{c.layer}</th>
      <td>{c.fans}</td>
      <td>{c.mean}</td>
      <td>{c.variance}</td>
      <td>{c.secondMoment}</td>
      <td>{c.theory}</td>
      <td>{c.ratio}</td>
      <td>{c.min}</td>
      <td>{c.max}</td>
      <td>{c.zero}</td>
      <td>{c.saturated}</td>
      <td>
        <span className={`status-pill status-${c.status}`}>{c.status}</span>
      </td>
    </tr>
  );
});

function Spacer({ rows }: { rows: number }) {
  return rows > 0 ? <tr aria-hidden="true" className="spacer" style={{ height: rows * ROW_HEIGHT }} /> : null;
}

export function LayerTable() {
  // Deferred: a new run re-renders every row, in React's background renders that yield to input
  // and to the signal chart rather than in the frame that draws the run.
  const layers = useDeferredValue(useApp((s) => s.run.layers));
  const failed = useApp((s) => s.run.phase === 'error');
  const activationId = useApp((s) => s.run.config?.activation);
  const [scrollTop, setScrollTop] = useState(0);
  const bounded = activationId ? (getActivation(activationId)?.bounded ?? false) : false;

  // On paper there is no scrolling: every row is printed.
  const printing = usePrinting();
  const windowed = !printing && layers.length > RENDER_ALL_UP_TO;
  const { start, end } = windowed
    ? visibleRows(scrollTop, VIEWPORT_HEIGHT, ROW_HEIGHT, layers.length)
    : { start: 0, end: layers.length };

  return (
    <section className="card table-card" aria-labelledby="table-title">
      <div className="card-head">
        <h2 id="table-title">Layer by layer</h2>
      </div>
      <div
        className="table-scroll"
        style={printing ? undefined : { maxHeight: VIEWPORT_HEIGHT }}
        tabIndex={0}
        role="region"
        aria-label="Layer table (scrolls)"
        onScroll={windowed ? (e) => setScrollTop(e.currentTarget.scrollTop) : undefined}
      >
        <table className="layer-table" aria-rowcount={layers.length + 2}>
          <thead>
            <tr aria-rowindex={1}>
              {/* Empty corners are cells, not headers: an empty header names nothing for a screen reader. */}
              <td colSpan={2} />
              <th colSpan={7} scope="colgroup">
                Pre-activation h
              </th>
              <th colSpan={2} scope="colgroup">
                Activation φ(h)
              </th>
              <td />
            </tr>
            <tr aria-rowindex={2}>
              {COLUMNS.map((col) => (
                <th key={col.label} scope="col" title={col.title}>
                  {col.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <Spacer rows={start} />
            {layers.slice(start, end).map((s) => (
              <LayerRow key={s.layer} stats={s} bounded={bounded} />
            ))}
            <Spacer rows={layers.length - end} />
          </tbody>
        </table>
        {layers.length === 0 && (
          <p className="empty">
            {failed
              ? 'No layers: the run ended before its first one (the chart above says why).'
              : 'Waiting for the first layer…'}
          </p>
        )}
      </div>
    </section>
  );
}
