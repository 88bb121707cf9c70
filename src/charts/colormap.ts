// Viridis, sampled at eleven points and interpolated linearly in RGB. Its lightness rises
// monotonically, so it reads correctly for every kind of colour vision and in greyscale (a
// projector washing out hues still leaves the light-dark ordering).

const VIRIDIS_STOPS = [
  '#440154',
  '#482475',
  '#414487',
  '#355f8d',
  '#2a788e',
  '#21918c',
  '#22a884',
  '#44bf70',
  '#7ad151',
  '#bddf26',
  '#fde725',
].map((hex): [number, number, number] => [
  parseInt(hex.slice(1, 3), 16),
  parseInt(hex.slice(3, 5), 16),
  parseInt(hex.slice(5, 7), 16),
]);

/** Viridis at t ∈ [0, 1] (clamped) as [r, g, b] bytes. */
export function viridisRGB(t: number): [number, number, number] {
  const u = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
  const pos = u * (VIRIDIS_STOPS.length - 1);
  const i = Math.min(VIRIDIS_STOPS.length - 2, Math.floor(pos));
  const f = pos - i;
  const a = VIRIDIS_STOPS[i]!;
  const b = VIRIDIS_STOPS[i + 1]!;
  return [0, 1, 2].map((c) => Math.round(a[c]! + f * (b[c]! - a[c]!))) as [number, number, number];
}

export function viridisCss(t: number): string {
  const [r, g, b] = viridisRGB(t);
  return `rgb(${r}, ${g}, ${b})`;
}

/**
 * Position of a share on a log colour scale from `min` to `max` (both > 0): 0 at min, 1 at max.
 * A log scale keeps a thin tail (0.1 % of values) visible next to a spike holding half of them.
 */
export function logPosition(share: number, min: number, max: number): number {
  if (!(share > 0) || !(max > min) || !(min > 0)) return share > 0 ? 1 : 0;
  return Math.min(1, Math.max(0, Math.log(share / min) / Math.log(max / min)));
}
