// Export → code: a closed section under the signal chart. Its body (the script generators of
// src/codegen and the script for the current settings) is loaded and computed the first time a
// person opens it, not on every page load and settings change; once opened it stays, so the
// chosen framework survives closing and reopening.

import { lazy, Suspense, useState } from 'react';

const CodeExportBody = lazy(() => import('./CodeExportBody'));

export function CodeExport() {
  const [opened, setOpened] = useState(false);
  return (
    <details
      className="code-export"
      data-testid="code-export"
      onToggle={(e) => {
        if (e.currentTarget.open) setOpened(true);
      }}
    >
      <summary>Export → code (PyTorch, JAX, Keras, numpy)</summary>
      {opened && (
        <Suspense fallback={<p role="status">Loading the script generators…</p>}>
          <CodeExportBody />
        </Suspense>
      )}
    </details>
  );
}
