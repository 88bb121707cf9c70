// CSV and JSON of the finished run, built by the same functions as the CLI's --format csv/json.
// Only a full run is exported: a drag's preview (a smaller batch, no gradients) never is.

import { toCsv, toJson } from '../core/records';
import { store, useApp } from '../state/store';
import { downloadText } from './download';
import { exportFileName } from './fileName';
import { finishedRunRecord } from './finishedRun';

function download(format: 'csv' | 'json'): void {
  const { run } = store.getState();
  const record = finishedRunRecord(run);
  if (!record || !run.config) return;
  const text = format === 'csv' ? toCsv(record) : toJson(record) + '\n';
  downloadText(text, exportFileName(run.config, format), format === 'csv' ? 'text/csv' : 'application/json');
}

export function DownloadButtons() {
  const ready = useApp((s) => s.run.phase === 'done' && s.run.config !== null && s.run.preview === null);
  const why = ready ? undefined : 'Available when the full run has finished';
  return (
    <div className="button-row">
      <button
        type="button"
        className="button"
        disabled={!ready}
        title={why ?? 'One row per layer, same columns as the command line’s --format csv'}
        onClick={() => download('csv')}
      >
        Download CSV
      </button>
      <button
        type="button"
        className="button"
        disabled={!ready}
        title={why ?? 'Settings and every layer, same fields as the command line’s --format json'}
        onClick={() => download('json')}
      >
        Download JSON
      </button>
    </div>
  );
}
