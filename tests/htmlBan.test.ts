// The lint rules that keep strings from becoming markup: each way of writing HTML into the page is
// reported in app code, and the only file that may switch the ban off is the KaTeX component.

import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** Rule ids reported for `code` linted as if it were the file at `filePath`. */
async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

// An existing file, so the type-aware parser knows its project; only the text given here is linted.
const APP_FILE = 'src/ui/download.ts';
const TEX_FILE = 'src/ui/math/Tex.tsx';

describe('raw HTML is banned in app code', () => {
  it.each([
    ['innerHTML', 'export function f(el: HTMLElement, s: string): void { el.innerHTML = s; }'],
    ['outerHTML', 'export function f(el: HTMLElement, s: string): void { el.outerHTML = s; }'],
    [
      'insertAdjacentHTML',
      "export function f(el: HTMLElement, s: string): void { el.insertAdjacentHTML('beforeend', s); }",
    ],
    ['document.write', 'export function f(s: string): void { document.write(s); }'],
    ['document.writeln', 'export function f(s: string): void { document.writeln(s); }'],
    [
      'createContextualFragment',
      'export function f(s: string): DocumentFragment { return document.createRange().createContextualFragment(s); }',
    ],
  ])('%s is reported', async (_name, code) => {
    expect(await ruleIds(code, APP_FILE)).toContain('no-restricted-properties');
  });

  it('window.document.write is reported too', async () => {
    expect(await ruleIds('export function f(s: string): void { window.document.write(s); }', APP_FILE)).toContain(
      'no-restricted-syntax',
    );
  });

  it('dangerouslySetInnerHTML is reported', async () => {
    expect(
      await ruleIds(
        'export const X = (p: { h: string }) => <div dangerouslySetInnerHTML={{ __html: p.h }} />;',
        'src/ui/App.tsx',
      ),
    ).toContain('no-restricted-syntax');
  });

  it('ordinary DOM code passes', async () => {
    expect(
      await ruleIds('export function f(el: HTMLElement, s: string): void { el.textContent = s; }', APP_FILE),
    ).toEqual([]);
  });
});

describe('only Tex.tsx may disable the ban, and only with a reason', () => {
  const withDisable = (comment: string) => `export const X = (p: { h: string }) => (
  <div
    // ${comment}
    dangerouslySetInnerHTML={{ __html: p.h }}
  />
);
`;

  it('a disable with a reason is accepted in Tex.tsx', async () => {
    expect(
      await ruleIds(
        withDisable('eslint-disable-next-line no-restricted-syntax -- KaTeX output of our own templates'),
        TEX_FILE,
      ),
    ).toEqual([]);
  });

  it('a disable without a reason is reported in Tex.tsx', async () => {
    expect(await ruleIds(withDisable('eslint-disable-next-line no-restricted-syntax'), TEX_FILE)).toEqual([
      'local/raw-html-only-in-tex',
    ]);
  });

  it('the same disable anywhere else is reported', async () => {
    expect(
      await ruleIds(
        withDisable('eslint-disable-next-line no-restricted-syntax -- KaTeX output of our own templates'),
        'src/ui/App.tsx',
      ),
    ).toEqual(['local/raw-html-only-in-tex']);
  });
});
