// The list of every shortcut (opened with ?), straight from the registry so it can never fall
// out of date. A native modal <dialog>: the page behind is inert (focus stays inside), Esc closes
// it, and focus returns to where it was.

import { useEffect, useId, useRef } from 'react';
import { useStore } from 'zustand';
import { SHORTCUTS, type ShortcutGroup } from './registry';
import { closeShortcutDialog, shortcutDialogStore } from './shortcutDialogState';

const GROUPS: readonly ShortcutGroup[] = ['Network', 'View', 'Presets'];

export function ShortcutDialog() {
  const open = useStore(shortcutDialogStore, (s) => s.open);
  const dialog = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const titleId = useId();

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      d.showModal();
    } else if (!open && d.open) {
      d.close();
    }
  }, [open]);

  const onClose = (): void => {
    closeShortcutDialog();
    const back = returnFocus.current;
    returnFocus.current = null;
    if (back?.isConnected) back.focus();
  };

  return (
    <dialog
      ref={dialog}
      className="shortcut-dialog"
      aria-labelledby={titleId}
      onClose={onClose}
      // A click on the backdrop (the dialog element itself, outside its content) closes it too.
      onClick={(e) => {
        if (e.target === e.currentTarget) closeShortcutDialog();
      }}
    >
      <div className="dialog-head">
        <h2 id={titleId}>Keyboard shortcuts</h2>
        <button type="button" className="button-quiet" onClick={closeShortcutDialog}>
          Close
        </button>
      </div>
      <p className="dialog-note">
        They work anywhere on the page except while you type in a field, and never with Ctrl, ⌘ or Alt held.
      </p>
      <div className="shortcut-groups">
        {GROUPS.map((group) => (
          <section key={group} aria-labelledby={`${titleId}-${group}`}>
            <h3 id={`${titleId}-${group}`}>
              {group === 'Presets' ? 'Presets (opened like a click in the gallery)' : group}
            </h3>
            <dl className="shortcut-list">
              {SHORTCUTS.filter((s) => s.group === group).map((s) => (
                <div key={s.key}>
                  <dt>
                    <kbd>{s.keyLabel}</kbd>
                  </dt>
                  <dd>{s.label}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </dialog>
  );
}
