// Kernel selection: the wasm SIMD kernel when the runtime supports it, else the JS reference.

import { createJsKernel } from './jsKernel';
import type { MatmulKernel } from './types';
import { createWasmKernel } from './wasmKernel';

export type { KernelName, Layout, MatmulKernel } from './types';
export { createJsKernel } from './jsKernel';
export { createWasmKernel } from './wasmKernel';

/** 'js' forces the reference kernel (e.g. to cross-check results or to debug). */
export function createKernel(prefer: 'auto' | 'js' = 'auto'): MatmulKernel {
  if (prefer === 'auto') {
    const wasm = createWasmKernel();
    if (wasm !== null) return wasm;
  }
  return createJsKernel();
}
