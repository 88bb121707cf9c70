// The app's single zustand store: what the person set (config + view, mirrored in the URL),
// the run in progress (filled by the worker client as layers stream in) and the notices shown.
// Actions are module-level functions in actions.ts, callable from UI, worker client and tests.

import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { normalizeConfig } from '../core/config';
import { emptyCompare, type CompareState } from './compareState';
import { DEFAULT_EMBED_VIEW, type EmbedView } from './embedFields';
import type { PreviewInfo } from './previewPolicy';
import type { BlockGradient } from '../core/architecture/backward';
import type { BlockStats } from '../core/architecture/blockStats';
import type { GradientStats, LayerStats, LayerTheory, SimConfig } from '../core/types';

export type HistogramMode = 'ridgeline' | 'heatmap';
export type HistogramRange = 'adaptive' | 'fixed';
/** What the distributions panel shows: the outputs φ(h), the pre-activations h or the gradients δ. */
export type HistogramValues = 'activations' | 'preactivations' | 'gradients';
/** What the signal chart's x axis counts for a residual network: its blocks or its linear layers. */
export type SignalAxis = 'block' | 'layer';

/** How the page shows the settings (in links); the embed keys' part is in embedFields.ts. */
export interface ViewSettings extends EmbedView {
  /** Also plot the post-activation second moment on the signal chart. */
  showActivations: boolean;
  /** Also plot the back-propagated second moment E[δ²] (in links as grads=0 when hidden). */
  showGradients: boolean;
  histogram: HistogramMode;
  histRange: HistogramRange;
  histValues: HistogramValues;
  /** A residual network's signal chart: the stream per block (default) or every linear layer. */
  signalAxis: SignalAxis;
  /** Presentation mode: the chart fills the screen in large type (in links as present=1). */
  presenting: boolean;
  /** Compute and show the input–output Jacobian's singular values (in links as jacobian=1). */
  showJacobian: boolean;
  /** Run and show the width sweep (in links as sweep=1). */
  showSweep: boolean;
}

export type RunPhase = 'idle' | 'running' | 'done' | 'error';

export interface RunState {
  /** Id of the run whose results are shown; replies for any other id are dropped. */
  id: number;
  phase: RunPhase;
  /** The config the shown results belong to (may lag `config` while a new run starts). */
  config: SimConfig | null;
  theory: LayerTheory[];
  layers: LayerStats[];
  /** Per layer, a sample of post-activation values for the distribution charts. */
  samples: Float32Array[];
  /** Per layer, the same units' pre-activations h, for the pre-activation histograms. */
  preSamples: Float32Array[];
  /**
   * The backward pass, indexed by layer − 1. It arrives from the top layer down after every
   * forward layer, so while it streams the lower entries are still missing (undefined).
   */
  gradients: GradientStats[];
  /** Per layer (index layer − 1), a sample of δ values for the gradient histograms. */
  gradientSamples: Float32Array[];
  /** Residual networks: each block's stream statistics, in order as they finish. */
  blocks: BlockStats[];
  /** Residual networks: the stream's gradient at each block (index block − 1), from the top down. */
  blockGradients: BlockGradient[];
  elapsedMs: number;
  kernel: string;
  /**
   * Set while the results shown are a drag's quick preview (a smaller batch, forward only), not
   * the full run; the full run for the same settings follows once the drag stops. A preview never
   * reaches phase 'done', so nothing that waits for a finished run takes it for one.
   */
  preview: PreviewInfo | null;
  error: string | null;
  /**
   * id, config, theory, layers, samples and kernel describe the results shown; phase, error and
   * the three below describe the newest run. The previous results stay on screen until the new
   * run's first reply, so a dragged slider does not blank the charts.
   * performance.now() when the settings of the newest run were applied.
   */
  startedAt: number;
  /** Layers received / depth of the run in flight (1 once done). */
  progress: number;
  /** The run in flight has taken longer than ~200 ms: worth a progress bar. */
  slow: boolean;
}

export type NoticeTone = 'info' | 'warning' | 'error';

export interface Notice {
  id: number;
  /** What it is about (a URL key, "worker", …); a newer notice with the same key replaces it. */
  key: string;
  text: string;
  tone: NoticeTone;
}

export interface AppState {
  config: SimConfig;
  view: ViewSettings;
  run: RunState;
  notices: Notice[];
  /**
   * While the layer-by-layer animation plays, the signal chart draws layers 1…revealUpTo only;
   * null draws them all. Not part of the link: it is a moment in a talk, not a setting.
   */
  revealUpTo: number | null;
  /** Configurations pinned for comparison (in the link) and their runs' results (compareRunner.ts). */
  compare: CompareState;
}

export const DEFAULT_VIEW: ViewSettings = {
  showActivations: false,
  showGradients: true,
  histogram: 'ridgeline',
  histRange: 'adaptive',
  histValues: 'activations',
  signalAxis: 'block',
  presenting: false,
  showJacobian: false,
  showSweep: false,
  ...DEFAULT_EMBED_VIEW,
};

export function defaultConfig(): SimConfig {
  return normalizeConfig({}).config;
}

export function emptyRun(): RunState {
  return {
    id: 0,
    phase: 'idle',
    config: null,
    theory: [],
    layers: [],
    samples: [],
    preSamples: [],
    gradients: [],
    gradientSamples: [],
    blocks: [],
    blockGradients: [],
    elapsedMs: 0,
    kernel: '',
    preview: null,
    error: null,
    startedAt: 0,
    progress: 0,
    slow: false,
  };
}

export function initialState(): AppState {
  return {
    config: defaultConfig(),
    view: { ...DEFAULT_VIEW },
    run: emptyRun(),
    notices: [],
    revealUpTo: null,
    compare: emptyCompare(),
  };
}

export const store = createStore<AppState>()(() => initialState());

export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(store, selector);
}

/** Tests start from a clean slate. */
export function resetStore(): void {
  store.setState(initialState(), true);
}
