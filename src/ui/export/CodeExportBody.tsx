// Export → code, once opened: the current settings (or a pinned configuration) as a runnable
// PyTorch, JAX, Keras or numpy script that writes Initscope's JSON, shown with copy and download,
// and the hooks helper for a user's own PyTorch model. Loaded only when a person opens the section
// (CodeExport.tsx): the generators are not needed for a link's first chart.

import { useMemo, useState } from 'react';
import { CODE_FRAMEWORKS, emitScript, exportProblem, HOOKS_FILE, hooksScript, type CodeFramework } from '../../codegen';
import { configNames } from '../../readings/pinNames';
import { useApp } from '../../state/store';
import { CopyButton } from '../CopyButton';
import { downloadText } from '../download';

const LABELS: Record<CodeFramework, string> = { pytorch: 'PyTorch', jax: 'JAX', keras: 'Keras', numpy: 'numpy' };

export default function CodeExportBody() {
  const current = useApp((s) => s.config);
  const pins = useApp((s) => s.compare.pins);
  const [framework, setFramework] = useState<CodeFramework>('pytorch');
  const [which, setWhich] = useState(0);
  const choices = useMemo(() => [current, ...pins], [current, pins]);
  const names = useMemo(() => configNames(choices), [choices]);
  const config = choices[which] ?? current;
  const problem = exportProblem(config);
  const script = useMemo(() => (problem ? null : emitScript(framework, config)), [problem, framework, config]);
  // A residual network grows by blocks (its depth follows), a plain one by layers.
  const size = config.architecture?.kind === 'residual' ? '--blocks' : '--depth';
  return (
    <>
      <div className="code-export-controls">
        <div role="group" aria-label="Framework" className="code-export-frameworks">
          {CODE_FRAMEWORKS.map((f) => (
            <button
              key={f}
              type="button"
              className="button"
              aria-pressed={f === framework}
              onClick={() => setFramework(f)}
            >
              {LABELS[f]}
            </button>
          ))}
        </div>
        {choices.length > 1 && (
          <label>
            Settings{' '}
            <select value={which} onChange={(e) => setWhich(Number(e.currentTarget.value))}>
              {names.map((name, i) => (
                <option key={i} value={i}>
                  {i === 0 ? `current: ${name}` : `pin ${i}: ${name}`}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {script ? (
        <>
          <p className="code-export-how">
            Run <code>python {script.fileName} --out run.json</code> (add <code>--width</code>, <code>{size}</code>,{' '}
            {framework === 'pytorch' ? <code>--device cuda</code> : null} … to scale it up), then open run.json here
            with <em>Open results</em>.
          </p>
          <div className="code-export-actions">
            <CopyButton getText={() => script.code} label="Copy code" doneLabel="Code copied" fallbackLabel="Script" />
            <button
              type="button"
              className="button"
              onClick={() => downloadText(script.code, script.fileName, 'text/x-python')}
            >
              Download {script.fileName}
            </button>
            <button
              type="button"
              className="button-quiet"
              onClick={() => downloadText(hooksScript(), HOOKS_FILE, 'text/x-python')}
              title="record_signal(model, inputs, out=...): your own PyTorch model's signal, as a file to open here"
            >
              Hooks for your own model ({HOOKS_FILE})
            </button>
          </div>
          <pre
            className="code-export-code"
            tabIndex={0}
            aria-label={`${LABELS[framework]} script`}
            data-testid="code-export-code"
          >
            <code>{script.code}</code>
          </pre>
        </>
      ) : (
        <p role="status">Not available for these settings: {problem}.</p>
      )}
    </>
  );
}
