// The verdict above the signal chart: large for the measurement, smaller for the theory. An arrow
// and the words carry the meaning; the tint only repeats it.

import { formatFactor } from '../readings/format';
import type { Verdict, VerdictKind } from '../readings/verdict';

const ARROWS: Record<VerdictKind, string> = {
  vanishing: '↘',
  exploding: '↗',
  stable: '→',
  overflow: '▲',
  underflow: '▼',
  dead: '▼',
  'too-shallow': '·',
};

export interface VerdictBannerProps {
  /** Verdict on the measured layers so far; null before the first layer arrives. */
  measured: Verdict | null;
  /** Verdict on the mean-field theory; null where the theory does not apply. */
  theory: Verdict | null;
  /** The run's theory has arrived (it comes with the run's first reply). */
  theoryKnown: boolean;
  /** Layers measured so far and the depth of the run, to say "so far" while streaming. */
  layersDone: number;
  depth: number;
  running: boolean;
}

/** "growing ×128 per layer before that" for verdicts that stopped a fit short. */
function before(v: Verdict): string | null {
  if ((v.kind === 'overflow' || v.kind === 'underflow') && v.factor !== null) {
    return `${v.factor >= 1 ? 'growing' : 'shrinking'} ${formatFactor(v.factor)} per layer before that`;
  }
  return null;
}

export function VerdictBanner({ measured, theory, theoryKnown, layersDone, depth, running }: VerdictBannerProps) {
  const streaming = running && layersDone < depth;
  // While the first layers stream in, "too shallow" would be a false alarm about a deep run.
  const pending = measured === null || (streaming && measured.kind === 'too-shallow');
  const kind = pending ? 'pending' : measured.kind;
  const detail = pending ? null : before(measured);
  return (
    <div className="verdict-banner">
      <p className="verdict" data-verdict={kind} aria-live="polite">
        <span className="verdict-text">
          <span className="verdict-arrow" aria-hidden="true">
            {pending ? '…' : ARROWS[measured.kind]}
          </span>
          {pending ? 'measuring…' : measured.text}
        </span>
        {detail && <span className="verdict-detail">{detail}</span>}
        {streaming && !pending && (
          <span className="verdict-progress">
            so far: {layersDone} of {depth} layers
          </span>
        )}
      </p>
      {theoryKnown && (
        <p className="verdict-theory" data-verdict-theory={theory?.kind ?? 'none'}>
          theory (mean field): {theory ? theory.text : 'does not apply here (e.g. weights with a non-zero mean)'}
        </p>
      )}
    </div>
  );
}
