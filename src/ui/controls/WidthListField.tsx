// The per-layer width list typed as "512,256,128". Commits on Enter or blur; the list sets the
// depth. A bad entry is named in the message and nothing is applied.

import { useState, type KeyboardEvent } from 'react';
import { setWidths } from '../../state/actions';
import { errorId } from './Field';
import { parseWidthList } from '../../readings/widthProfiles';

export function WidthListField({ widths }: { widths: readonly number[] }) {
  const current = widths.join(',');
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState(current);
  if (shown !== current) {
    setShown(current);
    setDraft(null);
    setError(null);
  }

  function commit(): void {
    if (draft === null) return;
    const parsed = parseWidthList(draft);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setDraft(null);
    setError(null);
    if (parsed.widths.join(',') !== current) setWidths(parsed.widths);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>): void {
    if (e.key === 'Enter') commit();
    if (e.key === 'Escape') {
      setDraft(null);
      setError(null);
    }
  }

  return (
    <>
      <label className="sub-label" htmlFor="width-list">
        Widths per layer
      </label>
      <input
        id="width-list"
        type="text"
        className="width-list"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        value={draft ?? current}
        title="Comma-separated widths, one per layer, e.g. 512,256,128. The number of entries sets the depth."
        aria-invalid={error !== null}
        aria-describedby={error ? `${errorId('width-list')} width-list-note` : 'width-list-note'}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
      />
      <p id="width-list-note" className="field-note">
        One width per layer, separated by commas; {widths.length} {widths.length === 1 ? 'layer' : 'layers'} now.
      </p>
      {error && (
        <p id={errorId('width-list')} className="field-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
