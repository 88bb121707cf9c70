// The training outcome each training preset's lesson describes, held against the engine: the
// preset's live network and its pins trained with the preset's settings (the same data and
// minibatches), exactly as the app trains them.

import { describe, expect, it } from 'vitest';
import { trainNetworkInput } from '../../core/training/networkInput';
import { train } from '../../core/training/train';
import { normalizeTrainConfig } from '../../core/training/trainConfig';
import type { TrainResult } from '../../core/training/train';
import type { SimConfig } from '../../core/types';
import { resolveTraining } from '../training';
import { decodeQuery } from '../url';
import { getPreset } from '.';
import { TRAINING_PRESETS } from './training';

function runPreset(id: string): TrainResult[] {
  const { config, pins, training } = decodeQuery(getPreset(id)!.query);
  expect(training.open).toBe(true);
  const settings = resolveTraining(training, config.seed);
  // As the worker builds each request: the data set's input dimension (a residual net gains its stem).
  const request = (c: SimConfig) => {
    const { config: request, issues } = normalizeTrainConfig(trainNetworkInput(c, settings.dataset), settings);
    expect(issues).toEqual([]);
    return request;
  };
  return [config, ...pins].map((c) => train(request(c)));
}

/** Chance level of two balanced classes: ln 2. A run "at chance" never gets 0.01 below it. */
const CHANCE = Math.LN2;
const minLoss = (r: TrainResult) => Math.min(...r.history.map((h) => h.trainLoss));

describe('training presets: the outcome their lessons state', () => {
  it('every training preset opens the training panel', () => {
    for (const p of TRAINING_PRESETS) expect(decodeQuery(p.query).training.open).toBe(true);
  });

  it('Xavier stalls at chance; He, on the same minibatches, fits the circles', () => {
    const [xavier, he] = runPreset('train-xavier-vs-he');
    expect(minLoss(xavier!)).toBeGreaterThan(CHANCE - 0.01);
    expect(he!.final.diverged).toBe(false);
    expect(he!.final.trainLoss).toBeLessThan(0.1);
  });

  it('all-zero weights: no weight gradient ever, the loss stays at ln 2', () => {
    const [run] = runPreset('train-zeros');
    expect(run!.history.every((h) => h.gradientNorm.every((g) => g === 0))).toBe(true);
    expect(Math.abs(run!.final.trainLoss! - CHANCE)).toBeLessThan(0.01);
  });

  it('N(0, 1) diverges', () => {
    const [run] = runPreset('train-normal-1');
    expect(run!.final.diverged).toBe(true);
  });

  it('tanh: the standard U(±1/√n) stalls at chance, Xavier learns', () => {
    const [standard, xavier] = runPreset('train-tanh-standard-vs-xavier');
    expect(minLoss(standard!)).toBeGreaterThan(CHANCE - 0.01);
    expect(xavier!.final.trainLoss).toBeLessThan(0.3);
  });

  it('SELU + LeCun normal at depth 50 trains with plain SGD', () => {
    const [run] = runPreset('train-selu-lecun');
    expect(run!.final.diverged).toBe(false);
    expect(run!.final.trainLoss).toBeLessThan(0.1);
  });

  // Two 61-layer networks for 300 steps: minutes on a busy machine.
  it(
    'deep plain ReLU net near chance; the residual net of the same depth, α = 1/√K, learns the spiral',
    { timeout: 300_000 },
    () => {
      const [plain, residual] = runPreset('train-plain-vs-residual');
      expect(residual!.history[0]!.trainLoss).toBeGreaterThan(CHANCE);
      expect(minLoss(plain!)).toBeGreaterThan(0.5);
      expect(plain!.final.trainLoss).toBeGreaterThan(CHANCE - 0.05);
      expect(residual!.final.diverged).toBe(false);
      expect(residual!.final.trainLoss).toBeLessThan(0.3);
    },
  );
});
