// Shows a shortcut's confirmation for a moment. The live region is always in the page (an
// announcement into a region that has just appeared is often not read).

import { useEffect } from 'react';
import { useStore } from 'zustand';
import { clearFeedback, feedbackStore } from './feedback';

const SHOW_MS = 2500;

export function FeedbackToast() {
  const { id, text } = useStore(feedbackStore);

  useEffect(() => {
    if (!text) return;
    const timer = setTimeout(() => clearFeedback(id), SHOW_MS);
    return () => clearTimeout(timer);
  }, [id, text]);

  return (
    <div className="feedback-toast" role="status" aria-live="polite">
      {text && <span className="feedback-toast-text">{text}</span>}
    </div>
  );
}
