// The User Timing contract of a run: a `performance.measure` named exactly `simulation` spans from
// the moment the settings were applied to the moment the charts drew the run's last layer, and
// `simulation:first-layer` to the first drawn layer. Only full runs get one: a drag's preview is
// not the result the settings asked for, so timing it would flatter the figure. The measure's
// detail names the run (runId, depth, retried) and the worker's share of it (workerForwardMs).

const SETTINGS_APPLIED_MARK = 'initscope:settings-applied';
/**
 * When the page first showed a finished run, on the navigation's clock: what a cold link costs a
 * person, from asking for the page to its chart (the first `simulation` measure starts only once
 * the app's code has loaded and applied the link's settings).
 */
export const FIRST_CHART_MARK = 'initscope:first-chart';
let firstChartMarked = false;

const canMeasure = (): boolean => typeof performance.measure === 'function';

/** Marks the moment the settings were applied; returns its time. */
export function markSettingsApplied(): number {
  if (typeof performance.mark !== 'function') return performance.now();
  // One mark at a time: a long slider drag would otherwise pile them up.
  performance.clearMarks(SETTINGS_APPLIED_MARK);
  const at = performance.now();
  performance.mark(SETTINGS_APPLIED_MARK, { startTime: at });
  return at;
}

export class RunTiming {
  /** When the charts first drew every layer of the run. */
  private drawnAt: number | null = null;
  private done = false;
  private measured = false;
  private firstDrawn = false;
  private retried = false;
  /** The worker's time from taking the run to its latest forward layer (its own clock). */
  private workerForwardMs: number | null = null;

  constructor(
    private readonly requestedAt: number,
    private readonly runId: number,
    private readonly depth: number,
  ) {}

  /**
   * A forward layer arrived, computed `elapsedMs` after the worker took the run. The last one's
   * time goes into the measure's detail: the part of the run spent computing, the rest being the
   * request's way to the worker and the page's drawing (benchmarks report the two apart).
   */
  forwardLayer(elapsedMs: number): void {
    if (!this.measured) this.workerForwardMs = elapsedMs;
  }

  /** The charts drew `layerCount` layers of the run. */
  drawn(layerCount: number): void {
    if (this.measured) return;
    if (layerCount > 0 && !this.firstDrawn) {
      // Companion measure for benchmarks: how long until the person sees the first layer.
      this.firstDrawn = true;
      if (canMeasure())
        performance.measure('simulation:first-layer', { start: this.requestedAt, end: performance.now() });
    }
    if (layerCount !== this.depth) return;
    this.drawnAt ??= performance.now();
    if (this.done) this.measure();
  }

  /** The store shows the run as done; the charts may already have drawn every layer. */
  finished(retried: boolean): void {
    this.done = true;
    this.retried = retried;
    if (this.drawnAt !== null) this.measure();
  }

  private measure(): void {
    if (this.measured || this.drawnAt === null) return;
    this.measured = true;
    if (!canMeasure()) return;
    if (!firstChartMarked) {
      firstChartMarked = true;
      performance.mark(FIRST_CHART_MARK, { startTime: this.drawnAt });
    }
    performance.measure('simulation', {
      start: this.requestedAt,
      end: this.drawnAt,
      detail: { runId: this.runId, depth: this.depth, retried: this.retried, workerForwardMs: this.workerForwardMs },
    });
  }
}
