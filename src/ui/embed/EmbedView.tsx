// Embed mode (embed=1): what a slide, a course page or a notebook cell shows of Initscope — one
// panel (the signal chart unless panel= says otherwise) with its legend and verdict, the few
// controls the link names (controls=init,depth), and a small link that opens the same view in the
// full app. Everything is sized to the frame, 320×180 up to 4K, and nothing scrolls: the chart
// takes whatever height the rest leaves.

import { lazy, Suspense } from 'react';
import { SignalPanel } from '../panels/SignalPanel';
import type { EmbedControl, EmbedPanel } from '../../state/embedFields';
import { useApp } from '../../state/store';
import { ActivationSelect } from '../controls/ActivationSelect';
import { BatchControl } from '../controls/BatchControl';
import { BiasControl } from '../controls/BiasControl';
import { DepthControl } from '../controls/DepthControl';
import { InitializerSelect } from '../controls/InitializerSelect';
import { SeedControl } from '../controls/SeedControl';
import { WidthControl } from '../controls/WidthControl';
import { useDocumentTheme } from '../theme/themeStore';
import { EmbedNotices } from './EmbedNotices';
import { OpenInAppLink } from './OpenInAppLink';
import './embed.css';

const CONTROLS: Record<EmbedControl, () => React.JSX.Element> = {
  init: InitializerSelect,
  act: ActivationSelect,
  depth: DepthControl,
  width: WidthControl,
  batch: BatchControl,
  seed: SeedControl,
  bias: BiasControl,
};

// The other panels live in a chunk of their own, as under the signal chart in the full app.
const OtherPanel = lazy(() => import('./EmbedPanels'));

function Panel({ panel }: { panel: EmbedPanel }) {
  if (panel === 'signal') return <SignalPanel />;
  return (
    <Suspense fallback={<p className="chart-empty">Loading…</p>}>
      <OtherPanel panel={panel} />
    </Suspense>
  );
}

export function EmbedView() {
  const panel = useApp((s) => s.view.panel);
  const controls = useApp((s) => s.view.controls);
  useDocumentTheme();
  return (
    <div className="embed" data-testid="embed" data-panel={panel}>
      {controls.length > 0 && (
        <section className="embed-controls" aria-label="Settings">
          {controls.map((id) => {
            const Control = CONTROLS[id];
            return (
              <div key={id} className={`embed-control embed-control-${id}`}>
                <Control />
              </div>
            );
          })}
        </section>
      )}
      <main className="embed-main card chart-card" aria-label="Initscope">
        <Panel panel={panel} />
      </main>
      <footer className="embed-footer">
        <EmbedNotices />
        <OpenInAppLink />
      </footer>
    </div>
  );
}
