// "Theme" in the header (and in the presentation bar): a labelled native select, the most
// keyboard- and screen-reader-friendly switch there is.

import { useId } from 'react';
import { chooseTheme, useThemeChoice } from './themeStore';
import { parseThemeChoice, THEME_OPTIONS } from './themePrefs';

export function ThemeSelect() {
  const id = useId();
  const choice = useThemeChoice();
  return (
    <span className="theme-select">
      <label htmlFor={id}>Theme</label>
      <select
        id={id}
        value={choice}
        title="Auto follows your system setting; Projector is black on white with thicker lines, for a lecture hall"
        onChange={(e) => chooseTheme(parseThemeChoice(e.target.value) ?? 'system')}
      >
        {THEME_OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </span>
  );
}
