// Where the tour's panel goes: beside the highlighted element if there is room (right, below,
// above, left, in that order), else in the bottom-right corner of the window. Pure, in viewport
// pixels, so it is tested without a browser.

export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

/** Space kept between the panel, its target and the window's edges. */
const GAP = 14;

const clamp = (v: number, lo: number, hi: number): number => Math.min(Math.max(v, lo), Math.max(lo, hi));

export function placeTourPanel(target: Box | null, panel: Size, viewport: Size): { top: number; left: number } {
  const corner = { top: viewport.height - panel.height - GAP, left: viewport.width - panel.width - GAP };
  if (!target) return { top: Math.max(GAP, corner.top), left: Math.max(GAP, corner.left) };
  const alignTop = clamp(target.top, GAP, viewport.height - panel.height - GAP);
  const alignLeft = clamp(target.left, GAP, viewport.width - panel.width - GAP);
  const candidates = [
    { top: alignTop, left: target.left + target.width + GAP },
    { top: target.top + target.height + GAP, left: alignLeft },
    { top: target.top - panel.height - GAP, left: alignLeft },
    { top: alignTop, left: target.left - panel.width - GAP },
  ];
  const fits = (c: { top: number; left: number }) =>
    c.top >= GAP &&
    c.left >= GAP &&
    c.top + panel.height <= viewport.height - GAP &&
    c.left + panel.width <= viewport.width - GAP;
  return candidates.find(fits) ?? { top: Math.max(GAP, corner.top), left: Math.max(GAP, corner.left) };
}
