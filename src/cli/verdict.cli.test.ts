import { describe, expect, it } from 'vitest';
import { run } from './main';

function json(argv: string[]): {
  verdict: Record<string, string>;
  verdictText: Record<string, string>;
  layers: Record<string, unknown>[];
} {
  const r = run([...argv, '--format', 'json']);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as ReturnType<typeof json>;
}

// The verdict's contract: the four cases of the table, from the command line (seed 1, batch 128).
describe('CLI verdict', () => {
  it.each([
    [
      ['--init', 'he_normal', '--activation', 'relu', '--depth', '30', '--width', '256'],
      { size: 'stable', inputs: 'preserved', gradient: 'stable', headline: 'stable' },
    ],
    [
      ['--init', 'glorot_uniform', '--activation', 'relu', '--depth', '30'],
      { size: 'vanishing', inputs: 'preserved', gradient: 'vanishing', headline: 'vanishing' },
    ],
    [
      ['--init', 'torch_linear_default', '--activation', 'relu', '--depth', '30'],
      { size: 'stable', inputs: 'ordered', gradient: 'vanishing', headline: 'ordered' },
    ],
    [
      ['--init', 'torch_kaiming_normal', '--nonlinearity', 'tanh', '--activation', 'tanh', '--depth', '30'],
      { size: 'stable', inputs: 'chaotic', gradient: 'exploding', headline: 'chaotic' },
    ],
  ])('%j --backward', (argv, expected) => {
    expect(json([...argv, '--backward']).verdict).toEqual(expected);
  });

  it('has no gradient part without --backward, and measures correlations without printing them unless asked', () => {
    const argv = '--init torch_linear_default --activation relu --depth 12 --width 64 --batch 32'.split(' ');
    const plain = json(argv);
    expect(plain.verdict).toEqual({ size: 'stable', inputs: 'ordered', headline: 'ordered' });
    expect(plain.layers[0]).not.toHaveProperty('correlation');
    const asked = json([...argv, '--correlations']);
    expect(asked.verdict).toEqual(plain.verdict);
    expect(asked.layers[0]).toHaveProperty('correlation');
    expect(asked.verdictText.headline).toBe(plain.verdictText.headline);
    expect(plain.verdictText.headline).toMatch(
      /^ordered: the bias has taken over by layer \d+ — every input gives nearly the same output from layer \d+$/,
    );
  });

  it('prints the verdict under the table', () => {
    const out = run(
      '--init torch_kaiming_normal --nonlinearity tanh --activation tanh --depth 12 --width 64 --batch 32'.split(' '),
    ).stdout;
    expect(out).toMatch(/\n\nverdict: chaotic — chaotic: nearby inputs are pulled apart ×1\.\d+ per layer/);
  });
});
