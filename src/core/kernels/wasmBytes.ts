// Compiling the engine's WebAssembly modules, which ship as base64 text (scripts/build-wasm.mjs)
// so that Node, a Worker and tests instantiate them synchronously without fetching a file.

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  // atob exists in browsers, Workers and Node ≥ 16; Buffer does not exist in a Worker.
  const bin = atob(text);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** The compiled module; null when the runtime lacks WebAssembly or 128-bit SIMD. */
export function compileBase64Module(base64: string): WebAssembly.Module | null {
  if (typeof WebAssembly !== 'object') return null;
  const bytes = decodeBase64(base64);
  return WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
}
