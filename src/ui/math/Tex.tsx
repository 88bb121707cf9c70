// The one place where TeX becomes markup. KaTeX (its CSS and fonts served by the site itself)
// renders HTML for the eye and MathML for screen readers. It arrives in a chunk of its own (see
// katexLoader.ts); until then the formula's source stands in, one line high, so the card keeps
// its place and a screen reader still has the formula to read.

import { startTransition, useEffect, useMemo, useState } from 'react';
import { loadedKatex, loadKatex, type Katex } from './katexLoader';
import type { Tex as TexSource } from './tex';
import { useOverflowTabStop } from './useOverflowTabStop';
import './math.css';

interface TexProps {
  /** Only `Tex` from ./tex: fixed templates and numbers we formatted, never user text. */
  tex: TexSource;
  /**
   * A formula on its own line rather than inside a sentence. It is still typeset in KaTeX's inline
   * mode, which may break after = and + , so a long rule wraps on a phone instead of becoming a
   * scroll box that a keyboard cannot reach.
   */
  display?: boolean;
}

function useKatex(): Katex | null {
  const [katex, setKatex] = useState(loadedKatex);
  useEffect(() => {
    if (katex) return;
    let live = true;
    // A transition: typesetting every formula is low priority, and React may split it up.
    void loadKatex().then((k) => {
      if (live) startTransition(() => setKatex(() => k));
    });
    return () => {
      live = false;
    };
  }, [katex]);
  return katex;
}

export function Tex({ tex, display = false }: TexProps) {
  const katex = useKatex();
  const html = useMemo(
    () =>
      katex?.renderToString(tex, {
        displayMode: false,
        output: 'htmlAndMathml',
        throwOnError: false,
        trust: false,
        strict: 'ignore',
      }) ?? null,
    [katex, tex],
  );
  const Element = display ? 'div' : 'span';
  // Display math scrolls sideways when it is wider than the card; then the keyboard must reach it.
  const [scrollRef, focusable] = useOverflowTabStop(display, html);
  const className = display ? 'tex tex-display' : 'tex';
  if (html === null) {
    return <Element className={`${className} tex-pending`}>{tex}</Element>;
  }
  return (
    <Element
      ref={scrollRef}
      tabIndex={focusable ? 0 : undefined}
      className={className}
      // eslint-disable-next-line no-restricted-syntax -- KaTeX's output for our own TeX: the `Tex` type admits only fixed templates and numbers formatted by us, and trust: false blocks \href, \url and raw HTML.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
