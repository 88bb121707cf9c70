// `npm run --silent simulate -- --init he_normal --activation relu --depth 50 --format json`
// The same engine the app runs in its worker, from Node. Usage errors exit 2 with one line.

import { pathToFileURL } from 'node:url';
import { checkBudget, describeOverBudget } from '../core/budget';
import { normalizeConfig } from '../core/config';
import { simulateWithGradients } from '../core/backward';
import { simulate } from '../core/network';
import { runRecord, toCsv, toJson } from '../core/records';
import { UsageError, flagFor, parseArgs } from './args';
import { HELP } from './help';
import { toTable } from './table';

export function run(argv: readonly string[]): { code: number; stdout: string; stderr: string } {
  try {
    const req = parseArgs(argv);
    if (req.help) return { code: 0, stdout: HELP, stderr: '' };
    const { config, issues } = normalizeConfig(req.input);
    const first = issues[0];
    if (first) throw new UsageError(`${flagFor(first.field, req.usedWidths)}: ${first.problem}`);
    // Refused before any work: hours of computing would look exactly like a hung command.
    const budget = checkBudget(config, { gradients: req.backward });
    if (!budget.ok) throw new UsageError(describeOverBudget(config, budget, 'flags'));
    const options = { correlations: req.correlations };
    const run = req.backward ? simulateWithGradients(config, options) : { layers: simulate(config, undefined, options), gradients: [] };
    const record = runRecord(config, run.layers, run.gradients);
    const out = req.format === 'json' ? toJson(record) + '\n' : req.format === 'csv' ? toCsv(record) : toTable(record);
    return { code: 0, stdout: out, stderr: '' };
  } catch (e) {
    if (e instanceof UsageError) return { code: 2, stdout: '', stderr: `initscope: ${e.message}\n` };
    // Anything else is our bug: still one line, no stack trace, a distinct exit code.
    return { code: 1, stdout: '', stderr: `initscope: internal error: ${e instanceof Error ? e.message : String(e)}\n` };
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const { code, stdout, stderr } = run(process.argv.slice(2));
  process.stdout.write(stdout);
  process.stderr.write(stderr);
  process.exitCode = code;
}
