// `npm run --silent simulate -- --init he_normal --activation relu --depth 50 --format json`
// The same engine the app runs in its worker, from Node. Usage errors exit 2 with one line.

import { pathToFileURL } from 'node:url';
import { checkBudget, describeOverBudget } from '../core/budget';
import { normalizeConfig } from '../core/config';
import { simulateWithGradients } from '../core/backward';
import { simulateArchitecture } from '../core/architecture/run';
import { simulate } from '../core/network';
import { runRecord, toCsv, toJson, type BlockResults, type RunRecord } from '../core/records';
import { getInitializer } from '../core/initializers';
import { lsuvLayersOf } from '../core/layerLaw';
import { lsuvOverBudget } from '../core/lsuv';
import { jacobianLayers } from '../core/spectra/jacobian';
import { jacobianOverBudget } from '../core/spectra/jacobianBudget';
import { jacobianRecords } from '../core/spectra/jacobianRecord';
import type { GradientStats, LayerStats, SimConfig } from '../core/types';
import { createForwardTeam } from '../node/forwardTeam';
import { judgeRun, verdictTextRecord, withVerdict } from '../readings/runVerdict';
import { UsageError, flagFor, parseArgs, type CliRequest } from './args';
import { emitScript, exportProblem } from '../codegen';
import { HELP } from './help';
import { presetLines, presetRecord } from './presetFlag';
import { toTable } from './table';
import { DEFAULT_SWEEP, runWidthSweep } from './widthSweepCli';

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** --width-sweep: the sweep's settings from the flags it reads (their values checked as for a run), then its JSON. */
function widthSweepResult(req: CliRequest): Result {
  const given = req.input;
  const { config, issues } = normalizeConfig({
    activation: given.activation,
    depth: given.depth,
    batch: given.batch,
    seed: given.seed,
    inputDim: given.inputDim,
  });
  const first = issues[0];
  if (first) throw new UsageError(`${flagFor(first.field, false)}: ${first.problem}`);
  const settings = {
    ...DEFAULT_SWEEP,
    widths: req.widthSweep!.widths,
    activation: config.activation,
    ...(given.depth !== undefined ? { hiddenLayers: config.widths.length } : {}),
    ...(given.batch !== undefined ? { batch: config.batch } : {}),
    ...(given.seed !== undefined ? { seed: config.seed } : {}),
    ...(given.inputDim !== undefined ? { inputDim: config.inputDim } : {}),
  };
  const widthSweep = runWidthSweep(settings, req.widthSweep!.parameterizations);
  // Infinity and NaN (a slope of an overflowed line) print as null, as in a run's JSON.
  const json = JSON.stringify(
    { widthSweep },
    (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v),
    2,
  );
  return { code: 0, stdout: json + '\n', stderr: '' };
}

/** A request that passed every check, ready to run. */
interface Job {
  req: CliRequest;
  config: SimConfig;
}

function failure(e: unknown): Result {
  if (e instanceof UsageError) return { code: 2, stdout: '', stderr: `initscope: ${e.message}\n` };
  // Anything else is our bug: still one line, no stack trace, a distinct exit code.
  return { code: 1, stdout: '', stderr: `initscope: internal error: ${e instanceof Error ? e.message : String(e)}\n` };
}

/** The help text, or a job; throws UsageError for bad input. */
function prepare(argv: readonly string[]): Result | Job {
  const req = parseArgs(argv);
  if (req.help) return { code: 0, stdout: HELP, stderr: '' };
  if (req.widthSweep) return widthSweepResult(req);
  const { config, issues } = normalizeConfig(req.input);
  const first = issues[0];
  if (first) throw new UsageError(`${flagFor(first.field, req.usedWidths)}: ${first.problem}`);
  // A script runs elsewhere (at GPU scale too), so the in-process budget does not apply to it.
  if (req.emit) {
    const problem = exportProblem(config);
    if (problem) throw new UsageError(`--emit: ${problem}`);
    return { code: 0, stdout: emitScript(req.emit, config).code, stderr: '' };
  }
  // Refused before any work: hours of computing would look exactly like a hung command.
  const budget = checkBudget(config, { gradients: req.backward });
  if (!budget.ok) throw new UsageError(describeOverBudget(config, budget, 'flags'));
  if (req.jacobian && config.architecture)
    throw new UsageError('--jacobian is measured for plain networks without a norm (drop --residual and --norm)');
  if (req.lsuv && config.architecture)
    throw new UsageError('--lsuv is computed for plain networks without a norm (drop --residual and --norm)');
  // `--init lsuv` finds its scales before the forward pass: the same work as --lsuv.
  const lsuvInit = getInitializer(config.init)?.dataDependent === true;
  if (req.lsuv || lsuvInit) {
    const over = lsuvOverBudget(config, req.lsuv ? '--lsuv' : '--init lsuv');
    if (over) throw new UsageError(over);
  }
  if (req.jacobian) {
    if (req.jacobianInputs > config.batch)
      throw new UsageError(
        `--jacobian-inputs ${req.jacobianInputs} is more than --batch ${config.batch} (the inputs are the batch's first ones)`,
      );
    const over = jacobianOverBudget(config, jacobianLayers, req.jacobianInputs, 'flags');
    if (over) throw new UsageError(over);
  }
  return { req, config };
}

/**
 * The verdict on input information needs the measured correlation between inputs, so every run
 * measures it ('measured': a 64-input Gram matrix per layer, about 2·64²·N operations against the
 * layer's 2·B·K·N). Its theory, whose 2-D quadratures are the expensive part, runs only with
 * --correlations, and only then are the `correlation` fields printed.
 */
function forwardOptions(job: Job) {
  return { correlations: job.req.correlations ? true : ('measured' as const) };
}

function withoutCorrelation(l: LayerStats): LayerStats {
  const copy = { ...l };
  delete copy.correlation;
  return copy;
}

function output(job: Job, layers: LayerStats[], gradients: GradientStats[], blocks?: BlockResults): Result {
  const verdict = judgeRun(job.config, layers, gradients, blocks);
  const shown = job.req.correlations ? layers : layers.map((l) => withoutCorrelation(l));
  const record = runRecord(job.config, shown, gradients, blocks);
  if (job.req.jacobian) record.jacobian = jacobianRecords(job.config, { inputs: job.req.jacobianInputs });
  // With --init lsuv the record always names the scales the run used (the same numbers --lsuv gives).
  if (job.req.lsuv || getInitializer(job.config.init)?.dataDependent) record.lsuv = lsuvLayersOf(job.config);
  const format = job.req.format;
  const preset = job.req.preset ? presetRecord(job.req.preset, record.layers) : undefined;
  if (format === 'json') {
    const judged: RunRecord & { preset?: typeof preset } = withVerdict(record, verdict);
    if (preset) judged.preset = preset;
    return { code: 0, stdout: toJson(judged) + '\n', stderr: '' };
  }
  const table = () => {
    const text = verdictTextRecord(verdict);
    const parts = [
      `verdict: ${verdict.headline} — ${text.headline}`,
      `  size: ${text.size}`,
      `  inputs: ${text.inputs}`,
    ];
    if (text.gradient) parts.push(`  gradients: ${text.gradient}`);
    for (const d of text.disagreements ?? []) parts.push(`  ${d}`);
    return `${toTable(record)}\n${parts.join('\n')}\n` + (preset ? '\n' + presetLines(preset) : '');
  };
  const out = format === 'csv' ? toCsv(record) : table();
  return { code: 0, stdout: out, stderr: '' };
}

function runOnOneThread(job: Job): Result {
  if (job.config.architecture) {
    // Its correlations are measurements only (no theory), so they cost no quadrature: always measured, for the verdict.
    const run = simulateArchitecture(job.config, { backward: job.req.backward, correlations: true });
    return output(job, run.layers, run.gradients, run);
  }
  const options = forwardOptions(job);
  const run = job.req.backward
    ? simulateWithGradients(job.config, options)
    : { layers: simulate(job.config, undefined, options), gradients: [] };
  return output(job, run.layers, run.gradients);
}

/** Threads the forward pass can use for a job: the backward pass runs on one thread. */
function usableThreads(job: Job): number {
  return job.req.backward || job.config.architecture ? 1 : job.req.threads;
}

/** Runs the command on one thread whatever --threads says (the output is the same): for tests. */
export function run(argv: readonly string[]): Result {
  try {
    const job = prepare(argv);
    return 'code' in job ? job : runOnOneThread(job);
  } catch (e) {
    return failure(e);
  }
}

/** Runs the command, the forward pass on --threads threads. */
export async function runCli(argv: readonly string[]): Promise<Result> {
  try {
    const job = prepare(argv);
    if ('code' in job) return job;
    const threads = usableThreads(job);
    if (threads === 1) return runOnOneThread(job);
    const team = await createForwardTeam(threads);
    try {
      return output(job, team.simulate(job.config, forwardOptions(job)), []);
    } finally {
      await team.close();
    }
  } catch (e) {
    return failure(e);
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const { code, stdout, stderr } = await runCli(process.argv.slice(2));
  process.stdout.write(stdout);
  process.stderr.write(stderr);
  process.exitCode = code;
}
