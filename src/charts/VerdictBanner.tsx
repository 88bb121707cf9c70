// The verdict above the signal chart. While the run streams: the size so far. Once it is done: the
// headline over the three parts (size, input information, gradients), the theory's reading of each
// beside it (mean field; a residual network's stream recursion, per block like its headline), and where the two disagree. An arrow and the words carry the meaning;
// the tint only repeats it. data-verdict* carry the CLI's vocabulary (readings/runVerdict.ts).

import { formatFactor } from '../readings/format';
import type { HeadlineKind, RunVerdict } from '../readings/runVerdict';
import type { Verdict } from '../readings/verdict';

const ARROWS: Record<HeadlineKind, string> = {
  vanishing: '↘',
  exploding: '↗',
  stable: '→',
  overflow: '▲',
  underflow: '▼',
  dead: '▼',
  'too-shallow': '·',
  ordered: '⇉',
  chaotic: '⇶',
  preserved: '→',
};

export interface VerdictBannerProps {
  /** Verdict on the measured size of the layers so far; null before the first layer arrives. */
  measured: Verdict | null;
  /** The finished run's verdict (null while it runs, for a preview, or after a failure). */
  run: RunVerdict | null;
  /** Verdict on the mean-field theory's size; null where the theory does not apply. */
  theory: Verdict | null;
  /** The run's theory has arrived (it comes with the run's first reply). */
  theoryKnown: boolean;
  /** Layers measured so far and the depth of the run, to say "so far" while streaming. */
  layersDone: number;
  depth: number;
  running: boolean;
  /** What the progress counts: a residual network's blocks on the per-block view. */
  unit?: 'layer' | 'block';
  /**
   * A residual network's run: its theory is the stream recursion of docs/residual.md, judged per
   * block like the headline, whichever unit the chart's x axis counts.
   */
  residual?: boolean;
}

/** "growing ×128 per layer before that" for verdicts that stopped a fit short. */
function before(v: Verdict, unit: 'layer' | 'block'): string | null {
  if ((v.kind === 'overflow' || v.kind === 'underflow') && v.factor !== null) {
    return `${v.factor >= 1 ? 'growing' : 'shrinking'} ${formatFactor(v.factor)} per ${unit} before that`;
  }
  return null;
}

/** "theory (mean field)"; a residual run's "theory (stream recursion)", said per block on the per-layer view. */
function theoryLabel(residual: boolean, unit: 'layer' | 'block'): string {
  if (!residual) return 'theory (mean field)';
  return unit === 'block' ? 'theory (stream recursion)' : 'theory (stream recursion, per block as the headline)';
}

function theoryLine(run: RunVerdict | null, theory: Verdict | null): string {
  if (!theory) return 'does not apply here (e.g. weights with a non-zero mean)';
  const parts = [theory.text];
  if (run?.inputs.theory) parts.push(`inputs ${run.inputs.theory.text}`);
  if (run?.gradient?.theory) {
    const chi1 = run.gradient.chi1 !== null ? ` (χ₁ = ${run.gradient.chi1.toFixed(2)})` : '';
    parts.push(`gradients ${run.gradient.theory.text}${chi1}`);
  }
  return parts.join(' · ');
}

export function VerdictBanner({
  measured,
  run,
  theory,
  theoryKnown,
  layersDone,
  depth,
  running,
  unit = 'layer',
  residual = false,
}: VerdictBannerProps) {
  const streaming = running && layersDone < depth;
  // While the first layers stream in, "too shallow" would be a false alarm about a deep run.
  const pending = measured === null || (streaming && measured.kind === 'too-shallow');
  // After a failed run (no `run` verdict) the size so far is still the best reading.
  const settled = run !== null || (!running && !pending);
  const headline = run ? run.headline : pending || !settled ? 'pending' : measured.kind;
  const arrow = run ? ARROWS[run.headline] : pending ? '…' : ARROWS[measured.kind];
  const text = run ? run.text : pending ? 'measuring…' : measured.text;
  const detail = run || pending ? null : before(measured, unit);
  return (
    <div className="verdict-banner">
      <p
        className="verdict"
        data-verdict={headline}
        data-verdict-size={run ? run.size.measured.kind : undefined}
        data-verdict-inputs={run ? run.inputs.measured.kind : undefined}
        data-verdict-gradient={run?.gradient ? run.gradient.kind : undefined}
        aria-live="polite"
      >
        <span className="verdict-text">
          <span className="verdict-arrow" aria-hidden="true">
            {arrow}
          </span>
          {text}
        </span>
        {detail && <span className="verdict-detail">{detail}</span>}
        {!run && streaming && !pending && (
          <span className="verdict-progress">
            so far: {layersDone} of {depth} {unit}s
          </span>
        )}
      </p>
      {run && (
        <p className="verdict-parts">
          size: {run.size.measured.text} · inputs: {run.inputs.measured.text}
          {run.gradient ? ` · gradients: ${run.gradient.measured.text}` : ''}
        </p>
      )}
      {theoryKnown && (
        <p className="verdict-theory" data-verdict-theory={theory?.kind ?? 'none'}>
          {theoryLabel(residual, unit)}: {theoryLine(run, theory)}
        </p>
      )}
      {run && run.disagreements.length > 0 && <p className="verdict-disagree">{run.disagreements.join(' ')}</p>}
    </div>
  );
}
