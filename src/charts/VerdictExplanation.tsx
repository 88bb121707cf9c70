// Two plain sentences under the verdict: what the signal is doing and why that matters.

import type { VerdictKind } from '../readings/verdict';
import { explainVerdict } from '../readings/verdictExplanations';
import './explanations.css';

export function VerdictExplanation({ kind }: { kind: VerdictKind }) {
  return (
    <p className="verdict-explanation" data-explains={kind}>
      {explainVerdict(kind)}
    </p>
  );
}
