import { describe, expect, it } from 'vitest';
import {
  BUDGET,
  WEIGHT_DRAW_FLOPS,
  checkBudget,
  describeOverBudget,
  estimateCost,
  formatFlops,
  formatSeconds,
  type RunShape,
} from './budget';
import { LIMITS } from './limits';

const shape = (depth: number, width: number, batch: number): RunShape => ({
  widths: new Array<number>(depth).fill(width),
  inputDim: width,
  batch,
});

function refused(s: RunShape, gradients = false) {
  const check = checkBudget(s, { gradients });
  if (check.ok) throw new Error('expected the settings to be refused');
  return check;
}

describe('estimateCost', () => {
  it('counts 2·B·fan_in·fan_out per layer and the weights drawn, with the input dimension feeding layer 1', () => {
    const cost = estimateCost({ widths: [64, 32, 16], inputDim: 10, batch: 8 });
    const weights = 10 * 64 + 64 * 32 + 32 * 16;
    expect(cost.flops).toBe(2 * 8 * weights + WEIGHT_DRAW_FLOPS * weights);
    expect(cost.seconds).toBeCloseTo(cost.flops / 40e9, 12);
  });

  it('counts float32 buffers: the square weight buffer of the widest layer and two batch buffers', () => {
    const cost = estimateCost({ widths: [64, 32], inputDim: 100, batch: 8 });
    expect(cost.memoryBytes).toBe(4 * (100 * 100 + 2 * 8 * 100 + 100));
  });

  it('adds ⌈√L⌉-spaced checkpoints and the backward products when gradients are on', () => {
    const s = shape(100, 50, 4);
    const plain = estimateCost(s);
    const grad = estimateCost(s, { gradients: true });
    // k = 10: 10 checkpoints plus one segment of 10 layers, each B·N floats; the kernel's
    // buffers at M = max(B, N) = 50 rows (the same as N×N here, with B = 4 under N) and δ's three.
    expect(grad.memoryBytes - plain.memoryBytes).toBe(4 * (4 * 50 * (10 + 10) + 2 * 50 * 50 - 2 * 4 * 50 + 3 * 4 * 50));
    const weights = 100 * 50 * 50;
    expect(grad.flops).toBe(4 * 2 * 4 * weights + 3 * WEIGHT_DRAW_FLOPS * weights);
  });

  it("sizes the backward pass's buffers by the batch when it is wider than the layers", () => {
    // The weight gradient aᵀ·δ has B as inner dimension: a B × B input buffer for B = 4096, N = 64.
    const grad = estimateCost(shape(4, 64, 4096), { gradients: true });
    expect(grad.memoryBytes).toBeGreaterThan(4 * 4096 * 4096);
  });
});

describe('checkBudget', () => {
  it('lets the defaults and the existing deep examples run', () => {
    expect(checkBudget(shape(30, 256, 128)).ok).toBe(true);
    expect(checkBudget(shape(2000, 256, 128)).ok).toBe(true);
    expect(checkBudget(shape(200, 1024, 128)).ok).toBe(true);
    expect(checkBudget(shape(1, 4096, 4096)).ok).toBe(true);
  });

  it('refuses the largest settings with suggestions that themselves fit', () => {
    const s = shape(LIMITS.depth.max, LIMITS.width.max, LIMITS.batch.max);
    const check = refused(s);
    expect(check.cost.flops).toBeGreaterThan(BUDGET.flops);
    // Even batch 1 draws 34 billion weights, so batch is no way out here.
    expect(check.suggestions).toEqual([
      { dimension: 'width', value: 256 },
      { dimension: 'depth', value: 8 },
    ]);
    expect(checkBudget(shape(2000, 4096, 1)).ok).toBe(false);
    expect(checkBudget(shape(2000, 256, 4096)).ok).toBe(true);
    expect(checkBudget(shape(2000, 512, 4096)).ok).toBe(false);
    expect(checkBudget(shape(8, 4096, 4096)).ok).toBe(true);
    expect(checkBudget(shape(16, 4096, 4096)).ok).toBe(false);
    // Where the products dominate, a smaller batch is offered first.
    expect(refused(shape(30, 4096, 4096)).suggestions).toEqual([
      { dimension: 'batch', value: 1024 },
      { dimension: 'width', value: 2048 },
    ]);
  });

  it('says what the settings need, the limit and what to try, in words or flags', () => {
    const s = shape(2000, 4096, 4096);
    expect(describeOverBudget(s, refused(s), 'words')).toBe(
      'depth 2000 × width 4096 × batch 4096 needs 285 TFLOP (about 2 h here); the limit is 2 TFLOP — try width 256 or depth 8',
    );
    expect(describeOverBudget(s, refused(s), 'flags')).toBe(
      '--depth 2000 --width 4096 --batch 4096 needs 285 TFLOP (about 2 h here); the limit is 2 TFLOP — try --width 256 or --depth 8',
    );
  });

  it('names memory when the backward pass would not fit', () => {
    const s = shape(2000, 4096, 1024);
    const text = describeOverBudget(s, refused(s, true), 'words');
    expect(text).toMatch(
      /needs \d+ TFLOP \(about .*\) and \d+(\.\d)? GB of memory; the limit is 2 TFLOP and 1 GB of memory — try width \d+ or depth \d+$/,
    );
  });

  it('suggests depth for a width profile, which has no single width to lower', () => {
    const s: RunShape = {
      widths: Array.from({ length: 200 }, (_, i) => (i % 2 ? 4096 : 2048)),
      inputDim: 4096,
      batch: 4096,
    };
    const check = refused(s);
    expect(check.suggestions.map((x) => x.dimension)).toEqual(['batch', 'depth']);
    expect(describeOverBudget(s, check, 'words')).toMatch(/^200 layers up to 4096 wide × batch 4096 needs/);
  });

  it('suggests only smaller values, each of which fits on its own', () => {
    const shapes = [shape(2000, 4096, 4096), shape(30, 4096, 4096), shape(2000, 2048, 256), shape(500, 3000, 1500)];
    for (const gradients of [false, true]) {
      for (const s of shapes) {
        const check = refused(s, gradients);
        expect(check.suggestions.length).toBeGreaterThan(0);
        for (const { dimension, value } of check.suggestions) {
          const next: RunShape =
            dimension === 'batch'
              ? { ...s, batch: value }
              : dimension === 'width'
                ? shape(s.widths.length, value, s.batch)
                : shape(value, s.widths[0]!, s.batch);
          const current = dimension === 'batch' ? s.batch : dimension === 'width' ? s.widths[0]! : s.widths.length;
          expect(value).toBeLessThan(current);
          expect(checkBudget(next, { gradients }).ok).toBe(true);
        }
      }
    }
  });
});

describe('formatting', () => {
  it('prints work and time in round units', () => {
    expect(formatFlops(2e12)).toBe('2 TFLOP');
    expect(formatFlops(1.37e14)).toBe('137 TFLOP');
    expect(formatFlops(3.4e10)).toBe('34 GFLOP');
    expect(formatSeconds(3425)).toBe('57 min');
    expect(formatSeconds(6872)).toBe('1.9 h');
    expect(formatSeconds(0.2)).toBe('1 s');
  });
});
