// Which colour theme the page uses. Two remembered choices: one for the normal view and one for
// presentation mode, because a lecturer wants the projector theme on the big screen without
// giving up their everyday theme (and vice versa). "system" follows prefers-color-scheme.

import { readPref, writePref, type PrefStorage } from '../localPrefs';

export type ThemeName = 'light' | 'dark' | 'projector';
export type ThemeChoice = 'system' | ThemeName;
export type ThemeMode = 'normal' | 'presenting';

export const THEME_OPTIONS: readonly { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'Auto (system)' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'projector', label: 'Projector' },
];

export type ThemePrefs = Record<ThemeMode, ThemeChoice>;

export const DEFAULT_THEME_PREFS: ThemePrefs = { normal: 'system', presenting: 'projector' };

export const THEME_STORAGE_KEYS: Record<ThemeMode, string> = {
  normal: 'initscope.theme',
  presenting: 'initscope.presentationTheme',
};

export function parseThemeChoice(text: string | null): ThemeChoice | null {
  return THEME_OPTIONS.find((o) => o.value === text)?.value ?? null;
}

export function loadThemePrefs(storage?: PrefStorage | null): ThemePrefs {
  return {
    normal: parseThemeChoice(readPref(THEME_STORAGE_KEYS.normal, storage)) ?? DEFAULT_THEME_PREFS.normal,
    presenting: parseThemeChoice(readPref(THEME_STORAGE_KEYS.presenting, storage)) ?? DEFAULT_THEME_PREFS.presenting,
  };
}

export function saveThemeChoice(mode: ThemeMode, choice: ThemeChoice, storage?: PrefStorage | null): boolean {
  return writePref(THEME_STORAGE_KEYS[mode], choice, storage);
}

/**
 * The `data-theme` of <html>, or null to leave it off: then the stylesheets' own
 * prefers-color-scheme rules apply, so "system" also follows a change made while the page is open.
 */
export function themeAttribute(prefs: ThemePrefs, presenting: boolean): ThemeName | null {
  const choice = prefs[presenting ? 'presenting' : 'normal'];
  return choice === 'system' ? null : choice;
}
