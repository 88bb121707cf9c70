// The lesson of the open preset, above the chart where students look first.

import { dismissLesson, openPreset, useOpenPreset } from './presetSelection';

export function PresetLesson() {
  const open = useOpenPreset();
  if (!open) return null;
  const { preset, changed } = open;
  return (
    <aside className="lesson" aria-labelledby="lesson-title">
      <div className="lesson-body">
        <h2 id="lesson-title">
          <span className="lesson-kicker">Preset</span> {preset.title}
        </h2>
        {preset.code && (
          <p>
            <code className="preset-code">{preset.code}</code>
          </p>
        )}
        <p>{preset.lesson}</p>
        {changed && (
          <p className="field-note">
            You have changed the settings since opening this preset.{' '}
            <button type="button" className="link-button" onClick={() => openPreset(preset)}>
              Back to the preset
            </button>
          </p>
        )}
      </div>
      <button
        type="button"
        className="button-quiet"
        aria-label={`Dismiss lesson: ${preset.title}`}
        onClick={() => dismissLesson(preset.id)}
      >
        Dismiss
      </button>
    </aside>
  );
}
