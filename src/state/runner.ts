// Keeps a simulation running for whatever the settings are. Each settings change cancels the run
// in flight and starts one for the newest settings — changes within one animation frame become a
// single run, so a dragged slider never builds a queue. Replies are buffered and written into the
// store once per frame, so a fast run costs a handful of renders, not one per layer.
//
// While settings are dragged, an expensive run is first previewed with a smaller batch
// (previewPolicy.ts); when the drag ends, the full run of the settings it ended on follows. Only
// full runs reach phase 'done' and get the `simulation` timing (runTiming.ts, see notifyDrawn).

import { store, type RunState } from './store';
import { dismissNotice, pushNotice } from './actions';
import { DragTracker } from './dragTracker';
import { browserClock, FlushPacer, onNextFrame } from './flushPacer';
import { previewConfigFor, type PreviewInfo } from './previewPolicy';
import { applyReplies, emptyPending } from './runReplies';
import { markSettingsApplied, RunTiming } from './runTiming';
import { sampleBuffers } from './sampleBuffers';
import { installTestHandle } from './testHandle';
import { SimulationClient } from '../worker/client';
import { takeSimWorker } from '../worker/simWorker';
import { checkBudget, describeOverBudget } from '../core/budget';
import type { SimConfig } from '../core/types';

/** Runs still going after this long show a progress bar. */
const SLOW_AFTER_MS = 200;
const NOTICE_KEY = 'worker';

/** Everything the runner knows about the run in flight. */
interface Flight {
  seq: number;
  config: SimConfig;
  /** Set for a drag's preview (smaller batch, forward only); null for the full run. */
  preview: PreviewInfo | null;
  /** Set once the store shows the run as done (a preview: once its last forward layer arrived). */
  done: boolean;
  retried: boolean;
  /** The store shows this run's results (its `started` reply has been written). */
  shown: boolean;
  /** The full run's User Timing measures; a preview has none. */
  timing: RunTiming | null;
}

function setRun(patch: Partial<RunState>): void {
  store.setState((s) => ({ run: { ...s.run, ...patch } }));
}

class Runner {
  /** Continues from the store, so a restarted runner never reuses the id of results shown. */
  private seq = store.getState().run.id;
  private flight: Flight | null = null;
  private pending = emptyPending();
  private requestedAt = 0;
  private cancelLaunch: (() => void) | null = null;
  /** Writes streamed replies into the store: at once for a run's first and last layer, paced between. */
  private readonly pacer = new FlushPacer(browserClock(onNextFrame));
  /** While settings are dragged, expensive runs are previewed; the drag's end starts the full run. */
  private readonly drag = new DragTracker(() => this.dragEnded());
  /** The last run launched was a preview: the drag's end owes it a full run. */
  private previewing = false;
  /** Whether any run has been launched yet (see request). */
  private launched = false;
  private slowTimer: ReturnType<typeof setTimeout> | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    readonly client: SimulationClient,
    private readonly releases: EventTarget | null,
  ) {}

  start(): void {
    this.unsubscribe = store.subscribe((state, previous) => {
      if (state.config !== previous.config) this.request();
    });
    if (this.releases) this.drag.listen(this.releases);
    this.client.prepare();
    this.request();
  }

  stop(): void {
    this.unsubscribe?.();
    this.cancelLaunch?.();
    this.cancelLaunch = null;
    this.drag.stop();
    this.pacer.cancel();
    this.clearSlowTimer();
    this.client.cancel();
    this.flight = null;
  }

  /** The settings changed: stop the current work now, start the newest settings next frame. */
  private request(): void {
    const inFlight = this.flight !== null && !this.flight.done;
    this.client.cancel();
    this.flight = null;
    this.requestedAt = markSettingsApplied();
    // Opening the page is not a drag: the runner's first request and the link's settings, loaded
    // a moment later, are one change, and the page opens on the full run.
    if (this.launched) this.drag.change(this.requestedAt, inFlight || this.cancelLaunch !== null);
    this.scheduleLaunch();
  }

  private scheduleLaunch(): void {
    this.cancelLaunch ??= onNextFrame(() => {
      this.cancelLaunch = null;
      this.launch();
    });
  }

  /**
   * The drag is over: the full run of the settings it ended on replaces the preview (shown, still
   * going, or failed). Nothing to do when the last run launched was already the full one (a
   * config too cheap to preview, or one refused over the budget).
   */
  private dragEnded(): void {
    if (this.cancelLaunch !== null) return; // the launch on the next frame sees the drag is over
    if (!this.previewing) return;
    this.client.cancel();
    this.launch();
  }

  private launch(): void {
    this.launched = true;
    const full = store.getState().config;
    const previewConfig = this.drag.dragging ? previewConfigFor(full) : null;
    const config = previewConfig ?? full;
    const preview = previewConfig ? { batch: previewConfig.batch, fullBatch: full.batch } : null;
    this.previewing = preview !== null;
    const seq = ++this.seq;
    const timing = preview ? null : new RunTiming(this.requestedAt, seq, config.widths.length);
    const flight: Flight = { seq, config, preview, done: false, retried: false, shown: false, timing };
    this.flight = flight;
    this.pending = emptyPending();
    this.clearSlowTimer();
    const stale = store.getState().notices.find((n) => n.key === NOTICE_KEY);
    if (stale) dismissNotice(stale.id);
    // The previous results stay visible until this run's first reply replaces them.
    setRun({ phase: 'running', error: null, startedAt: this.requestedAt, progress: 0, slow: false });
    this.slowTimer = setTimeout(() => {
      this.slowTimer = null;
      if (this.flight === flight && !flight.done) setRun({ slow: true });
    }, SLOW_AFTER_MS);

    // Settings past the run budget are not attempted: a notice and the chart say why and what fits.
    const budget = checkBudget(config);
    if (!budget.ok) {
      const message = `Not run: ${describeOverBudget(config, budget, 'words')}.`;
      this.pending = { ...emptyPending(), outcome: { kind: 'error', message } };
      pushNotice(NOTICE_KEY, message, 'warning');
      this.scheduleFlush();
      return;
    }

    const mine = () => this.flight === flight;
    this.client.run(
      config,
      {
        onStarted: (theory, kernel) => {
          if (!mine()) return;
          this.pending = { ...emptyPending(), started: { theory, kernel } };
          this.scheduleFlush();
        },
        onLayer: (stats, sample, elapsedMs, preSample) => {
          if (!mine()) return;
          flight.timing?.forwardLayer(elapsedMs);
          this.pending.layers.push(stats);
          this.pending.samples.push(sample);
          this.pending.preSamples.push(preSample);
          this.pending.lastElapsedMs = elapsedMs;
          this.scheduleFlush();
        },
        onGradient: (layer, stats, sample, elapsedMs) => {
          if (!mine()) return;
          this.pending.gradients.push({ layer, stats, sample });
          this.pending.lastElapsedMs = elapsedMs;
          this.scheduleFlush();
        },
        onBlock: (stats) => {
          if (!mine()) return;
          this.pending.blocks.push(stats);
          this.scheduleFlush();
        },
        onBlockGradient: (gradient) => {
          if (!mine()) return;
          this.pending.blockGradients.push(gradient);
          this.scheduleFlush();
        },
        onDone: (elapsedMs) => {
          if (!mine()) return;
          this.pending.outcome = { kind: 'done', elapsedMs };
          this.scheduleFlush();
        },
        onError: (message, retrying) => {
          if (!mine()) return;
          if (retrying) {
            // The run starts over on a fresh worker; its `started` reply will clear the layers.
            flight.retried = true;
            this.pending = emptyPending();
            pushNotice(NOTICE_KEY, message, 'warning');
            return;
          }
          this.pending.outcome = { kind: 'error', message };
          pushNotice(NOTICE_KEY, message, 'error');
          this.scheduleFlush();
        },
      },
      // A preview is forward only: gradients and correlations wait for the full run.
      preview ? { backward: false, correlations: false } : {},
    );
  }

  private scheduleFlush(): void {
    this.pacer.request(this.flushUrgent(), () => this.flush());
  }

  /** What is pending changes what a person sees at once: a run starts, ends, or shows its first or last layer. */
  private flushUrgent(): boolean {
    const { flight, pending } = this;
    if (!flight || !flight.shown || pending.started || pending.outcome) return true;
    // A preview is there to be seen at once, and the settings stay still for only 200 ms before
    // the full run replaces it: at the paced interval (≥ 100 ms) it would never get past its
    // first layer. It is forward only and small, so a write per frame stays cheap.
    if (flight.preview) return true;
    const shownLayers = store.getState().run.layers.length;
    const depth = flight.config.widths.length;
    // Replies after the last layer (the backward pass) stream at the interval like the middle ones.
    return shownLayers === 0 || (shownLayers < depth && shownLayers + pending.layers.length >= depth);
  }

  /** Writes everything received since the last frame into the store in one update. */
  private flush(): void {
    const flight = this.flight;
    if (!flight) return;
    const pending = this.pending;
    this.pending = emptyPending();
    const target = { id: flight.seq, config: flight.config, preview: flight.preview, shown: flight.shown };
    if (pending.started) {
      flight.shown = true;
      // This write replaces the results shown. Their samples go back to the worker, which fills
      // them with the next ones (sampleBuffers.ts): left to V8, they would wait for the page's
      // next full collection, under the new run's samples (32 MB at depth 1000 with gradients).
      const shown = store.getState().run;
      this.client.recycle(sampleBuffers(shown.samples, shown.preSamples, shown.gradientSamples));
    }
    store.setState((s) => ({ run: applyReplies(s.run, target, pending) }));
    if (pending.outcome) this.settle(flight, pending.outcome.kind === 'done');
  }

  private settle(flight: Flight, succeeded: boolean): void {
    this.clearSlowTimer();
    if (!succeeded) {
      this.flight = null;
      return;
    }
    flight.done = true;
    if (flight.retried)
      pushNotice(
        NOTICE_KEY,
        'The simulation worker had to be restarted; the run then completed on a fresh worker.',
        'info',
      );
    flight.timing?.finished(flight.retried);
  }

  drawn(runId: number, layerCount: number): void {
    if (this.flight?.seq === runId) this.flight.timing?.drawn(layerCount);
  }

  private clearSlowTimer(): void {
    if (this.slowTimer !== null) clearTimeout(this.slowTimer);
    this.slowTimer = null;
  }
}

let active: Runner | null = null;

/**
 * Starts running simulations for the store's settings; returns a function that stops it.
 * One runner per page: starting another stops the first.
 */
// Correlations between inputs feed the correlation chart; over at most 64 inputs they cost one
// small Gram matrix per layer (see layerCorrelation.ts).
// `releases` is where pointer and key releases end a drag at once (the window; tests pass their own).
// Its worker is the one the page's entry started early (simWorker.ts), when there is one.
export function startRunner(
  client: SimulationClient = new SimulationClient({ correlations: true, createWorker: takeSimWorker }),
  releases: EventTarget | null = typeof window !== 'undefined' ? window : null,
): () => void {
  active?.stop();
  const runner = new Runner(client, releases);
  active = runner;
  runner.start();
  const removeTestHandle = installTestHandle(client);
  return () => {
    runner.stop();
    client.dispose();
    if (active === runner) active = null;
    removeTestHandle();
  };
}

/**
 * Charts call this from a useEffect after rendering `layerCount` layers of run `runId`
 * (store.run.id). When that is the whole network of a finished run, the `simulation` measure
 * is recorded — once per run, however often the charts re-render.
 */
export function notifyDrawn(runId: number, layerCount: number): void {
  active?.drawn(runId, layerCount);
}
