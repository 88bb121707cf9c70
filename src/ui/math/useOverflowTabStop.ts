// A formula or code line that scrolls sideways (on a phone) must be reachable by keyboard, or its
// hidden end cannot be brought into view without a mouse (WCAG 2.1.1). It becomes a tab stop only
// while it overflows, so on wide screens the tab order stays as short as before.

import { useEffect, useState } from 'react';

/** A callback ref for the scrolling element, and whether it should take focus (tabIndex 0). */
export function useOverflowTabStop(enabled: boolean, content: unknown): [(el: HTMLElement | null) => void, boolean] {
  const [element, setElement] = useState<HTMLElement | null>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    if (!enabled || !element) return;
    // A ResizeObserver reports once on observe(), then on every resize; new content (the
    // dependency) re-creates it, so a formula that grew in place is measured again.
    const observer = new ResizeObserver(() => setOverflows(element.scrollWidth > element.clientWidth + 1));
    observer.observe(element);
    return () => observer.disconnect();
  }, [enabled, element, content]);
  return [setElement, enabled && overflows];
}
