// The one place where TeX becomes markup. KaTeX (bundled, its CSS and fonts served by the site
// itself) renders HTML for the eye and MathML for screen readers.

import katex from 'katex';
import 'katex/dist/katex.min.css';
import { useMemo } from 'react';
import type { Tex as TexSource } from './tex';
import './math.css';

interface TexProps {
  /** Only `Tex` from ./tex: fixed templates and numbers we formatted, never user text. */
  tex: TexSource;
  /** A formula on its own line (left-aligned) rather than inside a sentence. */
  display?: boolean;
}

export function Tex({ tex, display = false }: TexProps) {
  const html = useMemo(
    () => katex.renderToString(tex, { displayMode: display, fleqn: true, output: 'htmlAndMathml', throwOnError: false, trust: false, strict: 'ignore' }),
    [tex, display],
  );
  const Element = display ? 'div' : 'span';
  return (
    <Element
      className={display ? 'tex tex-display' : 'tex'}
      // eslint-disable-next-line no-restricted-syntax -- KaTeX's output for our own TeX: the `Tex` type admits only fixed templates and numbers formatted by us, and trust: false blocks \href, \url and raw HTML.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
