// Writing Python source from TypeScript values: literals that Python reads back as the same data.

/** A Python literal for JSON-like data: dicts, lists, str, int/float, True/False/None. */
export function pyLiteral(value: unknown, indent = ''): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      return Number.isNaN(value) ? "float('nan')" : value > 0 ? "float('inf')" : "-float('inf')";
    return String(value);
  }
  // A JSON string literal is a valid Python one, except that Python would read \u2028 and \u2029
  // as is; both are escaped so the script stays one line per line.
  if (typeof value === 'string')
    return JSON.stringify(value)
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029');
  const inner = `${indent}    `;
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'number')) return `[${value.map((v) => pyLiteral(v)).join(', ')}]`;
    return `[\n${value.map((v) => `${inner}${pyLiteral(v, inner)},`).join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${pyLiteral(v, inner)},`).join('\n')}\n${indent}}`;
}

/** Indents every non-empty line of a block. */
export function indentLines(block: string, prefix: string): string {
  return block
    .split('\n')
    .map((line) => (line ? prefix + line : line))
    .join('\n');
}

/** A comment block: each line prefixed with '# '. */
export function pyComment(text: string, prefix = ''): string {
  return text
    .split('\n')
    .map((line) => `${prefix}# ${line}`.trimEnd())
    .join('\n');
}
