// Every keyboard shortcut in one table: the key, what it does in words (the ? dialog lists these
// very entries), when it applies and what it performs. matchShortcut decides whether a key press
// is a shortcut at all; it is pure, so the rules below are tested without a browser.

import { PRESETS } from '../../state/presets';
import { leavePresentation, togglePresentation } from '../presentation/presentation';
import { toggleReveal } from '../reveal/revealController';
import { openShortcutDialog } from './shortcutDialogState';
import { copyLinkToClipboard, openPresetNumber, scaleWidth, stepDepth } from './shortcutActions';

export interface ShortcutContext {
  presenting: boolean;
  /** A modal dialog is open: it has the keyboard, and no shortcut acts behind it. */
  modalOpen: boolean;
}

export type ShortcutGroup = 'Network' | 'Presets' | 'View';

export interface Shortcut {
  /** KeyboardEvent.key it answers to; letters in lower case (Caps Lock gives the same shortcut). */
  key: string;
  /** The key as written in the list of shortcuts. */
  keyLabel: string;
  label: string;
  group: ShortcutGroup;
  /** Held down, the key repeats the action (stepping the depth); otherwise a held key acts once. */
  repeatable?: boolean;
  when?: (context: ShortcutContext) => boolean;
  perform: (context: ShortcutContext) => void;
}

/** The element a key press is aimed at, reduced to what decides whether it is typing. */
export interface KeyTarget {
  tagName: string;
  isContentEditable: boolean;
  role: string | null;
}

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  repeat: boolean;
  /** A focused widget already used the key (the chart's layer inspector uses the arrows). */
  defaultPrevented: boolean;
  target: KeyTarget | null;
}

const TYPING_TAGS = new Set(['INPUT', 'SELECT', 'TEXTAREA']);
const TYPING_ROLES = new Set(['textbox', 'searchbox', 'combobox', 'spinbutton', 'slider', 'listbox']);
/** Elements that Space and Enter press (a button must stay a button). */
const PRESSABLE_TAGS = new Set(['BUTTON', 'A', 'SUMMARY']);
const PRESSABLE_ROLES = new Set(['button', 'link', 'checkbox', 'switch', 'tab', 'menuitem', 'option', 'radio']);

export function isTypingTarget(target: KeyTarget | null): boolean {
  if (!target) return false;
  return (
    TYPING_TAGS.has(target.tagName) ||
    target.isContentEditable ||
    (target.role !== null && TYPING_ROLES.has(target.role))
  );
}

function pressesTarget(press: KeyPress): boolean {
  const { target } = press;
  if (!target || (press.key !== ' ' && press.key !== 'Enter')) return false;
  return PRESSABLE_TAGS.has(target.tagName) || (target.role !== null && PRESSABLE_ROLES.has(target.role));
}

const presetShortcuts: Shortcut[] = PRESETS.slice(0, 9).map((preset, i) => ({
  key: String(i + 1),
  keyLabel: String(i + 1),
  label: preset.title,
  group: 'Presets',
  perform: () => openPresetNumber(i + 1),
}));

export const SHORTCUTS: readonly Shortcut[] = [
  {
    key: 'ArrowLeft',
    keyLabel: '←',
    label: 'One layer fewer (one step of the depth slider)',
    group: 'Network',
    repeatable: true,
    perform: () => stepDepth(-1),
  },
  {
    key: 'ArrowRight',
    keyLabel: '→',
    label: 'One layer more (one step of the depth slider)',
    group: 'Network',
    repeatable: true,
    perform: () => stepDepth(1),
  },
  {
    key: 'ArrowUp',
    keyLabel: '↑',
    label: 'Double the width',
    group: 'Network',
    repeatable: true,
    perform: () => scaleWidth(2),
  },
  {
    key: 'ArrowDown',
    keyLabel: '↓',
    label: 'Halve the width',
    group: 'Network',
    repeatable: true,
    perform: () => scaleWidth(0.5),
  },
  ...presetShortcuts,
  {
    key: ' ',
    keyLabel: 'Space',
    label: 'Send the signal through layer by layer (again: stop)',
    group: 'View',
    perform: () => toggleReveal(),
  },
  { key: 'p', keyLabel: 'P', label: 'Presentation mode on or off', group: 'View', perform: () => togglePresentation() },
  {
    key: 'Escape',
    keyLabel: 'Esc',
    label: 'Leave presentation mode',
    group: 'View',
    when: (c) => c.presenting,
    perform: () => leavePresentation(),
  },
  {
    key: 'c',
    keyLabel: 'C',
    label: 'Copy a link to exactly this view',
    group: 'View',
    perform: () => void copyLinkToClipboard(),
  },
  { key: '?', keyLabel: '?', label: 'Show these shortcuts', group: 'View', perform: () => openShortcutDialog() },
];

/** The shortcut a key press triggers, or null when the press belongs to something else. */
export function matchShortcut(
  press: KeyPress,
  context: ShortcutContext,
  shortcuts: readonly Shortcut[] = SHORTCUTS,
): Shortcut | null {
  // Ctrl/⌘/Alt combinations are the browser's and the system's (Ctrl+C, ⌘P); Shift is how "?" is typed.
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  if (press.defaultPrevented || context.modalOpen) return null;
  if (isTypingTarget(press.target) || pressesTarget(press)) return null;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  const shortcut = shortcuts.find((s) => s.key === key);
  if (!shortcut || (press.repeat && !shortcut.repeatable)) return null;
  if (shortcut.when && !shortcut.when(context)) return null;
  return shortcut;
}
