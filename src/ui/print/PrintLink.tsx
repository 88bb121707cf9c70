// The shareable link, printed at the top of a handout so a reader can open the same experiment.
// Hidden on screen (the header's Copy link serves there); shown only by print.css.

import { useApp } from '../../state/store';
import { useTraining } from '../../state/training';
import { currentLink } from '../../state/urlSync';

export function PrintLink() {
  // Subscribed to what the link encodes, so the text follows every change.
  useApp((s) => s.config);
  useApp((s) => s.view);
  useApp((s) => s.compare.pins);
  useTraining((s) => s.choice);
  const href = currentLink();
  return (
    <p className="print-link" data-testid="print-link">
      <span className="print-link-label">This page: </span>
      <a href={href}>{href}</a>
    </p>
  );
}
