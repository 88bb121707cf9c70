// The parity suite's bridge to Python: writes exported scripts to a folder, runs them in the
// framework venv (scripts/frameworks/setup.sh) through harness.py, one process per batch of jobs.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { emitScript, type CodeFramework } from '../../src/codegen';
import type { SimConfig } from '../../src/core/types';

export const ROOT = new URL('../..', import.meta.url).pathname;
export const PYTHON = join(ROOT, '.venv-frameworks', 'bin', 'python');
export const OUT = join(ROOT, 'test-results-frameworks');

/** The import name of each framework, for the one-line failure when one is missing. */
const MODULES: Record<CodeFramework, string> = { pytorch: 'torch', jax: 'jax', keras: 'keras', numpy: 'numpy' };

/** The versions of the frameworks in the venv; throws one line naming a framework that is missing. */
export function frameworkVersions(): Record<CodeFramework, string> {
  if (!existsSync(PYTHON))
    throw new Error('frameworks: no .venv-frameworks (run npm run test:frameworks, which creates it)');
  const out: Partial<Record<CodeFramework, string>> = {};
  for (const [framework, module] of Object.entries(MODULES) as [CodeFramework, string][]) {
    const r = spawnSync(PYTHON, ['-c', `import ${module}; print(${module}.__version__)`], {
      encoding: 'utf8',
      env: pythonEnv(),
    });
    if (r.status !== 0)
      throw new Error(`frameworks: ${framework} (${module}) cannot be imported: ${r.stderr.trim().split('\n').at(-1)}`);
    out[framework] = r.stdout.trim();
  }
  return out as Record<CodeFramework, string>;
}

export function pythonEnv(): NodeJS.ProcessEnv {
  // Keras 3 on the JAX backend (TensorFlow is not installed); quiet, single-threaded BLAS on 2 cores.
  return { ...process.env, KERAS_BACKEND: 'jax', TF_CPP_MIN_LOG_LEVEL: '3', OMP_NUM_THREADS: '1', PYTHONHASHSEED: '0' };
}

let counter = 0;

/** Writes the script for a config and returns its path. */
export function writeScript(framework: CodeFramework, config: SimConfig): string {
  mkdirSync(join(OUT, 'scripts'), { recursive: true });
  const path = join(OUT, 'scripts', `${framework}_${config.init}_${counter++}.py`);
  writeFileSync(path, emitScript(framework, config).code);
  return path;
}

export interface InitJob {
  kind: 'init';
  script: string;
  framework: CodeFramework;
  shapes: [number, number][];
}
export interface RunJob {
  kind: 'run';
  script: string;
  framework: CodeFramework;
  seeds: number[];
}
export interface NormJob {
  kind: 'norm';
  script: string;
  framework: CodeFramework;
  /** B rows of N values. */
  input: number[][];
}
export interface Sample {
  mean: number;
  secondMoment: number;
  fourthMoment: number;
  min: number;
  max: number;
  count: number;
}

/** Runs jobs in one Python process; results in job order. */
export function runJobs<T>(jobs: (InitJob | RunJob | NormJob)[]): T[] {
  const r = spawnSync(PYTHON, [join(ROOT, 'tests', 'frameworks', 'harness.py')], {
    input: JSON.stringify(jobs),
    encoding: 'utf8',
    env: pythonEnv(),
    maxBuffer: 1 << 30,
  });
  if (r.status !== 0) throw new Error(`harness failed: ${r.stderr.trim().split('\n').slice(-5).join('\n')}`);
  return JSON.parse(r.stdout) as T[];
}
