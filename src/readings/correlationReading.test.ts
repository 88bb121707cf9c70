import { describe, expect, it } from 'vitest';
import { readCorrelation } from './correlationReading';

describe('readCorrelation', () => {
  it('ordered phase: c reaching 1 reads as indistinguishable inputs', () => {
    const r = readCorrelation([0, 0.6, 0.9, 0.98, 0.995, 0.999]);
    expect(r.phase).toBe('ordered');
    expect(r.text).toContain('indistinguishable');
    expect(r.text).toContain('layer 6');
  });

  it('chaotic phase: c settling below 1 reads as c* < 1, inputs stay apart', () => {
    const r = readCorrelation([0.1, 0.3, 0.4, 0.42, 0.43, 0.43, 0.43, 0.43]);
    expect(r.phase).toBe('settled');
    expect(r.text).toMatch(/c\* ≈ 0\.43 < 1/);
    expect(r.text).toContain('stay distinguishable');
  });

  it('a critical ReLU net still climbing at the last layer is not called settled', () => {
    const relu = Array.from({ length: 30 }, (_, i) => 1 - 1 / (1 + 0.2 * i) ** 2);
    expect(readCorrelation(relu).phase).toBe('climbing');
  });

  it('skips layers without a value and says when there is nothing to read', () => {
    expect(readCorrelation([null, null]).phase).toBe('none');
    expect(readCorrelation([null, 0, 0, 0.0001]).text).toContain('c* ≈ 0 < 1');
  });
});
