// Everything that serves the whole page rather than one panel: the theme on <html>, the keyboard
// shortcuts, full screen kept in step with presentation mode, the shortcut list, the shortcut
// confirmations and the guided tour. Rendered once, whichever view is showing.

import { useEffect } from 'react';
import { store, useApp } from '../state/store';
import { usePresentationFullscreen } from './presentation/presentation';
import { FeedbackToast } from './shortcuts/FeedbackToast';
import { ShortcutDialog } from './shortcuts/ShortcutDialog';
import { useShortcuts } from './shortcuts/useShortcuts';
import { useDocumentTheme } from './theme/themeStore';
import { GuidedTour } from './tour/GuidedTour';
import { shouldStartTour, startTour, tourEnvironment } from './tour/tourState';
import './lectureTools.css';
import './themes.css';
import './tour/tour.css';

export function LectureTools() {
  const presenting = useApp((s) => s.view.presenting);
  useDocumentTheme();
  useShortcuts();
  usePresentationFullscreen(presenting);

  // A first-time visitor gets the tour once, on arrival.
  useEffect(() => {
    if (shouldStartTour(tourEnvironment(store.getState().view.presenting))) startTour();
  }, []);

  return (
    <>
      <ShortcutDialog />
      <FeedbackToast />
      {/* The audience of a presentation sees the chart, not the tour. */}
      {!presenting && <GuidedTour />}
    </>
  );
}
