// CSV and JSON of the finished run, built by the same functions as the CLI's --format csv/json.
// Only a full run is exported: a drag's preview (a smaller batch, no gradients) never is.

import { runRecord, toCsv, toJson } from '../core/records';
import { judgeRun, withVerdict } from '../readings/runVerdict';
import { store, useApp } from '../state/store';
import { downloadText } from './download';
import { exportFileName } from './fileName';

function download(format: 'csv' | 'json'): void {
  const { run } = store.getState();
  if (!run.config || run.preview) return;
  const record = runRecord(run.config, run.layers, run.gradients, run);
  // The verdict of the CLI's JSON, from the same function: the page and the command line agree.
  const text = format === 'csv' ? toCsv(record) : toJson(withVerdict(record, judgeRun(run.config, run.layers, run.gradients, run))) + '\n';
  downloadText(text, exportFileName(run.config, format), format === 'csv' ? 'text/csv' : 'application/json');
}

export function DownloadButtons() {
  const ready = useApp((s) => s.run.phase === 'done' && s.run.config !== null && s.run.preview === null);
  const why = ready ? undefined : 'Available when the full run has finished';
  return (
    <div className="button-row">
      <button type="button" className="button" disabled={!ready} title={why ?? 'One row per layer, same columns as the command line’s --format csv'} onClick={() => download('csv')}>
        Download CSV
      </button>
      <button type="button" className="button" disabled={!ready} title={why ?? 'Settings and every layer, same fields as the command line’s --format json'} onClick={() => download('json')}>
        Download JSON
      </button>
    </div>
  );
}
