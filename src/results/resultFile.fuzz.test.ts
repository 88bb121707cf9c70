// Property-based fuzzing of the results-file reader: people drop any file on the page, so any
// text must give either a drawable result or one line naming the first problem, never a throw.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { run } from '../cli/main';
import { MAX_LAYERS, parseResultFile } from './resultFile';

const cliJson = JSON.parse(
  run(['--depth', '5', '--width', '16', '--batch', '4', '--backward', '--format', 'json']).stdout,
) as Record<string, unknown>;
const residualJson = JSON.parse(
  run(['--residual', '--blocks', '3', '--width', '8', '--batch', '4', '--backward', '--format', 'json']).stdout,
) as Record<string, unknown>;
const cliCsv = run(['--depth', '5', '--width', '16', '--batch', '4', '--format', 'csv']).stdout;

function check(text: string): void {
  const outcome = parseResultFile(text, 'fuzz.json');
  if (outcome.ok) {
    const r = outcome.result;
    expect(r.measured.length).toBeGreaterThan(0);
    expect(r.measured.length).toBeLessThanOrEqual(MAX_LAYERS);
    expect(r.statuses).toHaveLength(r.measured.length);
    for (const v of r.measured) expect(v >= 0 && !Number.isNaN(v)).toBe(true);
    expect(r.theory.length === 0 || r.theory.length === r.measured.length).toBe(true);
    expect(r.name.length).toBeLessThanOrEqual(60);
    if (r.blocks) {
      // At most one block per layer, each ≥ 0 (Infinity: overflowed), the theory all or nothing.
      expect(r.blocks.stream.length).toBeGreaterThan(0);
      expect(r.blocks.stream.length).toBeLessThanOrEqual(r.measured.length);
      for (const v of r.blocks.stream) expect(v >= 0 && !Number.isNaN(v)).toBe(true);
      expect(r.blocks.theory.length === 0 || r.blocks.theory.length === r.blocks.stream.length).toBe(true);
      for (const v of r.blocks.theory) expect(v === null || (v >= 0 && Number.isFinite(v))).toBe(true);
    }
  } else {
    expect(outcome.problem).not.toContain('\n');
    expect(outcome.problem.length).toBeLessThan(300);
    expect(outcome.problem).not.toMatch(/^the file could not be read/);
  }
}

/** Replaces the value at a random path of a JSON value. */
function mutate(value: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return replacement;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return replacement;
  const [key, child] = entries[path[0]! % entries.length]!;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value)
    ? [...(value as unknown[])]
    : { ...(value as Record<string, unknown>) };
  (copy as Record<string, unknown>)[key] = mutate(child, path.slice(1), replacement);
  return copy;
}

const oddValue = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(
    'Infinity',
    'NaN',
    -1,
    1e308,
    -0,
    '',
    '<script>alert(1)</script>',
    '\u202e',
    null,
    [],
    {},
    'overflow',
    1.5,
    0,
  ),
);

describe('parseResultFile on any input', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => check(s)),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => check(JSON.stringify(v) ?? 'null')),
      { numRuns: 500 },
    );
  });

  it('never throws on the CLI JSON with one value anywhere replaced', () => {
    const pathArb = fc.array(fc.nat(40), { maxLength: 6 });
    fc.assert(
      fc.property(pathArb, oddValue, (path, v) => check(JSON.stringify(mutate(cliJson, path, v)))),
      { numRuns: 800 },
    );
  });

  it("never throws on a residual network's CLI JSON with one value anywhere replaced (its blocks included)", () => {
    const pathArb = fc.oneof(
      fc.array(fc.nat(40), { maxLength: 6 }),
      // Aimed at the blocks: its entries, their fields and the fields' values.
      fc.array(fc.nat(40), { maxLength: 4 }).map((rest) => [Object.keys(residualJson).indexOf('blocks'), ...rest]),
    );
    fc.assert(
      fc.property(pathArb, oddValue, (path, v) => check(JSON.stringify(mutate(residualJson, path, v)))),
      { numRuns: 800 },
    );
  });

  it('never throws on the CLI CSV with characters changed', () => {
    fc.assert(
      fc.property(fc.nat(cliCsv.length - 1), fc.string({ maxLength: 4 }), (at, s) =>
        check(cliCsv.slice(0, at) + s + cliCsv.slice(at + s.length)),
      ),
      { numRuns: 500 },
    );
  });
});
