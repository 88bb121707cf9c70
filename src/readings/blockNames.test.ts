import { describe, expect, it } from 'vitest';
import { simulateArchitecture } from '../core/architecture/run';
import { PRESETS } from '../state/presets';
import { presetConfig } from '../state/presets/presetRun';
import { namingBlocks } from './blockNames';
import { judgeRun, verdictRecord } from './runVerdict';

describe('namingBlocks', () => {
  // A stem (block 0) and three blocks of two layers each.
  const layers = [0, 1, 1, 2, 2, 3, 3].map((block) => ({ block }));

  it('names the block a layer belongs to, and the stem as such', () => {
    expect(namingBlocks('correlation 0.88 at layer 7', layers)).toBe('correlation 0.88 at block 3');
    expect(namingBlocks('the same output from layer 4 — correlation 0.99 at layer 1', layers)).toBe(
      'the same output from block 2 — correlation 0.99 at the stem',
    );
  });

  it('leaves text alone where a layer has no block (a plain network)', () => {
    expect(namingBlocks('correlation 0.88 at layer 2', [{}, {}])).toBe('correlation 0.88 at layer 2');
  });
});

describe('a residual network’s verdict names blocks', () => {
  it('says which block the inputs’ correlation is read at, with the contract kinds unchanged', () => {
    const preset = PRESETS.find((p) => p.id === 'resnet-he')!;
    const config = presetConfig(preset);
    const run = simulateArchitecture(config, { backward: true, correlations: true });
    const verdict = judgeRun(config, run.layers, run.gradients, run);
    const last = run.layers.at(-1)!;
    expect(verdict.inputs.measured.text).toMatch(new RegExp(`at block ${last.block}\\b`));
    expect(verdict.inputs.measured.text).not.toMatch(/\blayer \d/);
    expect(verdict.text).not.toMatch(/\blayer \d/);
    // The fields and the vocabulary stay the layer's: only the words follow the chart.
    expect(verdict.inputs.measured.correlation?.layer).toBe(run.layers.length);
    expect(verdictRecord(verdict).inputs).toBe('preserved');
  });

  it('sets a disagreement beside the stream recursion, not the mean field', () => {
    const preset = PRESETS.find((p) => p.id === 'resnet-he')!;
    const config = presetConfig(preset);
    const run = simulateArchitecture(config, { backward: true, correlations: true });
    // A theory that holds the stream level, against a stream measured doubling per block.
    const level = run.blocks.map((b) => ({ ...b, theory: { ...b.theory, streamSecondMoment: 1 } }));
    const verdict = judgeRun(config, run.layers, run.gradients, { blocks: level, blockGradients: run.blockGradients });
    expect(verdict.size.measured.kind).toBe('exploding');
    expect(verdict.disagreements[0]).toMatch(/^Measurement and the stream recursion disagree on the size: .*per block/);
  });
});
