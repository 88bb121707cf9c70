// Every top-level chart drawn from props alone, compared with its golden file (golden.testutil.ts).
// A failure leaves `<name>-changed.svg` beside `src/charts/__golden__/<name>.svg`: open both, and
// if the change is meant, rerun with UPDATE_GOLDEN=1 and commit the new file.

import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { checkGolden, goldenDocument } from './golden.testutil';
import {
  correlationChart,
  distributions,
  phaseDiagram,
  PRE_Q,
  preactivationSamples,
  saturatedTanhSamples,
  seedBands,
  SIGNAL_SIZE,
  signalChart,
  stableLayers,
  stableTheory,
  STABLE,
  plainPin,
  streamView,
  twoPins,
  vanishingGradients,
} from './goldenFixtures.testutil';
import { streamGradient, streamSize } from '../readings/streamVerdict';
import { fakeLayers, geometric, theoryLayer } from './testData';

function expectGolden(name: string, element: ReactElement, width = SIGNAL_SIZE.width, height = 520): string {
  const document = goldenDocument(element, width, height);
  const result = checkGolden(name, document);
  if (result.status === 'changed')
    expect.fail(`${name}: the rendering differs from ${result.path}; see ${result.changedPath}`);
  if (result.status === 'written' && !process.env.UPDATE_GOLDEN)
    expect.fail(`${name}: no golden file yet; wrote ${result.path} — look at it and commit it`);
  return document;
}

describe('signal chart', () => {
  it('stable', () => {
    const doc = expectGolden('signal-stable', signalChart(stableLayers(), {}, stableTheory()));
    expect(doc).toContain('data-verdict="stable"');
  });

  it('vanishing', () => {
    const values = geometric(1, 0.5, 12);
    const doc = expectGolden('signal-vanishing', signalChart(fakeLayers(values)));
    expect(doc).toContain('data-verdict="vanishing"');
    expect(doc).toContain('×0.50');
  });

  it('exploding to Inf', () => {
    const values = [...geometric(1e6, 1e6, 6), Infinity, Infinity, Infinity];
    const theory = values.map((_, i) => theoryLayer(1e6 ** (i + 1)));
    const doc = expectGolden('signal-exploding-inf', signalChart(fakeLayers(values), {}, theory));
    // The overflowed layers sit in the Inf band, not on the log scale.
    expect(doc).toContain('data-marker="overflow"');
  });

  it('with gradients', () => {
    const gradients = vanishingGradients();
    const doc = expectGolden(
      'signal-gradients',
      signalChart(stableLayers(), { gradients, gradientsChecked: true, gradientsDrawn: true }, stableTheory()),
    );
    expect(doc).toContain('data-gradient-verdict="vanishing"');
  });

  it('with two pins', () => {
    const doc = expectGolden('signal-two-pins', signalChart(stableLayers(), { pinned: twoPins() }, stableTheory()));
    expect(doc.match(/class="pin-series /g)).toHaveLength(2);
  });

  it('with a seed band', () => {
    const doc = expectGolden('signal-seed-band', signalChart(stableLayers(), { bands: seedBands() }, stableTheory()));
    expect(doc).toContain('data-seeds="8"');
    expect(doc).toContain(`data-layers="${STABLE.length}"`);
  });
});

describe('signal chart of a residual network, per block', () => {
  // The per-layer props are a plain net's, to show that the per-block view draws the stream alone.
  const onUnit = () => undefined;

  it('draws the stream per block with the theory dashed, and reads it as the run verdict does', () => {
    const stream = streamView(2, true);
    const doc = expectGolden(
      'signal-residual-blocks',
      signalChart(
        stableLayers(),
        { unit: 'block', stream, onUnit, gradientsChecked: true, gradientsDrawn: true },
        stableTheory(),
      ),
    );
    expect(doc).toContain('>block</text>');
    expect(doc).toContain('stream E[x²] and E[δ²], log scale');
    // 8 measured points, one per block, not the 12 layers passed in.
    expect(doc.match(/class="signal-point"[^>]*data-layer=/g)).toHaveLength(8);
    const size = streamSize(stream)!;
    expect(size.measured.kind).toBe('exploding');
    expect(doc).toContain(`data-verdict="${size.measured.kind}"`);
    expect(doc).toContain(size.measured.text);
    expect(size.measured.text).toContain('per block');
    expect(doc).toContain(
      `data-gradient-verdict="${streamGradient({ blocks: stream.blocks, blockGradients: stream.gradients })!.measured.kind}"`,
    );
    expect(doc).toMatch(/<input type="radio"[^>]*checked=""[^>]*value="block"/);
    expect(doc).toContain('measured (residual stream)');
    // The theory under the headline is the stream recursion (docs/residual.md), per block like the axis.
    expect(doc).toContain(`theory (stream recursion): ${size.theory!.text}`);
    expect(size.theory!.text).toContain('per block');
    expect(doc).not.toContain('mean field');
  });

  it('on the per-layer view, says that the theory under the headline is judged per block', () => {
    const stream = streamView(2, true);
    const doc = goldenDocument(
      signalChart(stableLayers(), { unit: 'layer', stream, onUnit }, stableTheory()),
      SIGNAL_SIZE.width,
      520,
    );
    // The chart draws layers (12 points), the banner's theory is the stream's, per block.
    expect(doc.match(/class="signal-point"[^>]*data-layer=/g)).toHaveLength(12);
    const theory = streamSize(stream)!.theory!;
    expect(doc).toContain(`theory (stream recursion, per block as the headline): ${theory.text}`);
    expect(doc).toContain(`data-verdict-theory="${theory.kind}"`);
    expect(doc).not.toMatch(/verdict-theory[^>]*>[^<]*per layer/);
  });

  it('puts a plain network beside it with its layers as blocks of one', () => {
    const doc = expectGolden(
      'signal-plain-vs-residual',
      signalChart(
        stableLayers(),
        { unit: 'block', stream: streamView(1.1), onUnit, pinned: plainPin() },
        stableTheory(),
      ),
    );
    expect(doc.match(/class="pin-series /g)).toHaveLength(1);
    // The axis reaches the plain pin's 12th layer, past the residual net's 8 blocks.
    expect(doc).toMatch(/>12<\/text>/);
    expect(doc.match(/class="signal-point"[^>]*data-layer=/g)).toHaveLength(8);
  });
});

describe('other charts', () => {
  it('correlation chart', () => {
    const doc = expectGolden('correlation', correlationChart(), SIGNAL_SIZE.width, 360);
    expect(doc).toContain('data-correlation-phase');
  });

  it('phase diagram from a 6 × 4 grid', () => {
    const doc = expectGolden('phase-diagram', phaseDiagram(), 480, 520);
    expect(doc).toContain('data-status="ready"');
  });

  it('ridgeline', () => {
    const doc = expectGolden('ridgeline', distributions({ mode: 'ridgeline' }), 640, 480);
    expect(doc).toContain('data-mode="ridgeline"');
    // ReLU: about half of each layer is exactly 0, marked apart with its share, not as the ridge's peak.
    expect(doc.match(/data-zero-share="0\.[45]\d*"/g)).toHaveLength(6);
    expect(doc).toMatch(/[45]\d\.\d % exactly 0/);
  });

  it('ridgeline of pre-activations with the theory’s N(0, q) over each ridge', () => {
    const doc = expectGolden(
      'ridgeline-preactivations',
      distributions({ source: 'preactivations', preactivations: preactivationSamples(), theoryQ: PRE_Q }),
      640,
      480,
    );
    expect(doc).toContain('data-source="preactivations"');
    // One dashed curve per ridge, each naming the q it draws; no zero spike in h.
    expect(doc.match(/class="ridge-theory"/g)).toHaveLength(6);
    expect(doc).toContain('data-theory-q="2"');
    expect(doc).toContain(`data-theory-q="${PRE_Q[5]}"`);
    expect(doc).not.toContain('data-zero-share');
    expect(doc).toContain('mean-field theory');
  });

  it('ridgeline of saturating tanh outputs: the mass at ±1 marked apart with its share', () => {
    const doc = expectGolden(
      'ridgeline-tanh-saturated',
      distributions({ forward: saturatedTanhSamples(), activation: 'tanh', rangeMode: 'fixed' }),
      640,
      480,
    );
    const shares = [...doc.matchAll(/data-saturated-share="([\d.]+)"/g)].map((m) => Number(m[1]));
    // Layer 1 (h ~ N(0, 0.5)) has almost nothing within 0.02 of ±1; the deepest layers most of their values.
    expect(shares.length).toBeGreaterThanOrEqual(3);
    expect(shares.at(-1)).toBeGreaterThan(0.5);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    expect(doc).toMatch(/\d+(\.\d)? % within 0\.02 of ±1/);
    expect(doc).toContain('ridge-saturated-mark');
    expect(doc).not.toContain('ridge-theory');
  });

  it('heatmap (the axes and labels; the canvas pixels are tested in heatmapPixels.test.ts)', () => {
    const doc = expectGolden('heatmap', distributions({ mode: 'heatmap', rangeMode: 'fixed' }), 640, 480);
    expect(doc).toContain('<canvas');
  });
});
