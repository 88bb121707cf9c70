// What the keyboard shortcuts do, as plain functions over the existing actions: the same depth
// steps as the depth slider, presets opened exactly as the gallery opens them, the link the
// Copy link button copies.

import { LIMITS } from '../../core/limits';
import { setView, setWidth, setWidths } from '../../state/actions';
import { PRESETS } from '../../state/presets';
import { store } from '../../state/store';
import { currentLink } from '../../state/urlSync';
import { applyDepth } from '../controls/DepthControl';
import { DEPTH_SCALE } from '../controls/sliderScale';
import { openPreset } from '../presetSelection';
import { announce } from './feedback';
import { stepOnScale } from './scaleStep';

export function stepDepth(direction: 1 | -1): void {
  const depth = store.getState().config.widths.length;
  const next = stepOnScale(DEPTH_SCALE, depth, direction);
  if (next !== depth) applyDepth(next);
}

/** Doubles or halves every layer's width (a funnel stays a funnel), within the allowed range. */
export function scaleWidth(factor: 2 | 0.5): void {
  const { widths } = store.getState().config;
  const scaled = widths.map((w) => Math.min(LIMITS.width.max, Math.max(LIMITS.width.min, Math.round(w * factor))));
  if (scaled.every((w, i) => w === widths[i])) return;
  if (scaled.every((w) => w === scaled[0])) setWidth(scaled[0]!);
  else setWidths(scaled);
}

/** Opens preset `n` (1-based) like a click in the gallery; a presentation stays a presentation. */
export function openPresetNumber(n: number): void {
  const preset = PRESETS[n - 1];
  if (!preset) return;
  const presenting = store.getState().view.presenting;
  openPreset(preset);
  // A preset's link carries no view of its own, so opening it would otherwise end the talk.
  if (presenting) setView({ presenting: true });
}

export async function copyLinkToClipboard(): Promise<void> {
  try {
    await navigator.clipboard.writeText(currentLink());
    announce('Link copied');
  } catch {
    announce('Copying was blocked here: the Copy link button shows the link to select');
  }
}
