// The words that go with the gradient curve on the signal chart: its verdict line under the
// forward verdict, and its two legend entries (same dash and mark as the plot).

import type { Verdict } from '../readings/verdict';

const ARROWS: Partial<Record<Verdict['kind'], string>> = {
  vanishing: '↙',
  exploding: '↖',
  stable: '←',
  overflow: '▲',
  underflow: '▼',
  dead: '▼',
};

export function GradientVerdictLine({ verdict, complete }: { verdict: Verdict | null; complete: boolean }) {
  return (
    <p className="gradient-verdict legend-gradients" data-gradient-verdict={verdict?.kind ?? 'pending'}>
      <span className="gradient-verdict-arrow" aria-hidden="true">
        {verdict ? (ARROWS[verdict.kind] ?? '·') : '…'}
      </span>
      gradients: {verdict ? verdict.text : 'back-propagating…'}
      {verdict && !complete && ' (so far)'}
    </p>
  );
}

export function GradientLegend() {
  return (
    <>
      <li className="legend-gradients">
        <svg className="legend-swatch" width={30} height={14} viewBox="0 0 30 14" aria-hidden="true">
          <line className="series-line series-gradients-line" x1={0} x2={30} y1={7} y2={7} />
          <path className="gradient-point" d="M15,2L20,11L10,11Z" />
        </svg>
        gradient E[δ²], measured (backward)
      </li>
      <li className="legend-gradients">
        <svg className="legend-swatch" width={30} height={14} viewBox="0 0 30 14" aria-hidden="true">
          <line className="series-line series-gradients-theory" x1={0} x2={30} y1={7} y2={7} />
        </svg>
        gradient, theory
      </li>
    </>
  );
}
