// Preferences kept on this machine only (the theme, whether the tour was seen). They are not part
// of the link: a lecturer's dark theme should not follow the link onto every student's laptop.
// Storage can throw — private windows, blocked cookies, a full quota — and a preference is never
// worth an error, so every access is guarded and a failure just means "not remembered".

/** The slice of the Web Storage API used here, so tests can pass a plain object. */
export interface PrefStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function browserStorage(): PrefStorage | null {
  try {
    // Merely reading `localStorage` throws a SecurityError where storage is blocked.
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function readPref(key: string, storage: PrefStorage | null = browserStorage()): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Returns whether the value was stored. */
export function writePref(key: string, value: string, storage: PrefStorage | null = browserStorage()): boolean {
  if (!storage) return false;
  try {
    storage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}
