// The golden files catch a change of scale: with d3's log scale quietly mapping onto 90 % of the
// range it is given (the kind of slip a refactor makes), the stable signal chart no longer matches
// its golden file, and the new rendering is written beside it. Its own file, because the mock of
// d3-scale applies to every import in the file.

import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { checkGolden, GOLDEN_DIR, goldenDocument } from './golden.testutil';
import { SIGNAL_SIZE, signalChart, stableLayers, stableTheory } from './goldenFixtures.testutil';

vi.mock('d3-scale', async (importOriginal) => {
  const d3 = await importOriginal<typeof import('d3-scale')>();
  const scaleLog = () => {
    const scale = d3.scaleLog();
    const range = scale.range.bind(scale);
    // Same domain, 90 % of the range: every point and tick slides a little.
    scale.range = ((r?: number[]) => (r === undefined ? range() : range(r.map((v) => v * 0.9)))) as typeof scale.range;
    return scale;
  };
  return { ...d3, scaleLog };
});

describe('a changed scale', () => {
  const dir = mkdtempSync(join(tmpdir(), 'golden-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails the golden comparison and writes the new rendering beside the golden file', () => {
    copyFileSync(join(GOLDEN_DIR, 'signal-stable.svg'), join(dir, 'signal-stable.svg'));
    const result = checkGolden(
      'signal-stable',
      goldenDocument(signalChart(stableLayers(), {}, stableTheory()), SIGNAL_SIZE.width, 520),
      dir,
    );
    expect(result.status).toBe('changed');
    const changed = join(dir, 'signal-stable-changed.svg');
    expect(existsSync(changed)).toBe(true);
    expect(readFileSync(changed, 'utf8')).not.toBe(readFileSync(join(dir, 'signal-stable.svg'), 'utf8'));
  });
});
