import { describe, expect, it } from 'vitest';
import { Barrier, BARRIER_WORDS, STOP_REASON } from './barrier';

describe('Barrier', () => {
  it('a team of one passes at once until stopped', () => {
    const barrier = new Barrier(new Int32Array(BARRIER_WORDS), 1);
    expect(barrier.arriveAndWait()).toBe(true);
    barrier.stop(STOP_REASON.cancelled);
    expect(barrier.arriveAndWait()).toBe(false);
  });

  it('after a stop, members return at once instead of waiting; the first reason is kept', () => {
    const control = new Int32Array(new SharedArrayBuffer(BARRIER_WORDS * 4));
    const barrier = new Barrier(control, 3);
    barrier.stop(STOP_REASON.failed);
    barrier.stop(STOP_REASON.cancelled);
    expect(barrier.arriveAndWait()).toBe(false);
    expect(barrier.stopReason()).toBe(STOP_REASON.failed);
  });
});
