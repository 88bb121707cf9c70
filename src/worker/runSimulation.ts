// The simulation loop shared by the worker entry and the main-thread fallback. It talks to the
// outside only through the host it is given (post a reply, yield to the event loop, ask whether
// it was cancelled), so the same code runs inside a Worker, on the page and in unit tests.

import { checkBudget, describeOverBudget, estimateCost, fitsBudget } from '../core/budget';
import { backwardSteps } from '../core/backward';
import { ForwardTape } from '../core/checkpoints';
import { normalizeConfig, type ConfigInput, type Issue } from '../core/config';
import { getInitializer } from '../core/initializers';
import { lsuvOverBudget } from '../core/lsuv';
import type { MatmulKernel } from '../core/kernels';
import { simulateLayers, theoryFor, type ForwardOptions, type LayerResult } from '../core/network';
import type { SimConfig } from '../core/types';
import type { FromWorker } from './protocol';
import { runArchitecture } from './runArchitecture';
import { architectureToInput } from '../core/architecture/config';

export { estimateFlops, largestLayerFlops } from './runCost';

export interface SimulationHost {
  post(msg: FromWorker, transfer?: Transferable[]): void;
  /** Lets queued messages (a cancel, a newer run) be handled; called between layers. */
  yieldToEventLoop(): Promise<void>;
  isCancelled(): boolean;
  /** Clock in milliseconds; performance.now() when absent. */
  now?: () => number;
  /** A buffer of at least `bytes` for a sample (one the page handed back), or undefined for a new one. */
  spareBuffer?(bytes: number): ArrayBuffer | undefined;
}

export interface SimulationRequest {
  id: number;
  /** Arrives by structured clone from the page, so it is checked again here, never trusted. */
  config: SimConfig;
  sampleSize: number;
  /** Run the backward pass after the forward one; anything but `true` means no. */
  backward?: boolean;
  correlations?: boolean;
}

/** Several threads that can run a forward pass together (workerTeam.ts); same bits as one thread. */
export interface ForwardTeamLike {
  readonly members: number;
  /** Whether this run should be split across the team now. */
  takes(config: SimConfig): boolean;
  forward(config: SimConfig, options: ForwardOptions, kernel: MatmulKernel): Generator<LayerResult, void, void>;
}

type Checked = { ok: true; config: SimConfig; sampleSize: number } | { ok: false; problem: string };

const CONFIG_KEYS = [
  'init',
  'initParams',
  'activation',
  'activationParams',
  'widths',
  'inputDim',
  'batch',
  'seed',
  'biasStd',
  'input',
] as const satisfies readonly (keyof SimConfig)[];

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function describeIssue(issue: Issue): string {
  return `${issue.field.replace(/^param:/, '')}: ${issue.problem}`;
}

/**
 * Re-validates a request at the worker boundary. normalizeConfig fills absent fields with
 * defaults, which is right for a URL but would silently run something else here, so missing
 * fields and malformed containers are refused before it sees them.
 */
export function checkRequest(config: unknown, sampleSize: unknown): Checked {
  const refuse = (problem: string): Checked => ({
    ok: false,
    problem: `The simulation request was refused: ${problem}.`,
  });
  if (!isRecord(config)) return refuse('it has no settings');
  const missing = CONFIG_KEYS.filter((key) => config[key] === undefined);
  if (missing.length > 0) return refuse(`missing ${missing.join(', ')}`);
  if (!isRecord(config.initParams)) return refuse('initializer parameters are not a set of named values');
  if (!isRecord(config.activationParams)) return refuse('activation parameters are not a set of named values');
  if (!Array.isArray(config.widths) || config.widths.length === 0)
    return refuse('widths must be a non-empty list of layer widths');
  if (typeof sampleSize !== 'number' || !Number.isInteger(sampleSize) || sampleSize < 0) {
    return refuse(`sample size ${String(sampleSize)} is not a whole number ≥ 0`);
  }
  const input: ConfigInput = {
    init: config.init,
    initParams: config.initParams,
    activation: config.activation,
    activationParams: config.activationParams,
    width: config.widths,
    inputDim: config.inputDim,
    batch: config.batch,
    seed: config.seed,
    biasStd: config.biasStd,
    input: config.input,
    ...architectureToInput(config.architecture),
  };
  const { config: normalized, issues } = normalizeConfig(input);
  if (issues.length > 0) return refuse(issues.map(describeIssue).join('; '));
  // Hours of work or gigabytes of buffers would look like a hung or crashed worker: refuse first.
  const budget = checkBudget(normalized);
  if (!budget.ok) return refuse(describeOverBudget(normalized, budget, 'words'));
  // LSUV finds its scales in float64 before the first layer, a stretch no cancel can interrupt.
  if (getInitializer(normalized.init)?.dataDependent) {
    const over = lsuvOverBudget(normalized, 'LSUV', 'words');
    if (over) return refuse(over);
  }
  return { ok: true, config: normalized, sampleSize };
}

/**
 * Whether a run does its backward pass: when asked to, and when it fits the budget with it. The
 * backward pass roughly quadruples the work, and a run that fits only without it still runs,
 * forward only (no gradient replies), rather than being refused for an extra.
 */
export function runsBackward(config: SimConfig, requested: boolean | undefined): boolean {
  return requested === true && fitsBudget(estimateCost(config, { gradients: true }));
}

/** A message a person can act on, instead of an engine stack trace. */
export function describeFailure(err: unknown, config: SimConfig): string {
  const detail = err instanceof Error ? err.message : String(err);
  if (err instanceof RangeError && /memory|alloc|array buffer|array length/i.test(detail)) {
    const widest = Math.max(config.inputDim, ...config.widths);
    return (
      `The browser could not get enough memory for a batch of ${config.batch} through layers ` +
      `${widest} units wide. Try a smaller batch or width.`
    );
  }
  return `The simulation stopped with an error: ${detail}`;
}

/** The first `size` values, copied into a spare buffer of the host's when it has one. */
function sampleOf(values: Float32Array, size: number, host: SimulationHost): Float32Array {
  const n = Math.min(size, values.length);
  const buffer = n > 0 ? host.spareBuffer?.(n * Float32Array.BYTES_PER_ELEMENT) : undefined;
  const sample = buffer ? new Float32Array(buffer, 0, n) : new Float32Array(n);
  sample.set(values.subarray(0, n));
  return sample;
}

/**
 * Runs one request to completion or cancellation, posting `started`, one `layer` per layer, then
 * (when asked) one `gradient` per layer from the top down, and `done` — or a single `error`.
 * Every forward layer is posted before the backward pass starts, so the charts draw the forward
 * signal first. Nothing is posted after a cancellation: whoever cancelled has moved on, and the
 * client drops replies of old runs anyway.
 */
export async function runSimulation(
  request: SimulationRequest,
  host: SimulationHost,
  kernel: MatmulKernel,
  team: ForwardTeamLike | null = null,
): Promise<void> {
  const now = host.now ?? (() => performance.now());
  const startedAt = now();
  const { id } = request;
  const checked = checkRequest(request.config, request.sampleSize);
  if (!checked.ok) {
    host.post({ type: 'error', id, message: checked.problem, cause: 'invalid' });
    return;
  }
  const { config, sampleSize } = checked;
  try {
    if (config.architecture) {
      const backward = runsBackward(config, request.backward);
      const sample = (values: Float32Array) => sampleOf(values, sampleSize, host);
      const elapsed = () => now() - startedAt;
      await runArchitecture(config, backward, request.correlations === true, kernel, {
        id,
        post: (msg, transfer) => host.post(msg, transfer),
        yieldToEventLoop: () => host.yieldToEventLoop(),
        isCancelled: () => host.isCancelled(),
        sample,
        elapsed,
      });
      return;
    }
    const split = team !== null && team.takes(config);
    const engine = split ? `${kernel.name} on ${team.members} workers` : kernel.name;
    host.post({ type: 'started', id, theory: theoryFor(config), kernel: engine });
    // A burst of requests (a dragged slider) is cancelled here, before any real work.
    await host.yieldToEventLoop();
    if (host.isCancelled()) return;

    // Leaving the loop early (return or throw) closes the generator, which owns no resources
    // beyond the shared kernel buffers, so an abandoned run leaves nothing behind.
    const tape = runsBackward(config, request.backward) ? new ForwardTape(config) : null;
    const options: ForwardOptions = { correlations: request.correlations === true };
    const layers = split ? team.forward(config, options, kernel) : simulateLayers(config, kernel, options);
    for (const result of layers) {
      tape?.record(result);
      // `post` is a view into the kernel's buffers that the next layer overwrites: copy it, and
      // transfer the copy so the page receives it without a second copy.
      const sample = sampleOf(result.post, sampleSize, host);
      const preSample = sampleOf(result.pre, sampleSize, host);
      host.post({ type: 'layer', id, stats: result.stats, sample, preSample, elapsedMs: now() - startedAt }, [
        sample.buffer,
        preSample.buffer,
      ]);
      await host.yieldToEventLoop();
      if (host.isCancelled()) return;
    }
    if (tape) {
      // Also yields after each layer a segment recomputes, so a cancel never waits for a whole segment.
      for (const step of backwardSteps(tape, kernel)) {
        if (step.kind === 'gradient') {
          const sample = sampleOf(step.delta, sampleSize, host);
          host.post(
            { type: 'gradient', id, layer: step.layer, stats: step.stats, sample, elapsedMs: now() - startedAt },
            [sample.buffer],
          );
        }
        await host.yieldToEventLoop();
        if (host.isCancelled()) return;
      }
    }
    host.post({ type: 'done', id, elapsedMs: now() - startedAt });
  } catch (err) {
    if (host.isCancelled()) return;
    host.post({ type: 'error', id, message: describeFailure(err, config), cause: 'exception' });
  }
}
