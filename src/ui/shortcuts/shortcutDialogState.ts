// Whether the list of shortcuts is open; `?` and the tour open it, the dialog closes it.

import { createStore } from 'zustand/vanilla';

export const shortcutDialogStore = createStore<{ open: boolean }>()(() => ({ open: false }));

export function openShortcutDialog(): void {
  shortcutDialogStore.setState({ open: true });
}

export function closeShortcutDialog(): void {
  shortcutDialogStore.setState({ open: false });
}
