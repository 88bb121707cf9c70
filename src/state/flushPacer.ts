// When the runner writes streamed replies into the store. Every write re-renders and repaints the
// charts, and on a busy machine each such frame risks becoming a long task, so writes in the middle
// of a run are paced: at most every 100 ms, and further apart when the last write took long to
// render (rendering then stays a small share of the page's time; on a machine shared with other
// work, each frame's wall time includes the waits, and the pace drops towards 1 Hz). Urgent
// writes — a run starting, its first and last layer, its outcome — still go out on the next frame.

/** Fastest pace while a run streams: 10 Hz. */
export const MIN_INTERVAL_MS = 100;
/** Slowest pace: a run keeps visibly moving even on a very slow or busy machine. */
export const MAX_INTERVAL_MS = 1000;
/** The interval is this many times the last write's cost, so rendering takes ≲ 1/16 of the time. */
const COST_FACTOR = 16;

type Cancel = () => void;

export interface PacerClock {
  /** Runs the callback on the next animation frame. */
  frame(callback: () => void): Cancel;
  /** Runs the callback after `ms` milliseconds. */
  after(ms: number, callback: () => void): Cancel;
  now(): number;
}

/** Runs the callback on the next animation frame; returns a function that cancels it. */
export function onNextFrame(callback: () => void): Cancel {
  if (typeof requestAnimationFrame === 'function') {
    const handle = requestAnimationFrame(callback);
    return () => cancelAnimationFrame(handle);
  }
  const handle = setTimeout(callback, 16); // Node (tests): no frames, a frame's worth of delay
  return () => clearTimeout(handle);
}

export const browserClock = (frame: PacerClock['frame']): PacerClock => ({
  frame,
  after: (ms, callback) => {
    const handle = setTimeout(callback, ms);
    return () => clearTimeout(handle);
  },
  now: () => performance.now(),
});

export class FlushPacer {
  private cancelScheduled: Cancel | null = null;
  /** The scheduled write waits out the interval (rather than the next frame). */
  private deferred = false;
  private lastAt = -Infinity;
  /** Wall time of the last write and the rendering it caused. */
  private lastCost = 0;

  constructor(private readonly clock: PacerClock) {}

  /** Milliseconds to leave between two paced writes. */
  interval(): number {
    return Math.min(MAX_INTERVAL_MS, Math.max(MIN_INTERVAL_MS, COST_FACTOR * this.lastCost));
  }

  /**
   * Asks for `write` to run: on the next frame when `urgent`, else once the interval since the last
   * write has passed. A write already scheduled stays, unless it waits and this one is urgent.
   */
  request(urgent: boolean, write: () => void): void {
    const wait = urgent ? 0 : this.lastAt + this.interval() - this.clock.now();
    if (this.cancelScheduled && (!this.deferred || wait > 0)) return;
    this.cancelScheduled?.();
    const run = () => {
      this.cancelScheduled = null;
      this.deferred = false;
      this.measure(write);
    };
    this.deferred = wait > 0;
    if (wait <= 0) {
      this.cancelScheduled = this.clock.frame(run);
      return;
    }
    // Wait, then write on a frame: the write and the repaint it causes share one task.
    let cancelFrame: Cancel | null = null;
    const cancelTimer = this.clock.after(wait, () => {
      cancelFrame = this.clock.frame(run);
    });
    this.cancelScheduled = () => {
      cancelTimer();
      cancelFrame?.();
    };
  }

  cancel(): void {
    this.cancelScheduled?.();
    this.cancelScheduled = null;
    this.deferred = false;
  }

  private measure(write: () => void): void {
    const start = this.clock.now();
    this.lastAt = start;
    write();
    // A task queued now runs once this frame's rendering is done (or, on a busy page, later).
    this.clock.after(0, () => {
      this.lastCost = this.clock.now() - start;
    });
  }
}
