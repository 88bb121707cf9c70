// Presentation mode: the signal chart fills the screen in type readable from the back row, the
// open preset's lesson is shown large, and only the four settings a lecture turns (initializer,
// activation, depth, width) stay, in one bar. The same components as the normal view, so nothing
// behaves differently on the big screen.

import { useEffect, useRef } from 'react';
import { SignalChart } from '../../charts/SignalChart';
import { ActivationSelect } from '../controls/ActivationSelect';
import { DepthControl } from '../controls/DepthControl';
import { InitializerSelect } from '../controls/InitializerSelect';
import { WidthControl } from '../controls/WidthControl';
import { CopyLinkButton } from '../CopyLinkButton';
import { NoticeBar } from '../NoticeBar';
import { PresetLesson } from '../PresetLesson';
import { StatusLine } from '../StatusLine';
import { ThemeSelect } from '../theme/ThemeSelect';
import { leavePresentation, requestFullscreen, useIsFullscreen } from './presentation';
import './presentation.css';

export function PresentationView() {
  const stage = useRef<HTMLDivElement>(null);
  const fullscreen = useIsFullscreen();

  // The button or key that opened the mode is gone; start keyboard and screen reader here.
  useEffect(() => {
    if (!stage.current?.contains(document.activeElement)) stage.current?.focus({ preventScroll: true });
  }, []);

  return (
    <div className="presentation" ref={stage} tabIndex={-1} aria-label="Presentation">
      <header className="present-bar">
        <h1 className="present-brand">Initscope</h1>
        <section className="present-controls" aria-label="Network">
          <InitializerSelect />
          <ActivationSelect />
          <DepthControl />
          <WidthControl />
        </section>
        <div className="present-actions">
          <ThemeSelect />
          <CopyLinkButton />
          {!fullscreen && document.fullscreenEnabled && (
            <button type="button" className="button-quiet" onClick={requestFullscreen}>
              Full screen
            </button>
          )}
          <button type="button" className="button" aria-keyshortcuts="p Escape" onClick={leavePresentation}>
            Exit presentation
          </button>
        </div>
      </header>
      <NoticeBar />
      <PresetLesson />
      <main className="card chart-card present-chart">
        <SignalChart />
        <StatusLine />
      </main>
      <p className="present-keys">
        <kbd>←</kbd> <kbd>→</kbd> depth · <kbd>↑</kbd> <kbd>↓</kbd> width · <kbd>Space</kbd> layer by layer · <kbd>1</kbd>–<kbd>9</kbd> presets · <kbd>?</kbd> all keys · <kbd>Esc</kbd> leave
      </p>
    </div>
  );
}
