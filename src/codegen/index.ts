// Export as code: the current settings as a runnable PyTorch, JAX, Keras 3 or numpy script, and
// the hooks helper for a user's own PyTorch model.

import { getInitializer } from '../core/initializers';
import type { SimConfig } from '../core/types';
import type { CodeFramework } from './initCode';
import { jaxScript, JAX_FILE } from './jax';
import { kerasScript, KERAS_FILE } from './keras';
import { numpyScript, NUMPY_FILE } from './numpy';
import { pytorchScript, PYTORCH_FILE } from './pytorch';

export type { CodeFramework } from './initCode';
export { HOOKS_FILE, hooksScript } from './hooks';

export const CODE_FRAMEWORKS: readonly CodeFramework[] = ['pytorch', 'jax', 'keras', 'numpy'];

const GENERATORS: Record<CodeFramework, { file: string; script: (config: SimConfig) => string }> = {
  pytorch: { file: PYTORCH_FILE, script: pytorchScript },
  jax: { file: JAX_FILE, script: jaxScript },
  keras: { file: KERAS_FILE, script: kerasScript },
  numpy: { file: NUMPY_FILE, script: numpyScript },
};

/** Settings the scripts do not build yet; the message says which, in one line. */
export class UnsupportedExport extends Error {}

/** Why a config cannot be exported as code, or null when it can (plain, normalized and residual nets can). */
export function exportProblem(config: SimConfig): string | null {
  if (getInitializer(config.init)?.dataDependent)
    return `the exported scripts draw each layer from a fixed law; ${config.init}'s rescaling on a batch is not exported yet`;
  return null;
}

/** The script for a config, and the file name to save it under; throws UnsupportedExport. */
export function emitScript(framework: CodeFramework, config: SimConfig): { fileName: string; code: string } {
  const problem = exportProblem(config);
  if (problem) throw new UnsupportedExport(problem);
  const g = GENERATORS[framework];
  return { fileName: g.file, code: g.script(config) };
}
