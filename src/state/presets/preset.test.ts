import { describe, expect, it } from 'vitest';
import { CLAIM_FORMATS, definePreset, placeholders, renderLesson } from './preset';

describe('lesson templates', () => {
  it('fill each placeholder from its claim in the format it names', () => {
    const claims = [
      { value: 0.7739 },
      { value: 5.42e-6 },
      { value: 25 / 9 },
      { value: 0.885 },
      { value: 1.2e-9 },
      { value: 0.0256 },
    ];
    expect(renderLesson('{0:3} then {1:sci}; σ² = {2:frac}, {3:x} per layer, about {4:pow}, {5:%}; {0}', claims)).toBe(
      '0.774 then 5.4·10⁻⁶; σ² = 25/9, ×0.89 per layer, about 10⁻⁹, 2.6 %; 0.77',
    );
  });

  it('write the mantissa of a power of ten that rounds up in the next decade', () => {
    expect(CLAIM_FORMATS.sci!(9.96e-7)).toBe('1.0·10⁻⁶');
    expect(CLAIM_FORMATS.sci!(3e20)).toBe('3.0·10²⁰');
    expect(CLAIM_FORMATS.sci!(0.02754)).toBe('2.8·10⁻²');
    expect(CLAIM_FORMATS.sci!(123)).toBe('1.2·10²');
    expect(CLAIM_FORMATS.frac!(1 / 3)).toBe('1/3');
    expect(CLAIM_FORMATS.frac!(0.3)).toBe('3/10');
    expect(CLAIM_FORMATS.frac!(Math.PI)).toBe('3.14');
  });

  it('refuse a placeholder without its claim or with an unknown format', () => {
    expect(() => renderLesson('{1}', [{ value: 1 }])).toThrow(/names claim 1, but there are 1/);
    expect(() => renderLesson('{0:eng}', [{ value: 1 }])).toThrow(/unknown claim format "eng"/);
    expect(placeholders('{0} and {0:x} and {1:3}', 2)).toEqual([
      { index: 0, format: '' },
      { index: 0, format: 'x' },
      { index: 1, format: '3' },
    ]);
  });

  it('a preset carries its rendered lesson beside its template and claims', () => {
    const p = definePreset({
      id: 't',
      title: 'T',
      template: 'keeps {0:3}',
      claims: [{ quantity: 'factor', of: 'theory.preactivationSecondMoment', from: 1, layer: 50, value: 0.774 }],
      query: '?v=1',
    });
    expect(p.lesson).toBe('keeps 0.774');
    expect(p.template).toBe('keeps {0:3}');
  });
});
