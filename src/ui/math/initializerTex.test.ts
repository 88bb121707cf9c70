import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../../core/config';
import { realizedVariance } from '../../core/distributions';
import { defaultParams, getInitializer, INITIALIZERS, type InitializerSpec } from '../../core/initializers';
import { theoryFor } from '../../core/network';
import type { ParamValues } from '../../core/types';
import { hasInitializerTex, initializerTex } from './initializerTex';
import { lengthMapTex } from './lengthMapTex';
import { texNumber, texSquared } from './tex';

const FANS: readonly [number, number][] = [
  [512, 512],
  [784, 256],
  [3, 1000],
  [1, 1],
];

/** The defaults, then one parameter at a time moved to each of its other values. */
function paramVariants(spec: InitializerSpec): ParamValues[] {
  const base = defaultParams(spec);
  const variants: ParamValues[] = [base];
  for (const param of spec.params) {
    const others =
      param.kind === 'enum'
        ? param.choices.filter((c) => c !== param.default)
        : param.kind === 'boolean'
          ? [!param.default]
          : [0.5, 3, 1e-5].filter((v) => v >= param.min && v <= param.max);
    for (const value of others) variants.push({ ...base, [param.name]: value });
  }
  return variants;
}

/** KaTeX's own parser, strict about errors: a malformed template throws here. */
function parses(tex: string): string {
  return katex.renderToString(tex, { displayMode: true, throwOnError: true, trust: false, strict: 'ignore' });
}

function closeTo(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
}

describe('initializerTex', () => {
  it('has a template for every initializer in the table', () => {
    expect(INITIALIZERS.map((s) => s.id).filter((id) => !hasInitializerTex(id))).toEqual([]);
  });

  for (const spec of INITIALIZERS) {
    it(`${spec.id}: parses in KaTeX and agrees with the engine's law and theory`, () => {
      for (const params of paramVariants(spec)) {
        for (const [fanIn, fanOut] of FANS) {
          const math = initializerTex(spec, fanIn, fanOut, params);
          expect(math).not.toBeNull();
          if (!math) continue;
          expect(math.lines.length).toBeGreaterThan(0);
          for (const line of math.lines) expect(parses(line)).toContain('<math');
          const law = spec.weightLaw(fanIn, fanOut, params);
          closeTo(math.variance, realizedVariance(law, fanIn, fanOut));

          // A data-dependent scale is measured per run: the rule has no σ_w² of its own.
          if (spec.dataDependent) {
            expect(math.sigmaW2).toBeNull();
            continue;
          }
          const { config } = normalizeConfig({
            init: spec.id,
            initParams: params,
            activation: 'tanh',
            depth: 1,
            width: fanOut,
            inputDim: fanIn,
          });
          const engineSigmaW2 = theoryFor(config)[0]!.sigmaW2;
          if (engineSigmaW2 === null) expect(math.sigmaW2).toBeNull();
          else closeTo(math.sigmaW2 ?? NaN, engineSigmaW2);
        }
      }
    });
  }

  it('fills He normal with the numbers of a 512-wide layer', () => {
    const math = initializerTex(getInitializer('he_normal')!, 512, 512, {})!;
    const text = math.lines.join('\n');
    expect(text).toContain(
      '\\tilde\\sigma = \\sqrt{2/\\text{fan}_\\text{in}}\\,/\\,0.87963 = \\sqrt{2/512}\\,/\\,0.87963 = 0.07105',
    );
    expect(text).toContain('\\pm 0.1421');
    expect(text).toContain('\\mathrm{Var}(w) = 2/\\text{fan}_\\text{in} = 2/512 = 0.003906');
    expect(math.lines.at(-1)).toBe(
      '\\sigma_w^2 = \\text{fan}_\\text{in}\\cdot \\mathrm{Var}(w) = 512\\cdot 0.003906 = 2',
    );
  });

  it('shows what each framework does differently', () => {
    const line = (id: string, p: ParamValues = {}) =>
      initializerTex(getInitializer(id)!, 512, 512, p)!.lines.join('\n');
    expect(line('tfjs_he_normal')).toContain('0.77374\\cdot 2/512 = 0.003022');
    expect(line('tf1_variance_scaling')).toContain('\\sqrt{1.3\\cdot \\text{factor}/\\text{fan}_\\text{in}}');
    expect(line('torch_kaiming_normal')).toContain('\\text{gain} = \\sqrt{2/(1+a^2)} = \\sqrt{2/(1+0^2)} = 1.414');
    expect(line('torch_kaiming_normal', { nonlinearity: 'tanh' })).toContain('\\text{gain} = 5/3 = 1.667');
    expect(line('torch_xavier_uniform', { gain: 3 })).toContain('3\\,\\sqrt{6/1024}');
    expect(line('torch_linear_default')).toContain('1/\\sqrt{512} = 0.04419');
    expect(line('glorot_uniform')).toContain('\\sqrt{3\\cdot 2/(\\text{fan}_\\text{in}+\\text{fan}_\\text{out})}');
    expect(line('orthogonal')).toContain('Q^\\top Q = I');
    expect(initializerTex(getInitializer('orthogonal')!, 256, 512, {})!.lines.join('\n')).toContain('Q Q^\\top = I');
  });

  it('leaves out σ_w² when the weights share a non-zero mean', () => {
    const ones = initializerTex(getInitializer('ones')!, 512, 512, {})!;
    expect(ones.sigmaW2).toBeNull();
    expect(ones.lines.join('\n')).not.toContain('\\sigma_w^2');
    expect(ones.lines.join('\n')).toContain('\\mathbb{E}[w] = 1 \\neq 0');
  });
});

describe('lengthMapTex', () => {
  it('fills in σ_w² and σ_b² and parses', () => {
    const lines = lengthMapTex(2, 0.05)!;
    for (const line of lines) parses(line);
    expect(lines[0]).toContain('\\sigma_w^2\\,\\mathbb{E}');
    expect(lines[1]).toMatch(/^q\^\{l\} = 2\\,\\mathbb\{E\}.* \+ 0\.05$/);
    expect(lines[2]).toContain('= 2\\cdot 1 + 0.05 = 2.05');
  });

  it('has nothing to say without σ_w²', () => {
    expect(lengthMapTex(null, 0)).toBeNull();
  });
});

describe('texNumber', () => {
  it('writes powers of ten as TeX', () => {
    expect(texNumber(0.00390625)).toBe('0.003906');
    expect(texNumber(1.953125e-4)).toBe('1.953\\times10^{-4}');
    expect(texNumber(1e-5)).toBe('10^{-5}');
    expect(texNumber(-2.5e7)).toBe('-2.5\\times10^{7}');
    expect(texNumber(Infinity)).toBe('\\infty');
  });

  it('parenthesizes squares that would otherwise misread', () => {
    expect(texSquared(0.05)).toBe('0.05^2');
    expect(texSquared(1e-5)).toBe('(10^{-5})^2');
    expect(texSquared(-1)).toBe('(-1)^2');
  });
});
