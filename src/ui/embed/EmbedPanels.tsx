// The panels other than the signal chart that an embed can show (panel=distributions, correlation,
// phase), in one chunk loaded only when an embed asks for one of them.

import { CorrelationPanel } from '../panels/CorrelationPanel';
import { DistributionsPanel } from '../panels/DistributionsPanel';
import type { EmbedPanel } from '../../state/embedFields';
import { TheorySection } from '../TheorySection';

export default function EmbedPanels({ panel }: { panel: Exclude<EmbedPanel, 'signal'> }) {
  if (panel === 'distributions') return <DistributionsPanel />;
  if (panel === 'correlation') return <CorrelationPanel />;
  return <TheorySection />;
}
