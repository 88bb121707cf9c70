// ColorBrewer's PuOr, a diverging scale safe for every kind of colour vision: purple for the
// ordered phase, orange for the chaotic one, near-white at the critical line between them. Each
// half gets darker away from the centre, so even in greyscale "how far from critical" reads.

const PUOR_STOPS = [
  '#2d004b',
  '#542788',
  '#8073ac',
  '#b2abd2',
  '#d8daeb',
  '#f7f7f7',
  '#fee0b6',
  '#fdb863',
  '#e08214',
  '#b35806',
  '#7f3b08',
].map((hex): [number, number, number] => [
  parseInt(hex.slice(1, 3), 16),
  parseInt(hex.slice(3, 5), 16),
  parseInt(hex.slice(5, 7), 16),
]);

/** PuOr at t ∈ [−1, 1] (clamped; NaN is the centre) as [r, g, b] bytes: −1 purple, 0 white, 1 orange. */
export function divergingRGB(t: number): [number, number, number] {
  const u = Number.isFinite(t) ? (Math.min(1, Math.max(-1, t)) + 1) / 2 : 0.5;
  const pos = u * (PUOR_STOPS.length - 1);
  const i = Math.min(PUOR_STOPS.length - 2, Math.floor(pos));
  const f = pos - i;
  const a = PUOR_STOPS[i]!;
  const b = PUOR_STOPS[i + 1]!;
  return [0, 1, 2].map((c) => Math.round(a[c]! + f * (b[c]! - a[c]!))) as [number, number, number];
}

export function divergingCss(t: number): string {
  const [r, g, b] = divergingRGB(t);
  return `rgb(${r}, ${g}, ${b})`;
}

/** χ₁ = 1/4 and 4 are the ends of the colour scale; beyond them the colour stays the same. */
export const CHI1_COLOUR_LIMIT = 4;

/**
 * Position of χ₁ on the diverging scale, symmetric in ln χ₁ (1/2 and 2 sit opposite each other).
 * The square root spreads the values near 1 — where the phases meet, and where tanh's whole
 * chaotic side lies (χ₁ ≤ 1.4) — over more of the scale than a linear ln χ₁ would.
 */
export function chi1Position(chi1: number): number {
  if (chi1 === 0) return -1;
  const t = Math.log(chi1) / Math.log(CHI1_COLOUR_LIMIT);
  return Math.sign(t) * Math.sqrt(Math.min(1, Math.abs(t)));
}
