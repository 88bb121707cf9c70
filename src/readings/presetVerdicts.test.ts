// Every preset's lesson must agree with the verdict the page shows for it. Each preset is run as
// the page runs it (backward pass and correlations on), its verdict is compared with the one stated
// here, and its lesson must speak of the problem the headline names.

import { describe, expect, it } from 'vitest';
import { simulateArchitecture } from '../core/architecture/run';
import { simulateWithGradients } from '../core/backward';
import { PRESETS, type Preset } from '../state/presets';
import { presetConfig } from '../state/presets/presetRun';
import { judgeRun, verdictRecord, type HeadlineKind, type VerdictRecord } from './runVerdict';

/** The verdict each preset shows, with the seed and settings of its link. */
const EXPECTED: Record<string, VerdictRecord> = {
  'xavier-tanh': { size: 'stable', inputs: 'preserved', gradient: 'vanishing', headline: 'vanishing' },
  'xavier-relu': { size: 'vanishing', inputs: 'preserved', gradient: 'vanishing', headline: 'vanishing' },
  'he-relu': { size: 'stable', inputs: 'preserved', gradient: 'stable', headline: 'stable' },
  'xavier-vs-he': { size: 'vanishing', inputs: 'preserved', gradient: 'vanishing', headline: 'vanishing' },
  'normal-exploding': { size: 'overflow', inputs: 'preserved', gradient: 'overflow', headline: 'overflow' },
  'normal-vanishing': { size: 'vanishing', inputs: 'preserved', gradient: 'vanishing', headline: 'vanishing' },
  'standard-uniform-tanh': { size: 'vanishing', inputs: 'preserved', gradient: 'vanishing', headline: 'vanishing' },
  zeros: { size: 'dead', inputs: 'ordered', gradient: 'vanishing', headline: 'dead' },
  'selu-lecun': { size: 'stable', inputs: 'preserved', gradient: 'stable', headline: 'stable' },
  'torch-linear-relu': { size: 'stable', inputs: 'ordered', gradient: 'vanishing', headline: 'ordered' },
  'tanh-gain-chaos': { size: 'stable', inputs: 'chaotic', gradient: 'exploding', headline: 'chaotic' },
  'tfjs-he': { size: 'vanishing', inputs: 'preserved', gradient: 'vanishing', headline: 'vanishing' },
  'orthogonal-linear': { size: 'stable', inputs: 'preserved', gradient: 'stable', headline: 'stable' },
  'gelu-he': { size: 'vanishing', inputs: 'preserved', gradient: 'vanishing', headline: 'vanishing' },
  'leaky-kaiming': { size: 'stable', inputs: 'preserved', gradient: 'stable', headline: 'stable' },
  'xavier-bottleneck': { size: 'stable', inputs: 'preserved', gradient: 'stable', headline: 'stable' },
  'funnel-fan-in': { size: 'stable', inputs: 'preserved', gradient: 'vanishing', headline: 'vanishing' },
  'funnel-fan-out': { size: 'exploding', inputs: 'preserved', gradient: 'stable', headline: 'exploding' },
  'funnel-fan-avg': { size: 'exploding', inputs: 'preserved', gradient: 'vanishing', headline: 'exploding' },
  'narrow-he-seeds': { size: 'vanishing', inputs: 'preserved', gradient: 'vanishing', headline: 'vanishing' },
  // Residual networks are judged on their stream, block by block (streamVerdict.ts).
  'resnet-he': { size: 'exploding', inputs: 'preserved', gradient: 'exploding', headline: 'exploding' },
  'resnet-sqrt-k': { size: 'stable', inputs: 'preserved', gradient: 'stable', headline: 'stable' },
  'resnet-1-k': { size: 'stable', inputs: 'preserved', gradient: 'stable', headline: 'stable' },
  rezero: { size: 'stable', inputs: 'preserved', gradient: 'stable', headline: 'stable' },
  fixup: { size: 'stable', inputs: 'preserved', gradient: 'stable', headline: 'stable' },
  'pre-ln': { size: 'stable', inputs: 'preserved', gradient: 'exploding', headline: 'exploding' },
  'post-ln': { size: 'stable', inputs: 'preserved', gradient: 'stable', headline: 'stable' },
  'plain-batchnorm': { size: 'stable', inputs: 'preserved', gradient: 'exploding', headline: 'exploding' },
  'plain-layernorm-tanh': { size: 'stable', inputs: 'preserved', gradient: 'exploding', headline: 'exploding' },
  // Spectra, training and framework-snippet presets.
  'jacobian-linear-orthogonal': { size: 'stable', inputs: 'preserved', gradient: 'stable', headline: 'stable' },
  'jacobian-linear-gaussian': { size: 'stable', inputs: 'preserved', gradient: 'stable', headline: 'stable' },
  'jacobian-tanh-orthogonal': { size: 'stable', inputs: 'preserved', gradient: 'vanishing', headline: 'vanishing' },
  'jacobian-tanh-gaussian': { size: 'stable', inputs: 'preserved', gradient: 'vanishing', headline: 'vanishing' },
  'jacobian-relu-orthogonal': { size: 'stable', inputs: 'preserved', gradient: 'stable', headline: 'stable' },
  'selu-torch-gain': { size: 'stable', inputs: 'preserved', gradient: 'vanishing', headline: 'vanishing' },
  'train-xavier-vs-he': { size: 'vanishing', inputs: 'preserved', gradient: 'vanishing', headline: 'vanishing' },
  'train-zeros': { size: 'dead', inputs: 'ordered', gradient: 'vanishing', headline: 'dead' },
  'train-normal-1': { size: 'exploding', inputs: 'preserved', gradient: 'exploding', headline: 'exploding' },
  'train-tanh-standard-vs-xavier': {
    size: 'vanishing',
    inputs: 'preserved',
    gradient: 'vanishing',
    headline: 'vanishing',
  },
  'train-selu-lecun': { size: 'stable', inputs: 'preserved', gradient: 'stable', headline: 'stable' },
  'train-plain-vs-residual': { size: 'stable', inputs: 'preserved', gradient: 'stable', headline: 'stable' },
  'numpy-lecun': { size: 'stable', inputs: 'preserved', gradient: 'vanishing', headline: 'vanishing' },
  'numpy-xavier': { size: 'vanishing', inputs: 'preserved', gradient: 'vanishing', headline: 'vanishing' },
  'contrib-msra': { size: 'stable', inputs: 'preserved', gradient: 'stable', headline: 'stable' },
  'contrib-caffe': { size: 'vanishing', inputs: 'preserved', gradient: 'vanishing', headline: 'vanishing' },
  'contrib-glorot': { size: 'stable', inputs: 'preserved', gradient: 'vanishing', headline: 'vanishing' },
  'contrib-xavier-normal': { size: 'stable', inputs: 'preserved', gradient: 'vanishing', headline: 'vanishing' },
};

/** Words a lesson uses for what its headline names; one of them must be there. */
const SPEAKS_OF: Record<HeadlineKind, RegExp> = {
  stable:
    /\bholds?\b|\bkeeps?\b|\blevel\b|preserv|\bback to\b|pulled back|self-normalizing|bounded|the identity|hardly moves|\bresets?\b/,
  vanishing: /vanish|shrink|halves|\bfalls?\b|fade|\bdown\b|\bleaves?\b|keeps only|below/,
  exploding: /\bgrows?\b|explod|multipl|\btriples\b|\bdoubles\b/,
  overflow: /overflow/,
  underflow: /underflow|exactly 0/,
  dead: /outputs 0|\bdead\b|every gradient .* is 0/,
  'too-shallow': /too shallow|few layers/,
  ordered: /bias|same output|collapse|forget/,
  chaotic: /chaos|pulled apart|decorrelat/,
  preserved: /distinct|apart/,
};

function verdictOf(preset: Preset) {
  const config = presetConfig(preset);
  if (config.architecture) {
    const run = simulateArchitecture(config, { backward: true, correlations: true });
    return judgeRun(config, run.layers, run.gradients, run);
  }
  const run = simulateWithGradients(config, { correlations: 'measured' });
  return judgeRun(config, run.layers, run.gradients);
}

describe('every preset’s lesson agrees with its verdict', () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))('%s', (id, preset) => {
    const verdict = verdictOf(preset);
    const record = verdictRecord(verdict);
    const expected = EXPECTED[id];
    // A preset of another topic without a stated verdict: its lesson must at least not call a
    // network with a problem stable (its wording is its topic's own: Jacobians, training, blocks).
    if (!expected) {
      if (verdict.headline !== 'stable')
        expect(preset.lesson, id).not.toMatch(/\bstable\b|neither vanishes nor explodes/);
      return;
    }
    expect(record, `${id}: ${verdict.text}`).toEqual(expected);
    expect(preset.lesson, `${id}'s lesson should speak of "${verdict.headline}": ${verdict.text}`).toMatch(
      SPEAKS_OF[verdict.headline],
    );
    if (verdict.source === 'gradient')
      expect(preset.lesson, `${id}: the headline is about the gradients`).toMatch(/gradient/);
    if (verdict.headline !== 'stable')
      expect(preset.lesson, id).not.toMatch(/\bstable\b|neither vanishes nor explodes/);
  });

  it('states a verdict for every classic and residual preset', () => {
    for (const id of Object.keys(EXPECTED))
      expect(
        PRESETS.some((p) => p.id === id),
        id,
      ).toBe(true);
  });
});
