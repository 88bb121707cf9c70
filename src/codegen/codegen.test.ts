import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { run } from '../cli/main';
import { ACTIVATIONS } from '../core/activations';
import { architectureTheory } from '../core/architecture/theory';
import { normalizeConfig, type ConfigInput } from '../core/config';
import { lawBound, realizedVariance } from '../core/distributions';
import { INITIALIZERS } from '../core/initializers';
import {
  frameworkFacts,
  MAPPED_INITIALIZERS,
  pyFan,
  PY_TRUNCATION,
  type PyLaw,
} from '../core/initializers/frameworkCalls';
import type { ParamValues } from '../core/types';
import { CODE_FRAMEWORKS, emitScript, exportProblem, hooksScript, UnsupportedExport } from './index';

/**
 * Evaluates the Python law expressions (numbers, n_in, n_out, + − * / **, parentheses, math.sqrt
 * and max) by recursive descent, so the table is checked without Python.
 */
function evalPy(expr: string, nIn: number, nOut: number): number {
  const tokens = expr.match(/\d+\.?\d*(?:e-?\d+)?|\*\*|math\.sqrt|max|n_in|n_out|[-+*/(),]/g) ?? [];
  let at = 0;
  const take = (t?: string): string => {
    const tok = tokens[at++];
    if (tok === undefined || (t !== undefined && tok !== t)) throw new Error(`bad expression ${expr}`);
    return tok;
  };
  const atom = (): number => {
    const tok = take();
    if (tok === '-') return -power();
    if (tok === '(') {
      const v = sum();
      take(')');
      return v;
    }
    if (tok === 'math.sqrt' || tok === 'max') {
      take('(');
      const args = [sum()];
      while (tokens[at] === ',') {
        at++;
        args.push(sum());
      }
      take(')');
      return tok === 'max' ? Math.max(...args) : Math.sqrt(args[0]!);
    }
    if (tok === 'n_in') return nIn;
    if (tok === 'n_out') return nOut;
    return Number(tok);
  };
  const power = (): number => {
    const base = atom();
    if (tokens[at] !== '**') return base;
    at++;
    return base ** power();
  };
  const product = (): number => {
    let v = power();
    while (tokens[at] === '*' || tokens[at] === '/') v = take() === '*' ? v * power() : v / power();
    return v;
  };
  const sum = (): number => {
    let v = product();
    while (tokens[at] === '+' || tokens[at] === '-') v = take() === '+' ? v + product() : v - product();
    return v;
  };
  const value = sum();
  if (at !== tokens.length) throw new Error(`bad expression ${expr}`);
  return value;
}

/** Variance and largest |w| of a PyLaw at a layer's fans, from the stated law alone. */
function pyLawMoments(law: PyLaw, nIn: number, nOut: number): { variance: number; bound: number } {
  const truncatedRatio = Number(PY_TRUNCATION) ** 2; // Var of N(0, 1) cut at ±2
  switch (law.kind) {
    case 'variance_scaling': {
      const variance = evalPy(`${law.scale} / ${pyFan(law.mode)}`, nIn, nOut);
      if (law.distribution === 'uniform') return { variance, bound: Math.sqrt(3 * variance) };
      if (law.distribution === 'untruncated_normal') return { variance, bound: Infinity };
      return { variance, bound: (2 * Math.sqrt(variance)) / Number(PY_TRUNCATION) };
    }
    case 'normal':
      return { variance: evalPy(law.std, nIn, nOut) ** 2, bound: Infinity };
    case 'truncated_normal': {
      const std = evalPy(law.std, nIn, nOut);
      return { variance: std * std * truncatedRatio, bound: 2 * std };
    }
    case 'uniform': {
      const limit = evalPy(law.limit, nIn, nOut);
      return { variance: (limit * limit) / 3, bound: limit };
    }
    case 'constant':
      return { variance: 0, bound: Math.abs(evalPy(law.value, nIn, nOut)) };
    case 'orthogonal': {
      const gain = evalPy(law.gain, nIn, nOut);
      return { variance: (gain * gain) / Math.max(nIn, nOut), bound: Math.abs(gain) };
    }
    case 'identity': {
      const gain = evalPy(law.gain, nIn, nOut);
      return { variance: (gain * gain * Math.min(nIn, nOut)) / (nIn * nOut), bound: Math.abs(gain) };
    }
    case 'truncated_range': {
      const [mean, std, lo, hi] = [law.mean, law.std, law.lo, law.hi].map((e) => evalPy(e, nIn, nOut)) as [
        number,
        number,
        number,
        number,
      ];
      const variance = realizedVariance({ kind: 'truncated_normal_range', mean, std, lo, hi }, nIn, nOut);
      return { variance, bound: Math.max(Math.abs(lo), Math.abs(hi)) };
    }
    case 'sparse': {
      const std = evalPy(law.std, nIn, nOut);
      const zeros = Math.min(nOut, Math.ceil(evalPy(law.sparsity, nIn, nOut) * nOut));
      return { variance: std * std * (1 - zeros / nOut), bound: Infinity };
    }
  }
}

/** Parameter settings worth checking beyond the defaults. */
const VARIANTS: Record<string, ParamValues[]> = {
  variance_scaling: [
    { scale: 2, mode: 'fan_out', distribution: 'uniform' },
    { scale: 0.5, mode: 'fan_avg', distribution: 'untruncated_normal' },
  ],
  torch_kaiming_normal: [{ a: 0.2, mode: 'fan_out', nonlinearity: 'leaky_relu' }, { nonlinearity: 'tanh' }],
  torch_xavier_uniform: [{ gain: 5 / 3 }],
  tf1_variance_scaling: [{ factor: 1, mode: 'fan_avg', uniform: true }],
  tf1_xavier: [{ uniform: false }],
  random_uniform: [{ limit: 0.3 }],
  orthogonal: [{ gain: 2 }],
  torch_trunc_normal: [{ mean: 0.5, std: 0.02, a: 0.48, b: 0.6 }],
  torch_sparse: [{ sparsity: 0.5, std: 0.1 }],
};

function configsOf(id: string) {
  return [{}, ...(VARIANTS[id] ?? [])].map(
    (initParams) => normalizeConfig({ init: id, initParams, width: '300,700', inputDim: 300 }).config,
  );
}

describe('framework facts', () => {
  it('cover every initializer of the table', () => {
    expect([...MAPPED_INITIALIZERS].sort()).toEqual(INITIALIZERS.map((s) => s.id).sort());
  });

  it("state the same variance and bound as the initializer's own law, at rectangular fans", () => {
    for (const spec of INITIALIZERS) {
      for (const config of configsOf(spec.id)) {
        for (const [nIn, nOut] of [
          [300, 700],
          [700, 300],
        ] as const) {
          const law = spec.weightLaw(nIn, nOut, config.initParams);
          const stated = pyLawMoments(frameworkFacts(spec.id, config.initParams).law, nIn, nOut);
          const label = `${spec.id} ${JSON.stringify(config.initParams)} ${nIn}→${nOut}`;
          expect(stated.variance, label).toBeCloseTo(realizedVariance(law, nIn, nOut), 12);
          const bound = lawBound(law);
          if (Number.isFinite(bound)) expect(stated.bound, label).toBeCloseTo(bound, 12);
          else expect(stated.bound, label).toBe(Infinity);
        }
      }
    }
  });
});

/** Every kind of network the app builds: plain with each norm, residual in each variant. */
const ARCHITECTURES: ConfigInput[] = [
  { norm: 'batch' },
  { norm: 'layer', activation: 'tanh' },
  { norm: 'rms', normEps: 1e-3 },
  { residual: true },
  { residual: true, inputDim: 64, width: 128, branchScale: '1/sqrt(K)' },
  { residual: true, norm: 'layer', normPosition: 'pre', branchScale: '1/K' },
  { residual: true, norm: 'batch', normPosition: 'post' },
  { residual: true, norm: 'rms', branchScale: 0 },
  { residual: true, fixup: true, branchDepth: 3 },
];

describe('exported scripts', () => {
  it('are valid Python for every initializer, activation and framework', () => {
    const scripts: string[] = [hooksScript()];
    for (const spec of INITIALIZERS) {
      if (spec.dataDependent) continue;
      for (const config of configsOf(spec.id))
        for (const f of CODE_FRAMEWORKS) scripts.push(emitScript(f, config).code);
    }
    for (const act of ACTIVATIONS) {
      const { config } = normalizeConfig({ activation: act.id, input: 'uniform', biasStd: 0.1 });
      for (const f of CODE_FRAMEWORKS) scripts.push(emitScript(f, config).code);
    }
    for (const input of ARCHITECTURES) {
      const { config } = normalizeConfig(input);
      for (const f of CODE_FRAMEWORKS) scripts.push(emitScript(f, config).code);
    }
    const check = spawnSync(
      'python3',
      ['-c', 'import ast, json, sys\nfor s in json.load(sys.stdin): ast.parse(s)\nprint("ok")'],
      {
        input: JSON.stringify(scripts),
        encoding: 'utf8',
      },
    );
    expect(check.stderr).toBe('');
    expect(check.stdout.trim()).toBe('ok');
  });

  it('are refused, in one line, for a data-dependent initializer (LSUV)', () => {
    const { config } = normalizeConfig({ init: 'lsuv' });
    expect(exportProblem(config)).toBe(
      "the exported scripts draw each layer from a fixed law; lsuv's rescaling on a batch is not exported yet",
    );
    for (const f of CODE_FRAMEWORKS) expect(() => emitScript(f, config)).toThrow(UnsupportedExport);
  });

  it('carry the settings, the exact framework call and the activation parameters', () => {
    const { config } = normalizeConfig({
      init: 'torch_kaiming_normal',
      initParams: { mode: 'fan_out' },
      activation: 'leaky_relu',
      activationParams: { negative_slope: 0.2 },
      depth: 7,
      width: 96,
      seed: 42,
    });
    const torch = emitScript('pytorch', config).code;
    expect(torch).toContain("nn.init.kaiming_normal_(w, a=0.0, mode='fan_out', nonlinearity='leaky_relu')");
    expect(torch).toContain('nn.LeakyReLU(negative_slope=0.2)');
    expect(torch).toContain('"seed": 42');
    expect(torch).toContain('"widths": [96, 96, 96, 96, 96, 96, 96]');
    expect(emitScript('jax', config).code).toContain(
      "jax.nn.initializers.variance_scaling(1.4142135623730951 ** 2, 'fan_out', 'normal')",
    );
    expect(emitScript('keras', config).code).toContain('keras.activations.leaky_relu(h, negative_slope=0.2)');
    const he = normalizeConfig({ init: 'he_normal', activation: 'gelu' }).config;
    expect(emitScript('keras', he).code).toContain('keras.initializers.HeNormal()');
    expect(emitScript('jax', he).code).toContain('jax.nn.gelu(h, approximate=False)');
    expect(emitScript('numpy', he).code).toContain('truncated_normal(rng, std, (n_in, n_out))');
  });

  it('name the original call and say when the framework has none', () => {
    const { config } = normalizeConfig({ init: 'tf1_xavier', initParams: { uniform: false } });
    const code = emitScript('pytorch', config).code;
    expect(code).toContain('tf.contrib.layers.xavier_initializer(uniform=False)');
    expect(code).toContain('PyTorch has no call for it; the lines below draw the same law.');
    expect(emitScript('keras', normalizeConfig({ init: 'glorot_uniform' }).config).code).not.toContain('has no call');
  });
});

describe('the block theory in a residual script', () => {
  const { config } = normalizeConfig({
    residual: true,
    blocks: 4,
    width: 16,
    batch: 8,
    norm: 'layer',
    branchScale: '1/sqrt(K)',
  });
  const code = emitScript('numpy', config).code;
  /** The numpy script's JSON (numpy is the one framework python3 has without a virtual env). */
  const runScript = (args: string[]) => {
    const r = spawnSync('python3', ['-', ...args], { input: code, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    return JSON.parse(r.stdout) as { blocks: { block: number; theory?: Record<string, number | null> }[] };
  };

  it('is the app’s own theory for the emitted settings, in the CLI’s field order', () => {
    const expected = architectureTheory(config).blocks;
    // Pre-LayerNorm: B(r(q)) with r < 1 per block, so each block's value differs from the last.
    expect(new Set(expected.map((b) => b.streamSecondMoment)).size).toBe(4);
    for (const args of [[], ['--seed', '9', '--batch', '5']]) {
      const blocks = runScript(args).blocks;
      expect(blocks.map((b) => b.theory)).toEqual(
        expected.map((b) => ({ streamSecondMoment: b.streamSecondMoment, branchSecondMoment: b.branchSecondMoment })),
      );
      expect(Object.keys(blocks[0]!)).toEqual(['block', 'stream', 'branch', 'theory']);
    }
  });

  it('is left out, never carried over, when --blocks or --width make another network', () => {
    for (const args of [
      ['--blocks', '3'],
      ['--width', '32'],
    ]) {
      const blocks = runScript(args).blocks;
      expect(blocks.length).toBe(args[0] === '--blocks' ? 3 : 4);
      for (const b of blocks) expect(b).not.toHaveProperty('theory');
    }
  });
});

describe('simulate --emit', () => {
  it('prints the script for the settings instead of running them', () => {
    const r = run(['--emit', 'jax', '--init', 'lecun_normal', '--activation', 'selu', '--depth', '5']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('jax.nn.initializers.lecun_normal()');
    expect(r.stdout).toContain('"depth": 5');
  });

  it('prints residual and normalized networks with the framework’s own norm layers', () => {
    const r = run(['--emit', 'pytorch', '--residual', '--blocks', '6', '--norm', 'rms', '--norm-eps', '0.001']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('The network: a residual network of 6 blocks with RMSNorm (pre-norm).');
    expect(r.stdout).toContain('nn.RMSNorm(width, eps=eps, device=device)');
    expect(r.stdout).toContain('"normEps": 0.001');
    expect(r.stdout).toContain("parser.add_argument('--blocks'");
    expect(r.stdout).not.toContain("parser.add_argument('--depth'");
    expect(r.stdout).toContain("'blocks': with_theory(config, block_records)");
    const keras = run(['--emit', 'keras', '--norm', 'batch', '--depth', '4']).stdout;
    expect(keras).toContain('keras.layers.BatchNormalization(epsilon=eps)');
    expect(keras).toContain('activation(norms[i](h, training=True))');
    const jax = run(['--emit', 'jax', '--residual', '--norm', 'layer', '--norm-position', 'post']).stdout;
    expect(jax).toContain("algorithm='stable'");
    expect(jax).toContain('x = normalize(x + alpha * h) + stream_shifts[k]');
    const numpy = run(['--emit', 'numpy', '--residual', '--fixup']).stdout;
    expect(numpy).toContain('scale = fixup_multiplier(config, i)');
    expect(numpy).toContain('x = x + alpha * h');
  });

  it('leave a plain network without a norm as it was: no norm, no blocks', () => {
    for (const f of CODE_FRAMEWORKS) {
      const code = emitScript(f, normalizeConfig({}).config).code;
      expect(code).not.toMatch(/norm_layer|normalize\(|residual_shape|block_record|--blocks/);
    }
  });

  it('refuses an unknown framework with one line', () => {
    const r = run(['--emit', 'caffe']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('initscope: --emit "caffe" is not one of pytorch, jax, keras, numpy\n');
  });
});
