// The buffers of the samples a run shows, as the runner hands them back to the worker once the
// store shows another run (client.recycle): the worker fills them with the next run's samples, so
// a new run's samples take the memory of the old ones instead of coming on top of them while the
// old ones wait for the page's next full garbage collection.

/**
 * Each buffer once (a transfer list may not repeat one), and only buffers a sample has to itself,
 * as the worker sends them: never one that was handed back already (detached, 0 bytes long).
 */
export function sampleBuffers(...lists: readonly (readonly (Float32Array | undefined)[])[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const list of lists) {
    for (const sample of list) {
      if (sample && sample.byteOffset === 0 && sample.buffer instanceof ArrayBuffer && sample.buffer.byteLength > 0)
        buffers.add(sample.buffer);
    }
  }
  return [...buffers];
}
