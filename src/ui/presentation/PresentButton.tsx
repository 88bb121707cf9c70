// "Present" in the header: the chart full screen, in large type, for a lecture hall.

import { useEffect, useRef } from 'react';
import { enterPresentation, takePresentButtonFocus } from './presentation';

export function PresentButton() {
  const button = useRef<HTMLButtonElement>(null);
  // Back from presentation mode, focus returns here rather than to the top of the page.
  useEffect(() => {
    if (takePresentButtonFocus()) button.current?.focus();
  }, []);
  return (
    <button
      ref={button}
      type="button"
      className="button-quiet"
      aria-keyshortcuts="p"
      title="Present: full screen, large type (P)"
      onClick={enterPresentation}
    >
      Present
    </button>
  );
}
