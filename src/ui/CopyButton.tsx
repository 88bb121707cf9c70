// Copies text to the clipboard and says so. Where the clipboard is unavailable (insecure
// origin, permission refused) it shows the text in a selected read-only field instead, so
// Ctrl+C / long-press still works.

import { useEffect, useRef, useState } from 'react';

export interface CopyButtonProps {
  /** Called on click, so the copied text is always current (e.g. the link of the latest view). */
  getText: () => string;
  label: string;
  /** Shown (and announced) after a successful copy, e.g. "Link copied". */
  doneLabel: string;
  /** Accessible name of the fallback field, e.g. "Link to this view". */
  fallbackLabel: string;
  className?: string;
  title?: string;
  /** Show the fallback field as a panel under the button instead of in the flow (for headers). */
  floatingFallback?: boolean;
}

type CopyState = { kind: 'idle' } | { kind: 'copied' } | { kind: 'manual'; text: string };

const CONFIRM_MS = 2000;

export function CopyButton({
  getText,
  label,
  doneLabel,
  fallbackLabel,
  className,
  title,
  floatingFallback,
}: CopyButtonProps) {
  const [state, setState] = useState<CopyState>({ kind: 'idle' });
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (state.kind === 'copied') {
      const t = setTimeout(() => setState({ kind: 'idle' }), CONFIRM_MS);
      return () => clearTimeout(t);
    }
    if (state.kind === 'manual') field.current?.select();
  }, [state]);

  async function copy(): Promise<void> {
    const text = getText();
    try {
      await navigator.clipboard.writeText(text);
      setState({ kind: 'copied' });
    } catch {
      setState({ kind: 'manual', text });
    }
  }

  return (
    <span className="copy">
      <button type="button" className={className ?? 'button'} title={title} onClick={() => void copy()}>
        {state.kind === 'copied' ? doneLabel : label}
      </button>
      <span className="visually-hidden" role="status">
        {state.kind === 'copied' ? doneLabel : ''}
      </span>
      {state.kind === 'manual' && (
        <span className={floatingFallback ? 'copy-fallback copy-fallback-floating' : 'copy-fallback'}>
          <input
            ref={field}
            type="text"
            readOnly
            value={state.text}
            aria-label={fallbackLabel}
            onFocus={(e) => e.target.select()}
          />
          <span className="field-note">Copying was blocked; the text is selected — press Ctrl+C (⌘C).</span>
          <button type="button" className="button-quiet" onClick={() => setState({ kind: 'idle' })}>
            Close
          </button>
        </span>
      )}
    </span>
  );
}
