// The one place where TeX becomes markup. KaTeX (bundled, its CSS and fonts served by the site
// itself) renders HTML for the eye and MathML for screen readers.

import katex from 'katex';
import 'katex/dist/katex.min.css';
import { useMemo } from 'react';
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

export function Tex({ tex, display = false }: TexProps) {
  const html = useMemo(
    () => katex.renderToString(tex, { displayMode: false, output: 'htmlAndMathml', throwOnError: false, trust: false, strict: 'ignore' }),
    [tex],
  );
  const Element = display ? 'div' : 'span';
  // Display math scrolls sideways when it is wider than the card; then the keyboard must reach it.
  const [scrollRef, focusable] = useOverflowTabStop(display, html);
  return (
    <Element
      ref={scrollRef}
      tabIndex={focusable ? 0 : undefined}
      className={display ? 'tex tex-display' : 'tex'}
      // eslint-disable-next-line no-restricted-syntax -- KaTeX's output for our own TeX: the `Tex` type admits only fixed templates and numbers formatted by us, and trust: false blocks \href, \url and raw HTML.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
