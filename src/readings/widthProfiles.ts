// Per-layer width profiles. Funnels and bottlenecks are geometric (equal ratios between
// neighbours), so fan_in/fan_out stays the same along the slope and the effect of fan_in ≠ fan_out
// is visible at every layer. A profile is recognised from the widths alone, so a link or a depth
// change keeps the shape the person chose.

import { LIMITS } from '../core/limits';

export type WidthProfile = 'constant' | 'funnel' | 'bottleneck' | 'custom';

export const PROFILE_LABELS: Record<WidthProfile, string> = {
  constant: 'Constant',
  funnel: 'Funnel (wide → narrow)',
  bottleneck: 'Bottleneck (narrow middle)',
  custom: 'Custom list',
};

function clampWidth(w: number): number {
  return Math.min(LIMITS.width.max, Math.max(LIMITS.width.min, Math.round(w)));
}

export function constantWidths(width: number, depth: number): number[] {
  return new Array<number>(depth).fill(clampWidth(width));
}

/** `depth` widths from `wide` down to `narrow`, geometrically. */
export function funnelWidths(wide: number, narrow: number, depth: number): number[] {
  if (depth <= 1) return [clampWidth(wide)];
  const ratio = narrow / wide;
  return Array.from({ length: depth }, (_, i) => clampWidth(wide * ratio ** (i / (depth - 1))));
}

/** Down from `wide` to `narrow` at the middle and back up, mirror-symmetric. */
export function bottleneckWidths(wide: number, narrow: number, depth: number): number[] {
  const half = Math.ceil(depth / 2);
  const down = funnelWidths(wide, narrow, half);
  return Array.from({ length: depth }, (_, i) => (i < half ? down[i]! : down[depth - 1 - i]!));
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

export function isConstant(widths: readonly number[]): boolean {
  return widths.every((w) => w === widths[0]);
}

export interface ProfileShape {
  profile: WidthProfile;
  wide: number;
  narrow: number;
}

/** Which generated profile these widths are exactly (custom when none). */
export function recognizeProfile(widths: readonly number[]): ProfileShape {
  const first = widths[0] ?? LIMITS.width.min;
  const narrow = Math.min(...widths);
  if (isConstant(widths)) return { profile: 'constant', wide: first, narrow: first };
  const last = widths[widths.length - 1] ?? first;
  if (sameList(widths, funnelWidths(first, last, widths.length)))
    return { profile: 'funnel', wide: first, narrow: last };
  if (sameList(widths, bottleneckWidths(first, narrow, widths.length)))
    return { profile: 'bottleneck', wide: first, narrow };
  return { profile: 'custom', wide: Math.max(...widths), narrow };
}

/** Widths of the given profile; `wide`/`narrow` are ignored where they do not apply. */
export function profileWidths(shape: ProfileShape, depth: number): number[] {
  switch (shape.profile) {
    case 'constant':
      return constantWidths(shape.wide, depth);
    case 'funnel':
      return funnelWidths(shape.wide, shape.narrow, depth);
    case 'bottleneck':
      return bottleneckWidths(shape.wide, shape.narrow, depth);
    case 'custom':
      return constantWidths(shape.wide, depth);
  }
}

/**
 * The widths for a new depth that keep a recognised shape (a funnel stays a geometric funnel
 * between the same ends); null for a custom list, which the store stretches or cuts itself.
 */
export function resizeProfile(widths: readonly number[], depth: number): number[] | null {
  const shape = recognizeProfile(widths);
  return shape.profile === 'custom' ? null : profileWidths(shape, depth);
}

export type ParsedWidths = { ok: true; widths: number[] } | { ok: false; message: string };

/** Parses "512, 256, 128" strictly: every entry a whole number in range, at most 2000 entries. */
export function parseWidthList(text: string): ParsedWidths {
  const parts = text.split(',').map((s) => s.trim());
  if (parts.length === 1 && parts[0] === '')
    return { ok: false, message: 'Enter at least one width, e.g. 512,256,128' };
  if (parts.length > LIMITS.depth.max)
    return { ok: false, message: `At most ${LIMITS.depth.max} widths (one per layer); got ${parts.length}` };
  const widths: number[] = [];
  for (const [i, part] of parts.entries()) {
    const v = /^\d+$/.test(part) ? Number(part) : NaN;
    if (!(v >= LIMITS.width.min && v <= LIMITS.width.max)) {
      const shown = part === '' ? 'empty' : `"${part.length > 12 ? part.slice(0, 12) + '…' : part}"`;
      return {
        ok: false,
        message: `Entry ${i + 1} (${shown}) must be a whole number from ${LIMITS.width.min} to ${LIMITS.width.max}`,
      };
    }
    widths.push(v);
  }
  return { ok: true, widths };
}
