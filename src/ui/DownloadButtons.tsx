// CSV and JSON of the finished run, built by the same functions as the CLI's --format csv/json.
// Only a full run is exported: a drag's preview (a smaller batch, no gradients) never is. When the
// live network has finished training, the JSON also carries that run as `train --format json`
// prints it (`training`: `config`, `history`, `final`), and its curve downloads as `train`'s CSV.

import { toCsv, toJson } from '../core/records';
import { store, useApp } from '../state/store';
import { useTraining } from '../state/training';
import { trainingCsv, trainingRecord } from '../state/trainingExport';
import { downloadText } from './download';
import { exportFileName } from './fileName';
import { finishedRunRecord } from './finishedRun';

function download(format: 'csv' | 'json'): void {
  const { run } = store.getState();
  const record = finishedRunRecord(run);
  if (!record || !run.config) return;
  const training = trainingRecord();
  const text = format === 'csv' ? toCsv(record) : toJson({ ...record, ...(training ? { training } : {}) }) + '\n';
  downloadText(text, exportFileName(run.config, format), format === 'csv' ? 'text/csv' : 'application/json');
}

function downloadTrainingCsv(): void {
  const { run } = store.getState();
  const text = trainingCsv();
  if (!run.config || text === null) return;
  downloadText(text, exportFileName(run.config, 'csv').replace(/\.csv$/, '-training.csv'), 'text/csv');
}

export function DownloadButtons() {
  const ready = useApp((s) => s.run.phase === 'done' && s.run.config !== null && s.run.preview === null);
  const why = ready ? undefined : 'Available when the full run has finished';
  const trained = useTraining((s) => s.runs[0]?.final != null && s.runs[0].error === null);
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
      {trained && (
        <button
          type="button"
          className="button"
          disabled={!ready}
          title={why ?? 'The training curve, same columns as npm run train’s --format csv'}
          onClick={downloadTrainingCsv}
        >
          Download training CSV
        </button>
      )}
    </div>
  );
}
