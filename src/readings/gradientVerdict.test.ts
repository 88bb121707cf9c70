import { describe, expect, it } from 'vitest';
import { describeGradients, gradientVerdict, type GradientInput } from './gradientVerdict';

const ok = (value: number): GradientInput => ({ value, status: 'ok' });
/** Layer l (1…L) holds factor^(L − l): E[δ²] = 1 at the top, ×factor per step toward the input. */
const backward = (depth: number, factor: number): GradientInput[] =>
  Array.from({ length: depth }, (_, i) => ok(factor ** (depth - 1 - i)));

describe('gradientVerdict', () => {
  it('reads halving toward the input as vanishing ×0.50, not exploding ×2 (the forward direction)', () => {
    const v = gradientVerdict(backward(30, 0.5))!;
    expect(v.kind).toBe('vanishing');
    expect(v.factor).toBeCloseTo(0.5, 6);
    expect(v.text).toBe('vanishing toward the input ×0.50 per layer');
  });

  it('reads growth toward the input as growing', () => {
    const v = gradientVerdict(backward(30, 1.2))!;
    expect(v.kind).toBe('exploding');
    expect(v.text).toMatch(/^growing toward the input ×1\.20? per layer$/);
  });

  it('fits the layers nearest the input: a transient at the top does not count', () => {
    // Steady at 1 near the input, a large jump only in the top layers.
    const g = Array.from({ length: 20 }, (_, i) => ok(i >= 17 ? 10 ** (i - 16) : 1));
    expect(gradientVerdict(g)!.kind).toBe('stable');
  });

  it('names the real layer where the backward pass overflowed', () => {
    const g = backward(10, 100);
    g[3] = { value: Infinity, status: 'overflow' };
    const v = gradientVerdict(g)!;
    expect(v.kind).toBe('overflow');
    expect(v.firstBadLayer).toBe(4);
    expect(v.text).toBe('overflow to Inf at layer 4');
  });

  it('judges only the layers received so far, from the top down', () => {
    const g: (GradientInput | undefined)[] = backward(30, 0.5);
    for (let i = 0; i < 20; i++) g[i] = undefined;
    const v = gradientVerdict(g)!;
    expect(v.factor).toBeCloseTo(0.5, 6);
    expect(describeGradients(g, v)).toContain('to 0.0020 at layer 21');
    expect(gradientVerdict(new Array<GradientInput | undefined>(5))).toBeNull();
  });

  it('the summary names both ends and the direction', () => {
    const g = backward(30, 0.5);
    const text = describeGradients(g, gradientVerdict(g)!);
    expect(text).toMatch(/goes from 1(\.0+)? at layer 30 to .* at layer 1: vanishing toward the input/);
  });
});
