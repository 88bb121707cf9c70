// Line breaking for text drawn in an exported SVG, where the viewer's renderer, not the page,
// picks the font.

/**
 * Average glyph width of a wide sans-serif (DejaVu Sans, Verdana) in em. Header lines wrap and
 * legend entries are spaced for it, so text neither overflows nor collides in whatever font the
 * viewer's renderer picks for "sans-serif".
 */
export const WIDE_GLYPH_EM = 0.6;

/** Words split into lines that fit `width` even in a wide font. */
export function wrap(text: string, width: number, fontSize: number): string[] {
  const perLine = Math.max(12, Math.floor(width / (fontSize * WIDE_GLYPH_EM)));
  const lines: string[] = [];
  let line = '';
  // A separator dot stays at the end of its line rather than starting the next.
  const words = text.split(' ').reduce<string[]>((out, word) => {
    if (word === '·' && out.length > 0) out[out.length - 1] += ' ·';
    else out.push(word);
    return out;
  }, []);
  for (const word of words) {
    if (line !== '' && line.length + 1 + word.length > perLine) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
