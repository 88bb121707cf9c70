// The theme choices in memory (loaded once from local storage) and the hook that writes the
// effective theme onto <html data-theme> before the browser paints, so no frame shows the wrong one.

import { useLayoutEffect } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { store as appStore, useApp } from '../../state/store';
import { loadThemePrefs, saveThemeChoice, themeAttribute, type ThemeChoice, type ThemePrefs } from './themePrefs';

const themeStore = createStore<ThemePrefs>()(() => loadThemePrefs());

/** Sets the theme of the current mode (normal or presentation) and remembers it on this machine. */
export function chooseTheme(choice: ThemeChoice): void {
  const mode = appStore.getState().view.presenting ? 'presenting' : 'normal';
  themeStore.setState({ [mode]: choice });
  saveThemeChoice(mode, choice);
}

/** The choice that applies in the current mode. */
export function useThemeChoice(): ThemeChoice {
  const presenting = useApp((s) => s.view.presenting);
  return useStore(themeStore, (p) => p[presenting ? 'presenting' : 'normal']);
}

export function useDocumentTheme(): void {
  const presenting = useApp((s) => s.view.presenting);
  const prefs = useStore(themeStore);
  const theme = themeAttribute(prefs, presenting);
  useLayoutEffect(() => {
    const root = document.documentElement;
    if (theme === null) root.removeAttribute('data-theme');
    else root.setAttribute('data-theme', theme);
  }, [theme]);
}
