// Two plain sentences under the verdict: what the signal is doing and why that matters.

import type { HeadlineKind } from '../readings/runVerdict';
import type { VerdictKind } from '../readings/verdict';
import { explainVerdict } from '../readings/verdictExplanations';
import './explanations.css';

/** `text` when the explanation comes from the run's whole verdict (readings/verdictExplanations.ts explainRun). */
export function VerdictExplanation({ kind, text }: { kind: VerdictKind | HeadlineKind; text?: string }) {
  return (
    <p className="verdict-explanation" data-explains={kind}>
      {text ?? explainVerdict(kind as VerdictKind)}
    </p>
  );
}
