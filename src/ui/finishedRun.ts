// The finished run as the CLI's --format json writes it — settings, every layer, the verdict — for
// the JSON download and for a host page's `get`. Null while a run streams or for a drag's preview.

import { runRecord, type RunRecord } from '../core/records';
import { judgeRun, withVerdict } from '../readings/runVerdict';
import type { RunState } from '../state/store';

export function finishedRunRecord(run: RunState): (RunRecord & ReturnType<typeof withVerdict>) | null {
  if (run.phase !== 'done' || !run.config || run.preview) return null;
  const record = runRecord(run.config, run.layers, run.gradients, run);
  // The verdict of the CLI's JSON, from the same function: the page and the command line agree.
  return withVerdict(record, judgeRun(run.config, run.layers, run.gradients, run));
}
