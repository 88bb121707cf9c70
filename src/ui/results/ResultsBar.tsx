// Open results: a JSON or CSV file written by the CLI, an exported script or the hooks helper,
// chosen with the file picker or dropped anywhere on the page, is drawn on the signal chart next to
// the live run (with its theory where the file's settings have one). Files never leave the machine.

import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { PinSwatch } from '../../charts/PinnedLegend';
import { usePinned } from '../panels/usePinned';
import { closeResult, dismissProblem, MAX_OPENED, openedStore, openResultFile } from '../../state/openedResults';
import './results.css';

async function openAll(files: FileList | null): Promise<void> {
  for (const file of Array.from(files ?? [])) {
    if ((await openResultFile(file)) !== null) break;
  }
}

/** Drops of files anywhere on the page open them (and the browser does not navigate to them). */
function useDropAnywhere(): void {
  useEffect(() => {
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      void openAll(e.dataTransfer?.files ?? null);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);
}

export function ResultsBar() {
  const input = useRef<HTMLInputElement>(null);
  const problem = useStore(openedStore, (s) => s.problem);
  const files = usePinned().pins.filter((p) => p.kind === 'file');
  useDropAnywhere();
  return (
    <section className="results-bar" aria-label="Open results">
      <div className="results-actions">
        <button
          type="button"
          className="button"
          onClick={() => input.current?.click()}
          title="Open a JSON or CSV file written by the CLI, an exported script or the hooks"
        >
          Open results…
        </button>
        <input
          ref={input}
          type="file"
          accept=".json,.csv,application/json,text/csv"
          multiple
          hidden
          data-testid="open-results-input"
          onChange={(e) => {
            void openAll(e.currentTarget.files).then(() => {
              if (input.current) input.current.value = '';
            });
          }}
        />
        <span className="results-hint">
          {files.length === 0
            ? 'or drop a JSON or CSV results file on the page; it stays on this machine.'
            : `${files.length} of ${MAX_OPENED} files open.`}
        </span>
      </div>
      {problem && (
        <p className="results-problem" role="alert" data-testid="results-problem">
          <span>Could not open {problem}</span>
          <button type="button" className="button-quiet" onClick={dismissProblem}>
            Dismiss
          </button>
        </p>
      )}
      {files.length > 0 && (
        <ul className="results-files" aria-label="Opened results">
          {files.map((file) => (
            <li key={file.key} className="results-file" data-testid="opened-result">
              <PinSwatch slot={file.slot} />
              <span className="results-file-name">{file.name}</span>
              <span className="results-file-status">
                {file.verdict?.text ?? ''}
                {file.theory.length === 0 ? ' · no theory (the file has no complete settings)' : ''}
              </span>
              <button
                type="button"
                className="button-quiet"
                aria-label={`Close ${file.name}`}
                onClick={() => closeResult(file.key)}
              >
                Close
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
