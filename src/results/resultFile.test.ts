import { describe, expect, it } from 'vitest';
import { run } from '../cli/main';
import { MAX_LAYERS, parseResultFile, type ParseOutcome } from './resultFile';

const FLAGS = ['--init', 'he_normal', '--activation', 'tanh', '--depth', '6', '--width', '32', '--batch', '8'];

function cli(format: string): string {
  const r = run([...FLAGS, '--format', format]);
  expect(r.code).toBe(0);
  return r.stdout;
}

function opened(outcome: ParseOutcome) {
  if (!outcome.ok) throw new Error(`expected a result, got: ${outcome.problem}`);
  return outcome.result;
}

function problem(outcome: ParseOutcome): string {
  if (outcome.ok) throw new Error('expected a problem');
  return outcome.problem;
}

const layer = (i: number, secondMoment: unknown, extra: Record<string, unknown> = {}) => ({
  layer: i + 1,
  preactivation: { secondMoment },
  ...extra,
});
const file = (layers: unknown, more: Record<string, unknown> = {}) => JSON.stringify({ layers, ...more });

describe('parseResultFile', () => {
  it("opens the CLI's JSON with its measurements and the theory of its config", () => {
    const text = cli('json');
    const data = JSON.parse(text) as {
      layers: { preactivation: { secondMoment: number }; theory: { preactivationSecondMoment: number } }[];
    };
    const r = opened(parseResultFile(text, 'run.json'));
    expect(r.name).toBe('Initscope · run.json');
    expect(r.measured).toEqual(data.layers.map((l) => l.preactivation.secondMoment));
    expect(r.theory).toEqual(data.layers.map((l) => l.theory.preactivationSecondMoment));
    expect(r.config?.init).toBe('he_normal');
    expect(r.statuses.every((s) => s === 'ok')).toBe(true);
  });

  it("opens the CLI's CSV with the same measurements (no config, so no theory)", () => {
    const fromJson = opened(parseResultFile(cli('json'), 'a.json'));
    const r = opened(parseResultFile(cli('csv'), 'run.csv'));
    expect(r.measured).toEqual(fromJson.measured);
    expect(r.theory).toEqual([]);
    expect(r.name).toBe('CSV · run.csv');
  });

  it('names an exported script by its framework and version, and a file without a full config draws no theory', () => {
    const r = opened(
      parseResultFile(
        file([layer(0, 1.5), layer(1, 2)], {
          source: { framework: 'pytorch', version: '2.13.0+cpu' },
          config: { depth: 2, widths: [4, 4] },
        }),
        'gpu.json',
      ),
    );
    expect(r.name).toBe('PyTorch 2.13.0+cpu · gpu.json');
    expect(r.config).toBeNull();
    expect(r.theory).toEqual([]);
  });

  it('reads null (how JSON holds an overflow) as an overflowed layer', () => {
    const r = opened(parseResultFile(file([layer(0, 1e30), layer(1, null)]), 'x.json'));
    expect(r.measured).toEqual([1e30, Infinity]);
    expect(r.statuses).toEqual(['ok', 'overflow']);
  });

  it.each([
    ['{', /^the file is not valid JSON/],
    ['', /^the file is empty$/],
    ['[1, 2]', /^the file holds a list, not an object with "layers"$/],
    [JSON.stringify({ config: {} }), /^the field "layers" is missing/],
    [file('abc'), /^"layers" is the string "abc", not a list$/],
    [file([]), /^"layers" is empty/],
    [
      file([layer(0, 'Infinity')]),
      /^layers\[0\]\.preactivation\.secondMoment is the string "Infinity": numbers must be JSON numbers/,
    ],
    [file([layer(0, -1)]), /^layers\[0\]\.preactivation\.secondMoment is -1: a second moment cannot be negative$/],
    [
      file([layer(0, 1), { layer: 5, preactivation: { secondMoment: 1 } }]),
      /^layers\[1\]\.layer is number 5: layers must be numbered/,
    ],
    [file([{ layer: 1 }]), /^layers\[0\]\.preactivation is missing$/],
    [
      file([layer(0, 1, { status: 'exploded' })]),
      /^layers\[0\]\.status is the string "exploded", not one of ok, overflow, underflow, dead$/,
    ],
    [
      file(Array.from({ length: MAX_LAYERS + 1 }, (_, i) => layer(i, 1))),
      /^"layers" has 10001 entries; at most 10000 are opened$/,
    ],
    ['layer,fanIn\n1,3\n', /^the CSV needs the columns "layer" and "preactivation.secondMoment"/],
    ['layer,preactivation.secondMoment\n1,abc\n', /^row 2: "preactivation.secondMoment" is "abc", not a number$/],
  ])('names the first problem of %j', (text, expected) => {
    expect(problem(parseResultFile(text, 'bad.json'))).toMatch(expected);
  });

  it('keeps words from the file as short plain text', () => {
    const source = { framework: '<img src=x onerror=alert(1)>\u0000\u202e', version: 'x'.repeat(500) };
    const r = opened(parseResultFile(file([layer(0, 1)], { source }), 'evil\nname.json'));
    expect(r.name.length).toBeLessThanOrEqual(60);
    // eslint-disable-next-line no-control-regex -- checking that none are left
    expect(r.name).not.toMatch(/[\u0000-\u001f\u202e]/);
    expect(r.fileName).toBe('evil name.json');
  });
});

describe('parseResultFile: a residual network’s blocks', () => {
  const residual = run([
    ...['--residual', '--blocks', '4', '--norm', 'layer', '--width', '16', '--batch', '8', '--format', 'json'],
  ]);
  const data = JSON.parse(residual.stdout) as {
    layers: unknown[];
    blocks: { stream: { secondMoment: number }; theory: { streamSecondMoment: number } }[];
  };
  const block = (k: number, secondMoment: unknown, theory?: unknown) => ({
    block: k,
    stream: { secondMoment },
    ...(theory === undefined ? {} : { theory }),
  });
  const twoLayers = [layer(0, 1), layer(1, 2)];

  it("opens the CLI's blocks: the stream per block and the file's own theory of it", () => {
    expect(residual.code).toBe(0);
    const r = opened(parseResultFile(residual.stdout, 'res.json'));
    expect(r.blocks!.stream).toEqual(data.blocks.map((b) => b.stream.secondMoment));
    expect(r.blocks!.theory).toEqual(data.blocks.map((b) => b.theory.streamSecondMoment));
    expect(r.blocks!.stream).toHaveLength(4);
    // A residual config is not one the per-layer theory reads: the file's per-block theory is what is drawn.
    expect(r.theory).toEqual([]);
  });

  it('reads blocks without a theory as no theory, null as an overflow, and no blocks as none', () => {
    const r = opened(parseResultFile(file(twoLayers, { blocks: [block(1, 3), block(2, null)] }), 'x.json'));
    expect(r.blocks).toEqual({ stream: [3, Infinity], theory: [] });
    const t = opened(parseResultFile(file(twoLayers, { blocks: [block(1, 3, { streamSecondMoment: null })] }), 'x'));
    expect(t.blocks).toEqual({ stream: [3], theory: [null] });
    expect(opened(parseResultFile(file(twoLayers), 'x.json')).blocks).toBeNull();
    expect(opened(parseResultFile(cli('json'), 'x.json')).blocks).toBeNull();
  });

  it.each([
    [file(twoLayers, { blocks: {} }), /^"blocks" is an object, not a list$/],
    [file(twoLayers, { blocks: [3] }), /^blocks\[0\] is number 3, not an object$/],
    [file(twoLayers, { blocks: [block(2, 1)] }), /^blocks\[0\]\.block is number 2: blocks must be numbered/],
    [file(twoLayers, { blocks: [{ block: 1 }] }), /^blocks\[0\]\.stream is missing$/],
    [file(twoLayers, { blocks: [{ block: 1, stream: {} }] }), /^blocks\[0\]\.stream\.secondMoment is missing$/],
    [file(twoLayers, { blocks: [block(1, '2')] }), /^blocks\[0\]\.stream\.secondMoment is the string "2": numbers/],
    [file(twoLayers, { blocks: [block(1, -2)] }), /^blocks\[0\]\.stream\.secondMoment is -2: a second moment cannot/],
    [
      file(twoLayers, { blocks: [block(1, 1), block(2, 1), block(3, 1)] }),
      /^"blocks" has 3 entries but "layers" only 2: a block holds a layer or more$/,
    ],
    [
      file(twoLayers, { blocks: [block(1, 1, { streamSecondMoment: 1 }), block(2, 1)] }),
      /^blocks\[1\]\.theory is missing but blocks\[0\]\.theory is there$/,
    ],
    [file(twoLayers, { blocks: [block(1, 1, 'q')] }), /^blocks\[0\]\.theory is the string "q", not an object$/],
    [file(twoLayers, { blocks: [block(1, 1, {})] }), /^blocks\[0\]\.theory\.streamSecondMoment is missing$/],
    [
      file(twoLayers, { blocks: [block(1, 1, { streamSecondMoment: true })] }),
      /^blocks\[0\]\.theory\.streamSecondMoment is boolean true, not a number$/,
    ],
    // JSON has no Infinity, but 1e999 parses to it.
    [
      file(twoLayers, { blocks: [block(1, 12345)] }).replace('12345', '1e999'),
      /^blocks\[0\]\.stream\.secondMoment is Infinity: only finite numbers \(or null\) are read$/,
    ],
  ])('names the first problem of %j', (text, expected) => {
    expect(problem(parseResultFile(text, 'bad.json'))).toMatch(expected);
  });
});
