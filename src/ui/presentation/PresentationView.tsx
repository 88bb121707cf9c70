// Presentation mode: the signal chart fills the screen in type readable from the back row, the
// open preset's lesson is shown large, and only the four settings a lecture turns (initializer,
// activation, depth — a residual network's blocks, what its chart counts — and width) stay, in a narrow column: on a 16:9 screen height is what the chart
// lacks, so the controls take a side, not a band across the top. The same components as the
// normal view, so nothing behaves differently on the big screen.

import { useEffect, useRef } from 'react';
import { ActivationSelect } from '../controls/ActivationSelect';
import { BlocksControl } from '../controls/BlocksControl';
import { DepthControl } from '../controls/DepthControl';
import { InitializerSelect } from '../controls/InitializerSelect';
import { WidthControl } from '../controls/WidthControl';
import { CopyLinkButton } from '../CopyLinkButton';
import { NoticeBar } from '../NoticeBar';
import { SignalPanel } from '../panels/SignalPanel';
import { PresetLesson } from '../PresetLesson';
import { StatusLine } from '../StatusLine';
import { useApp } from '../../state/store';
import { ThemeSelect } from '../theme/ThemeSelect';
import { leavePresentation, requestFullscreen, useIsFullscreen } from './presentation';
import './presentation.css';

export function PresentationView() {
  const stage = useRef<HTMLElement>(null);
  const fullscreen = useIsFullscreen();
  const residual = useApp((s) => s.config.architecture?.kind === 'residual');

  // The button or key that opened the mode is gone; start keyboard and screen reader at the chart.
  useEffect(() => {
    if (!stage.current?.contains(document.activeElement)) stage.current?.focus({ preventScroll: true });
  }, []);

  return (
    <div className="presentation">
      <aside className="present-side" aria-label="Settings">
        <h1 className="present-brand">Initscope</h1>
        <section className="present-controls" aria-label="Network">
          <InitializerSelect />
          <ActivationSelect />
          {residual ? <BlocksControl /> : <DepthControl />}
          <WidthControl />
        </section>
        <div className="present-actions">
          <ThemeSelect />
          <div className="button-row">
            <CopyLinkButton />
            {!fullscreen && document.fullscreenEnabled && (
              <button type="button" className="button-quiet" onClick={requestFullscreen}>
                Full screen
              </button>
            )}
          </div>
          <button type="button" className="button" aria-keyshortcuts="p Escape" onClick={leavePresentation}>
            Exit presentation
          </button>
        </div>
        <dl className="present-keys">
          <div>
            <dt>
              <kbd>←</kbd> <kbd>→</kbd>
            </dt>
            {/* The arrows step a residual network's depth a block at a time (setDepth). */}
            <dd>{residual ? 'blocks' : 'depth'}</dd>
          </div>
          <div>
            <dt>
              <kbd>↑</kbd> <kbd>↓</kbd>
            </dt>
            <dd>width ×2 ÷2</dd>
          </div>
          <div>
            <dt>
              <kbd>Space</kbd>
            </dt>
            <dd>layer by layer</dd>
          </div>
          <div>
            <dt>
              <kbd>1</kbd>…<kbd>9</kbd>
            </dt>
            <dd>presets</dd>
          </div>
          <div>
            <dt>
              <kbd>?</kbd>
            </dt>
            <dd>all keys</dd>
          </div>
        </dl>
      </aside>
      <main className="present-main" ref={stage} tabIndex={-1} aria-label="Presentation">
        <NoticeBar />
        <PresetLesson />
        <div className="card chart-card present-chart">
          <SignalPanel />
          <StatusLine />
        </div>
      </main>
    </div>
  );
}
