import { describe, expect, it } from 'vitest';
import { sampleBuffers } from './sampleBuffers';

describe('sampleBuffers', () => {
  it('lists each buffer once, and none that is shared, detached or missing', () => {
    const a = new Float32Array(4);
    const b = new Float32Array(new ArrayBuffer(64), 0, 2);
    const inside = new Float32Array(new ArrayBuffer(64), 16, 4);
    const detached = new Float32Array(4);
    structuredClone(detached.buffer, { transfer: [detached.buffer] });
    expect(sampleBuffers([a, b, a, undefined], [inside, detached, b])).toEqual([a.buffer, b.buffer]);
  });
});
