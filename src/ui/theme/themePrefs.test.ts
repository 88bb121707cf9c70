import { describe, expect, it } from 'vitest';
import type { PrefStorage } from '../localPrefs';
import { DEFAULT_THEME_PREFS, loadThemePrefs, saveThemeChoice, THEME_STORAGE_KEYS, themeAttribute } from './themePrefs';

function memoryStorage(): PrefStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const throwing: PrefStorage = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
};

describe('theme preferences', () => {
  it('follow the system and use the projector theme for presenting when nothing is stored', () => {
    expect(loadThemePrefs(memoryStorage())).toEqual({ normal: 'system', presenting: 'projector' });
  });

  it('remember the choice of each mode separately', () => {
    const storage = memoryStorage();
    expect(saveThemeChoice('normal', 'dark', storage)).toBe(true);
    expect(saveThemeChoice('presenting', 'light', storage)).toBe(true);
    expect(loadThemePrefs(storage)).toEqual({ normal: 'dark', presenting: 'light' });
    expect(storage.data.get(THEME_STORAGE_KEYS.normal)).toBe('dark');
  });

  it('fall back to the defaults for a value they do not know', () => {
    const storage = memoryStorage();
    storage.setItem(THEME_STORAGE_KEYS.normal, 'neon');
    expect(loadThemePrefs(storage)).toEqual(DEFAULT_THEME_PREFS);
  });

  it('survive storage that throws (private windows) or is missing', () => {
    expect(loadThemePrefs(throwing)).toEqual(DEFAULT_THEME_PREFS);
    expect(saveThemeChoice('normal', 'dark', throwing)).toBe(false);
    expect(loadThemePrefs(null)).toEqual(DEFAULT_THEME_PREFS);
    expect(saveThemeChoice('normal', 'dark', null)).toBe(false);
  });

  it('put the theme of the current mode on the page, and none for "system"', () => {
    const prefs = { normal: 'system', presenting: 'projector' } as const;
    expect(themeAttribute(prefs, false)).toBeNull();
    expect(themeAttribute(prefs, true)).toBe('projector');
    expect(themeAttribute({ normal: 'dark', presenting: 'system' }, false)).toBe('dark');
    expect(themeAttribute({ normal: 'dark', presenting: 'system' }, true)).toBeNull();
  });
});
