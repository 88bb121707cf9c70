// Export as code: the current settings as a runnable PyTorch, JAX, Keras 3 or numpy script, and
// the hooks helper for a user's own PyTorch model.

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

/** The script for a config, and the file name to save it under. */
export function emitScript(framework: CodeFramework, config: SimConfig): { fileName: string; code: string } {
  const g = GENERATORS[framework];
  return { fileName: g.file, code: g.script(config) };
}
