import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTrain } from './train';

const SMALL = ['--depth', '3', '--width', '12', '--steps', '20', '--batch-size', '16'];

function json(argv: string[]) {
  const r = runTrain([...argv, '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as {
    config: Record<string, unknown>;
    history: Record<string, unknown>[];
    final: Record<string, unknown>;
  };
}

describe('train CLI contract', () => {
  it('JSON has config, history and final with the fixed field names', () => {
    const out = json([
      ...SMALL,
      '--init',
      'he_normal',
      '--activation',
      'relu',
      '--dataset',
      'spiral',
      '--optimizer',
      'momentum',
      '--lr',
      '0.01',
      '--seed',
      '1',
      '--eval-every',
      '5',
    ]);
    expect(out.config).toMatchObject({
      init: 'he_normal',
      activation: 'relu',
      depth: 3,
      dataset: 'spiral',
      optimizer: 'momentum',
      lr: 0.01,
      momentum: 0.9,
      steps: 20,
      batchSize: 16,
      evalEvery: 5,
      seed: 1,
      inputDim: 2,
    });
    expect(out.history.map((h) => h.step)).toEqual([0, 5, 10, 15, 20]);
    for (const h of out.history) {
      for (const k of ['trainLoss', 'testLoss', 'testAccuracy']) expect(typeof h[k]).toBe('number');
      expect(h.gradientNorm).toHaveLength(3);
    }
    expect(Object.keys(out.final)).toEqual(
      expect.arrayContaining(['step', 'trainLoss', 'testLoss', 'testAccuracy', 'diverged']),
    );
    expect(out.final).toMatchObject({ step: 20, diverged: false, trainLoss: out.history[4]!.trainLoss });
  });

  it('regression (teacher) has no accuracy; --input-dim sets the teacher’s inputs', () => {
    const out = json([...SMALL, '--dataset', 'teacher', '--input-dim', '5']);
    expect(out.config.inputDim).toBe(5);
    expect(out.history[0]).not.toHaveProperty('testAccuracy');
    expect(out.final).not.toHaveProperty('testAccuracy');
  });

  it('the same command prints the same bytes; --seed changes the network, --data-seed the data', () => {
    const a = runTrain([...SMALL, '--format', 'json']).stdout;
    expect(runTrain([...SMALL, '--format', 'json']).stdout).toBe(a);
    expect(runTrain([...SMALL, '--format', 'json', '--seed', '2']).stdout).not.toBe(a);
    expect(runTrain([...SMALL, '--format', 'json', '--data-seed', '2']).stdout).not.toBe(a);
  });

  it('a divergent run exits 0 with final.diverged, and no NaN anywhere', () => {
    const argv = '--init random_normal --std 1 --depth 30 --width 64 --steps 30 --lr 0.1'.split(' ');
    const out = json(argv);
    expect(out.final).toMatchObject({ diverged: true, trainLoss: null });
    expect(typeof out.final.divergedAt).toBe('number');
    expect(runTrain(argv).stdout).toMatch(/diverged at step \d+/);
  });

  it('--dump-data writes the data set as CSV', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'train-')), 'data.csv');
    json([...SMALL, '--dataset', 'circles', '--dump-data', file]);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('split,label,x1,x2');
    expect(lines).toHaveLength(1001);
  });

  it.each([
    [['--dataset', 'mnist'], /^initscope: --dataset: "mnist" is not one of spiral, circles/],
    [['--optimizer', 'rmsprop'], /^initscope: --optimizer: "rmsprop" is not one of sgd, momentum, adam/],
    [['--lr', '0'], /^initscope: --lr: 0 is not allowed/],
    [['--steps', '2.5'], /^initscope: --steps: 2.5 is not allowed/],
    [['--batch-size', '600'], /^initscope: --batch-size: 600 is more than the 500 training examples of spiral/],
    [['--momentum', '1'], /^initscope: --momentum: 1 is not allowed/],
    [['--steps'], /^initscope: --steps needs a value/],
    [['--input-dim', '7'], /^initscope: --input-dim: the spiral data set has 2 inputs/],
    [['--backward'], /^initscope: --backward does not apply to train/],
    [['--norm', 'batch', '--batch-size', '1'], /^initscope: --batch-size: is 1 with BatchNorm: the batch variance/],
    [['--depth', '0'], /^initscope: --depth: 0 is below 1/],
    [['--frobnicate', '1'], /^initscope: unknown flag --frobnicate/],
    [['--steps', '100000', '--width', '256'], /need \d+ TFLOP \(about .*\); the limit is 2 TFLOP — try --steps \d+/],
    [['--width', '4096', '--depth', '100'], /need .* of memory; the limit is .*1 GB of memory — try a smaller network/],
  ])('%j: one line, exit 2', (argv, pattern) => {
    const r = runTrain(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('npm run train prints JSON', () => {
    const r = spawnSync('npm', ['run', '--silent', 'train', '--', ...SMALL, '--format', 'json'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { final: { step: number } }).final.step).toBe(20);
  });
});
