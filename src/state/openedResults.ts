// Results files opened on the page (file picker or drag-and-drop): each is drawn on the signal
// chart like a pin, named by its source. They stay on this page only: never in the link, never
// sent anywhere. A store of its own, so the app's store and the link need not know about files.

import { create } from 'zustand';
import { MAX_FILE_BYTES, parseResultFile, type OpenedResult } from '../results/resultFile';

export const MAX_OPENED = 4;

export interface OpenedEntry extends OpenedResult {
  key: string;
}

interface OpenedState {
  files: OpenedEntry[];
  /** The last file's problem, in one line, or null. */
  problem: string | null;
}

export const openedStore = create<OpenedState>(() => ({ files: [], problem: null }));

let counter = 0;

/** Reads and checks a file, then draws it; returns the problem (also kept for the notice) or null. */
export async function openResultFile(file: Pick<File, 'name' | 'size' | 'text'>): Promise<string | null> {
  const name = file.name || 'file';
  const refuse = (problem: string) => {
    const line = `${name}: ${problem}`;
    openedStore.setState({ problem: line });
    return line;
  };
  if (file.size > MAX_FILE_BYTES) return refuse(`the file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  if (openedStore.getState().files.length >= MAX_OPENED)
    return refuse(`at most ${MAX_OPENED} files can be open: close one first`);
  let text: string;
  try {
    text = await file.text();
  } catch {
    return refuse('the file could not be read');
  }
  const outcome = parseResultFile(text, name);
  if (!outcome.ok) return refuse(outcome.problem);
  const entry: OpenedEntry = { ...outcome.result, key: `file:${++counter}` };
  openedStore.setState((s) => ({ files: [...s.files, entry].slice(0, MAX_OPENED), problem: null }));
  return null;
}

export function closeResult(key: string): void {
  openedStore.setState((s) => ({ files: s.files.filter((f) => f.key !== key) }));
}

export function dismissProblem(): void {
  openedStore.setState({ problem: null });
}
