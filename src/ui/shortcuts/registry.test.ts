import { beforeEach, describe, expect, it } from 'vitest';
import { PRESETS } from '../../state/presets';
import { resetStore, store } from '../../state/store';
import { matchShortcut, SHORTCUTS, type KeyPress, type KeyTarget, type ShortcutContext } from './registry';
import { scaleWidth, stepDepth } from './shortcutActions';

const body: KeyTarget = { tagName: 'BODY', isContentEditable: false, role: null };
const normal: ShortcutContext = { presenting: false, modalOpen: false };

function press(key: string, extra: Partial<KeyPress> = {}): KeyPress {
  return {
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    repeat: false,
    defaultPrevented: false,
    target: body,
    ...extra,
  };
}

const matched = (p: KeyPress, context: ShortcutContext = normal) => matchShortcut(p, context)?.key ?? null;

describe('matchShortcut', () => {
  it('answers every registered key on the page itself', () => {
    for (const s of SHORTCUTS) {
      const context = s.key === 'Escape' ? { ...normal, presenting: true } : normal;
      expect(matched(press(s.key), context)).toBe(s.key);
    }
  });

  it('never fires while typing in a field', () => {
    const fields: KeyTarget[] = [
      { tagName: 'INPUT', isContentEditable: false, role: null },
      { tagName: 'SELECT', isContentEditable: false, role: null },
      { tagName: 'TEXTAREA', isContentEditable: false, role: null },
      { tagName: 'DIV', isContentEditable: true, role: null },
      { tagName: 'DIV', isContentEditable: false, role: 'textbox' },
      { tagName: 'DIV', isContentEditable: false, role: 'slider' },
    ];
    for (const target of fields) {
      for (const key of ['ArrowLeft', 'p', '1', ' ', '?', 'c']) expect(matched(press(key, { target }))).toBeNull();
    }
  });

  it('leaves Ctrl, ⌘ and Alt combinations to the browser', () => {
    for (const key of ['c', 'p', 'ArrowLeft', '1']) {
      expect(matched(press(key, { ctrlKey: true }))).toBeNull();
      expect(matched(press(key, { metaKey: true }))).toBeNull();
      expect(matched(press(key, { altKey: true }))).toBeNull();
    }
  });

  it('accepts Shift, which is how ? is typed, and Caps Lock letters', () => {
    expect(matched(press('?'))).toBe('?');
    expect(matched(press('P'))).toBe('p');
  });

  it('leaves a key to the widget that already used it', () => {
    expect(matched(press('ArrowRight', { defaultPrevented: true }))).toBeNull();
  });

  it('leaves Space and Enter to a focused button but takes the arrows', () => {
    const button: KeyTarget = { tagName: 'BUTTON', isContentEditable: false, role: null };
    expect(matched(press(' ', { target: button }))).toBeNull();
    expect(matched(press('ArrowRight', { target: button }))).toBe('ArrowRight');
    expect(matched(press(' ', { target: { tagName: 'DIV', isContentEditable: false, role: 'button' } }))).toBeNull();
  });

  it('does nothing behind a modal dialog', () => {
    expect(matched(press('p'), { presenting: false, modalOpen: true })).toBeNull();
  });

  it('repeats only the stepping keys when held down', () => {
    expect(matched(press('ArrowRight', { repeat: true }))).toBe('ArrowRight');
    expect(matched(press('p', { repeat: true }))).toBeNull();
    expect(matched(press(' ', { repeat: true }))).toBeNull();
  });

  it('takes Esc only in presentation mode', () => {
    expect(matched(press('Escape'))).toBeNull();
    expect(matched(press('Escape'), { presenting: true, modalOpen: false })).toBe('Escape');
  });

  it('has one entry per key and the first nine presets on 1–9, named by their titles', () => {
    const keys = SHORTCUTS.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (let n = 1; n <= 9; n++) expect(SHORTCUTS.find((s) => s.key === String(n))?.label).toBe(PRESETS[n - 1]!.title);
    expect(keys).not.toContain('0');
  });
});

describe('shortcut actions', () => {
  beforeEach(() => resetStore());
  const depth = () => store.getState().config.widths.length;
  const widths = () => store.getState().config.widths;

  it('steps the depth by one step of the slider', () => {
    stepDepth(1);
    expect(depth()).toBe(31);
    stepDepth(-1);
    stepDepth(-1);
    expect(depth()).toBe(29);
  });

  it('doubles and halves every width within the limits', () => {
    scaleWidth(2);
    expect(widths().every((w) => w === 512)).toBe(true);
    for (let i = 0; i < 5; i++) scaleWidth(2);
    expect(widths()[0]).toBe(4096);
    scaleWidth(0.5);
    expect(widths()[0]).toBe(2048);
  });
});
