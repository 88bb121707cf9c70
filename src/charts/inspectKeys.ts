// The keys that move the inspected layer (or block) along a chart, as a slider's would.

const KEY_STEPS: Record<string, number> = {
  ArrowLeft: -1,
  ArrowRight: 1,
  ArrowDown: -1,
  ArrowUp: 1,
  PageDown: -10,
  PageUp: 10,
};

/**
 * The position `key` moves the inspection to from `current` (1 when none), among 1…`last`:
 * null to stop inspecting (Escape), undefined for a key that does not move it. The caller clamps.
 */
export function nextInspected(key: string, current: number | null, last: number): number | null | undefined {
  const step = KEY_STEPS[key];
  if (step !== undefined) return (current ?? 1) + step;
  if (key === 'Home') return 1;
  if (key === 'End') return last;
  if (key === 'Escape') return null;
  return undefined;
}
