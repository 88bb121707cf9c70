// A reusable barrier for a team of threads sharing an Int32Array (in a SharedArrayBuffer), built
// on Atomics.wait/notify, which Node's worker_threads, Node's main thread and browsers' Web
// Workers all allow (a browser's main thread does not: a team's leader there must be a worker).
//
// Control words: an arrival count, a generation number bumped by the last arrival (the others
// sleep until it changes), and a stop flag that ends a run early — set by the leader when its
// consumer stops reading layers, or by a member that failed.

export const BARRIER_WORDS = 3;
const COUNT = 0;
const GENERATION = 1;
const STOP = 2;

export const STOP_REASON = { none: 0, cancelled: 1, failed: 2 } as const;

export class Barrier {
  constructor(
    private readonly control: Int32Array,
    private readonly members: number,
  ) {}

  /** Waits for every member; false (at once) when the run has been stopped. */
  arriveAndWait(): boolean {
    const c = this.control;
    if (this.members === 1) return Atomics.load(c, STOP) === STOP_REASON.none;
    // The generation is read before arriving: it cannot move on until this member has arrived.
    const generation = Atomics.load(c, GENERATION);
    if (Atomics.load(c, STOP) !== STOP_REASON.none) return false;
    if (Atomics.add(c, COUNT, 1) === this.members - 1) {
      Atomics.store(c, COUNT, 0);
      Atomics.add(c, GENERATION, 1);
      Atomics.notify(c, GENERATION);
    } else {
      while (Atomics.load(c, GENERATION) === generation) Atomics.wait(c, GENERATION, generation);
    }
    return Atomics.load(c, STOP) === STOP_REASON.none;
  }

  /**
   * Ends the run for everyone: members waiting now wake, later arrivals return at once. The
   * generation moves too, so a member between reading it and sleeping does not sleep through.
   */
  stop(reason: (typeof STOP_REASON)['cancelled' | 'failed']): void {
    Atomics.compareExchange(this.control, STOP, STOP_REASON.none, reason);
    Atomics.add(this.control, GENERATION, 1);
    Atomics.notify(this.control, GENERATION);
  }

  stopReason(): number {
    return Atomics.load(this.control, STOP);
  }
}
