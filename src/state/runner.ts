// Keeps a simulation running for whatever the settings are. Each settings change cancels the run
// in flight and starts one for the newest settings — changes within one animation frame become a
// single run, so a dragged slider never builds a queue. Replies are buffered and written into the
// store once per frame, so a fast run costs a handful of renders, not one per layer.
//
// Timing contract: a `performance.measure` named exactly `simulation` spans from the moment the
// settings were applied to the moment the charts drew the run's last layer (see notifyDrawn).

import { useApp, store, type AppState, type RunPhase, type RunState } from './store';
import { dismissNotice, pushNotice } from './actions';
import { browserClock, FlushPacer } from './flushPacer';
import { SimulationClient, liveWorkerCount, testHooksEnabled } from '../worker/client';
import { checkBudget, describeOverBudget } from '../core/budget';
import type { GradientStats, LayerStats, LayerTheory, SimConfig } from '../core/types';

/** Runs still going after this long show a progress bar. */
const SLOW_AFTER_MS = 200;
const SETTINGS_APPLIED_MARK = 'initscope:settings-applied';
const NOTICE_KEY = 'worker';

interface TestHandle {
  store: typeof store;
  crashWorker(mode: 'throw' | 'hang'): boolean;
  /** Simulation workers alive on the page (a replaced worker must not linger). */
  liveWorkers: () => number;
}

declare global {
  interface Window {
    /** Present only on pages opened with ?testhook=1, for end-to-end tests. */
    __initscope?: TestHandle;
  }
}

/** Everything the runner knows about the run in flight. */
interface Flight {
  seq: number;
  config: SimConfig;
  requestedAt: number;
  /** Set once the store shows the run as done. */
  done: boolean;
  retried: boolean;
  /** The store shows this run's results (its `started` reply has been written). */
  shown: boolean;
  /** When the charts first drew every layer of this run. */
  drawnAt: number | null;
  measured: boolean;
  firstDrawn: boolean;
}

/** Replies received since the last frame. */
interface Pending {
  started: { theory: LayerTheory[]; kernel: string } | null;
  layers: LayerStats[];
  samples: Float32Array[];
  gradients: { layer: number; stats: GradientStats; sample: Float32Array }[];
  outcome: { kind: 'done'; elapsedMs: number } | { kind: 'error'; message: string } | null;
  lastElapsedMs: number;
}

const emptyPending = (): Pending => ({ started: null, layers: [], samples: [], gradients: [], outcome: null, lastElapsedMs: 0 });

function onNextFrame(callback: () => void): () => void {
  if (typeof requestAnimationFrame === 'function') {
    const handle = requestAnimationFrame(callback);
    return () => cancelAnimationFrame(handle);
  }
  const handle = setTimeout(callback, 16); // Node (tests): no frames, a frame's worth of delay
  return () => clearTimeout(handle);
}

function markSettingsApplied(): number {
  if (typeof performance.mark !== 'function') return performance.now();
  // One mark at a time: a long slider drag would otherwise pile them up.
  performance.clearMarks(SETTINGS_APPLIED_MARK);
  return performance.mark(SETTINGS_APPLIED_MARK).startTime;
}

function setRun(patch: Partial<RunState>): void {
  store.setState((s) => ({ run: { ...s.run, ...patch } }));
}

/** Gradients arrive from the top layer down; each goes to index layer − 1, leaving the lower ones missing. */
function withGradients(base: RunState, arrived: Pending['gradients']): Pick<RunState, 'gradients' | 'gradientSamples'> {
  if (arrived.length === 0) return { gradients: base.gradients, gradientSamples: base.gradientSamples };
  const gradients = base.gradients.slice();
  const gradientSamples = base.gradientSamples.slice();
  for (const { layer, stats, sample } of arrived) {
    gradients[layer - 1] = stats;
    gradientSamples[layer - 1] = sample;
  }
  return { gradients, gradientSamples };
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
  private slowTimer: ReturnType<typeof setTimeout> | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(readonly client: SimulationClient) {}

  start(): void {
    this.unsubscribe = store.subscribe((state, previous) => {
      if (state.config !== previous.config) this.request();
    });
    this.client.prepare();
    this.request();
  }

  stop(): void {
    this.unsubscribe?.();
    this.cancelLaunch?.();
    this.pacer.cancel();
    this.clearSlowTimer();
    this.client.cancel();
    this.flight = null;
  }

  /** The settings changed: stop the current work now, start the newest settings next frame. */
  private request(): void {
    this.client.cancel();
    this.flight = null;
    this.requestedAt = markSettingsApplied();
    this.cancelLaunch ??= onNextFrame(() => {
      this.cancelLaunch = null;
      this.launch();
    });
  }

  private launch(): void {
    const config = store.getState().config;
    const seq = ++this.seq;
    const flight: Flight = { seq, config, requestedAt: this.requestedAt, done: false, retried: false, shown: false, drawnAt: null, measured: false, firstDrawn: false };
    this.flight = flight;
    this.pending = emptyPending();
    this.clearSlowTimer();
    const stale = store.getState().notices.find((n) => n.key === NOTICE_KEY);
    if (stale) dismissNotice(stale.id);
    // The previous results stay visible until this run's first reply replaces them.
    setRun({ phase: 'running', error: null, startedAt: flight.requestedAt, progress: 0, slow: false });
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
    this.client.run(config, {
      onStarted: (theory, kernel) => {
        if (!mine()) return;
        this.pending = { ...emptyPending(), started: { theory, kernel } };
        this.scheduleFlush();
      },
      onLayer: (stats, sample, elapsedMs) => {
        if (!mine()) return;
        this.pending.layers.push(stats);
        this.pending.samples.push(sample);
        this.pending.lastElapsedMs = elapsedMs;
        this.scheduleFlush();
      },
      onGradient: (layer, stats, sample, elapsedMs) => {
        if (!mine()) return;
        this.pending.gradients.push({ layer, stats, sample });
        this.pending.lastElapsedMs = elapsedMs;
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
    });
  }

  private scheduleFlush(): void {
    this.pacer.request(this.flushUrgent(), () => this.flush());
  }

  /** What is pending changes what a person sees at once: a run starts, ends, or shows its first or last layer. */
  private flushUrgent(): boolean {
    const { flight, pending } = this;
    if (!flight || !flight.shown || pending.started || pending.outcome) return true;
    const shownLayers = store.getState().run.layers.length;
    const depth = flight.config.widths.length;
    // Replies after the last layer (the backward pass) stream at the interval like the middle ones.
    return shownLayers === 0 || (shownLayers < depth && shownLayers + pending.layers.length >= depth);
  }

  /** Writes everything received since the last frame into the store in one update. */
  private flush(): void {
    const flight = this.flight;
    if (!flight) return;
    const { started, layers, samples, gradients, outcome, lastElapsedMs } = this.pending;
    this.pending = emptyPending();
    const depth = flight.config.widths.length;
    if (started) flight.shown = true;
    // A run that fails before its first reply (refused, or crashed twice) must not leave the
    // previous settings' results on screen as if they were these settings'.
    const cleared = outcome?.kind === 'error' && !flight.shown;
    store.setState((s) => {
      const base: RunState = started
        ? { ...s.run, id: flight.seq, config: flight.config, theory: started.theory, kernel: started.kernel, layers: [], samples: [], gradients: [], gradientSamples: [] }
        : cleared
          ? { ...s.run, id: flight.seq, config: flight.config, theory: [], kernel: '', layers: [], samples: [], gradients: [], gradientSamples: [] }
          : s.run;
      // Replies before `started` cannot exist, so layers here always belong to this run.
      const run: RunState = {
        ...base,
        layers: layers.length > 0 ? [...base.layers, ...layers] : base.layers,
        samples: samples.length > 0 ? [...base.samples, ...samples] : base.samples,
        ...withGradients(base, gradients),
        elapsedMs: outcome?.kind === 'done' ? outcome.elapsedMs : layers.length + gradients.length > 0 ? lastElapsedMs : base.elapsedMs,
      };
      run.progress = outcome?.kind === 'done' ? 1 : flight.shown ? run.layers.length / depth : 0;
      if (outcome?.kind === 'done') Object.assign(run, { phase: 'done', slow: false, error: null });
      if (outcome?.kind === 'error') Object.assign(run, { phase: 'error', slow: false, error: outcome.message });
      return { run };
    });
    if (outcome) this.settle(flight, outcome.kind === 'done');
  }

  private settle(flight: Flight, succeeded: boolean): void {
    this.clearSlowTimer();
    if (!succeeded) {
      this.flight = null;
      return;
    }
    flight.done = true;
    if (flight.retried) pushNotice(NOTICE_KEY, 'The simulation worker had to be restarted; the run then completed on a fresh worker.', 'info');
    // The charts may already have drawn every layer before `done` arrived.
    if (flight.drawnAt !== null) this.measure(flight);
  }

  drawn(runId: number, layerCount: number): void {
    const flight = this.flight;
    if (!flight || flight.seq !== runId || flight.measured) return;
    if (layerCount > 0 && !flight.firstDrawn) {
      // Companion measure for benchmarks: how long until the person sees the first layer.
      flight.firstDrawn = true;
      if (typeof performance.measure === 'function') performance.measure('simulation:first-layer', { start: flight.requestedAt, end: performance.now() });
    }
    if (layerCount !== flight.config.widths.length) return;
    flight.drawnAt ??= performance.now();
    if (flight.done) this.measure(flight);
  }

  private measure(flight: Flight): void {
    if (flight.measured || flight.drawnAt === null) return;
    flight.measured = true;
    if (typeof performance.measure !== 'function') return;
    performance.measure('simulation', {
      start: flight.requestedAt,
      end: flight.drawnAt,
      detail: { runId: flight.seq, depth: flight.config.widths.length, retried: flight.retried },
    });
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
export function startRunner(client: SimulationClient = new SimulationClient({ correlations: true })): () => void {
  active?.stop();
  const runner = new Runner(client);
  active = runner;
  runner.start();
  if (testHooksEnabled() && typeof window !== 'undefined') {
    window.__initscope = { store, crashWorker: (mode) => client.crash(mode), liveWorkers: liveWorkerCount };
  }
  return () => {
    runner.stop();
    client.dispose();
    if (active === runner) active = null;
    if (typeof window !== 'undefined' && window.__initscope?.store === store) delete window.__initscope;
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

/** Fraction of the run in flight received so far (1 when done, 0 before any run). */
export function selectRunProgress(s: AppState): number {
  return s.run.progress;
}

export interface RunProgress {
  phase: RunPhase;
  fraction: number;
  /** Show a progress bar: the run is still going after ~200 ms. */
  showBar: boolean;
}

export function useRunProgress(): RunProgress {
  const phase = useApp((s) => s.run.phase);
  const fraction = useApp(selectRunProgress);
  const slow = useApp((s) => s.run.slow);
  return { phase, fraction, showBar: phase === 'running' && slow };
}
