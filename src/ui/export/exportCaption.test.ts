import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../../core/config';
import { judgeSignal } from '../../readings/verdict';
import { exportCaption, settingsLine } from './exportCaption';

const config = (input: Parameters<typeof normalizeConfig>[0]) => normalizeConfig(input).config;

describe('settingsLine', () => {
  it('names the settings in words', () => {
    expect(
      settingsLine(config({ init: 'he_normal', activation: 'relu', depth: 50, width: 512, batch: 256, seed: 1 })),
    ).toBe('He normal · ReLU · depth 50 · width 512 · batch 256 · seed 1');
  });

  it('adds parameters, width profiles, the input and the bias when they matter', () => {
    const line = settingsLine(
      config({
        init: 'random_normal',
        initParams: { std: 0.5 },
        activation: 'tanh',
        width: [512, 256, 128],
        inputDim: 784,
        biasStd: 0.05,
        input: 'uniform',
        batch: 64,
        seed: 9,
      }),
    );
    expect(line).toBe(
      'Plain normal N(0, σ²) (std = 0.5) · Tanh · depth 3 · widths 512→128 · input 784 · uniform input · σ_b 0.05 · batch 64 · seed 9',
    );
  });
});

describe('exportCaption', () => {
  it('carries the measured and the theory verdicts', () => {
    const c = config({ seed: 1 });
    const vanishing = judgeSignal(Array.from({ length: 10 }, (_, i) => 0.5 ** i));
    const caption = exportCaption(c, vanishing, null, true);
    expect(caption.verdict).toBe('measured: vanishing: ×0.50 per layer');
    expect(caption.theory).toBe('theory (mean field): does not apply here');
    expect(exportCaption(c, null, null, false)).toMatchObject({ verdict: null, theory: null });
  });
});
