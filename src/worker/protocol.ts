// The one message protocol between the UI and the simulation worker. Requests and replies are
// separate discriminated unions; every reply carries the id of the run it belongs to, so the
// client can drop anything from a run that has since been replaced.

import type { BlockGradient } from '../core/architecture/backward';
import type { BlockStats } from '../core/architecture/blockStats';
import type { GradientStats, LayerStats, LayerTheory, SimConfig } from '../core/types';

export type ToWorker =
  | {
      type: 'run';
      id: number;
      config: SimConfig;
      /** How many post-activation values per layer to send back for the distribution charts. */
      sampleSize: number;
      /**
       * After the forward layers, also run the backward pass and send `gradient` replies. Absent:
       * no. Skipped (no gradient replies) when the run with it would exceed core/budget.ts's budget.
       */
      backward?: boolean;
      /** Fill each layer's `stats.correlation` (costs a 2-D quadrature per layer for most φ). Absent: no. */
      correlations?: boolean;
    }
  | { type: 'cancel'; id: number }
  /**
   * Start the worker team now rather than after this worker's first run: the client sends it to a
   * worker that replaces one it retired after a big run (client.ts), when the page is long up.
   */
  | { type: 'prepare' }
  /**
   * Sample buffers of results the page no longer shows (transferred): the worker puts the next
   * samples in them instead of in new ones (see state/sampleBuffers.ts).
   */
  | { type: 'recycle'; buffers: ArrayBuffer[] }
  /**
   * Test hook for end-to-end tests of crash recovery: 'throw' raises an uncaught error in the
   * worker, 'hang' blocks it in an endless loop. The client sends it only when the page was
   * opened with `?testhook=1` (see SimulationClient.crash); the worker obeys whatever it gets,
   * since nothing but the page that created it can message it.
   */
  | { type: 'crash'; mode: 'throw' | 'hang' };

export type FromWorker =
  | { type: 'started'; id: number; theory: LayerTheory[]; kernel: string }
  | {
      type: 'layer';
      id: number;
      stats: LayerStats;
      /** The first `sampleSize` post-activation values (transferred, not copied; maybe in a longer, recycled buffer). */
      sample: Float32Array;
      /** The same units' pre-activations h, for the pre-activation histograms (transferred likewise). */
      preSample: Float32Array;
      /** Milliseconds since the worker received the request. */
      elapsedMs: number;
    }
  | {
      /** One per layer from L down to 1, after every `layer` reply of the run. */
      type: 'gradient';
      id: number;
      layer: number;
      stats: GradientStats;
      /** The first `sampleSize` values of δ^layer (transferred, not copied). */
      sample: Float32Array;
      elapsedMs: number;
    }
  /** Residual networks: a block's stream statistics, right after the `layer` of its last branch layer. */
  | { type: 'block'; id: number; stats: BlockStats }
  /** Residual networks, backward: the stream's gradient at a block, from the top block down. */
  | { type: 'blockGradient'; id: number; gradient: BlockGradient }
  | { type: 'done'; id: number; elapsedMs: number }
  | {
      type: 'error';
      id: number;
      message: string;
      /**
       * 'invalid': the request was refused (a bad config); repeating it cannot help.
       * 'exception': the engine failed while running (e.g. out of memory); the client restarts
       * the worker and retries once. Absent means 'invalid'.
       */
      cause?: 'invalid' | 'exception';
    };

export const DEFAULT_SAMPLE_SIZE = 4096;

/**
 * The name of the worker started with the page (simWorker.ts). It warms up as soon as its script
 * has run (warmUp.ts), without waiting for a message: a message posted to a worker still loading
 * is handed over by the page's main thread, busy loading the app then, and it arrived 25 ms late.
 */
export const EARLY_WORKER_NAME = 'initscope-sim-first';
