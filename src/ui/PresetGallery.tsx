// Classic experiments, one click each: title and the one-line lesson it teaches.

import { PRESETS } from '../state/presets';
import { openPreset, useOpenPreset } from './presetSelection';

export function PresetGallery() {
  const open = useOpenPreset();
  return (
    <nav className="preset-gallery" aria-label="Presets">
      <h2 className="visually-hidden">Presets</h2>
      <ul className="preset-list">
        {PRESETS.map((p) => {
          const current = open?.preset.id === p.id && !open.changed;
          return (
            <li key={p.id}>
              <button
                type="button"
                className="preset-card"
                aria-current={current ? 'true' : undefined}
                title={p.lesson}
                onClick={() => openPreset(p)}
              >
                <span className="preset-title">{p.title}</span>
                {p.code && <code className="preset-code">{p.code}</code>}
                <span className="preset-lesson">{p.lesson}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
