// Fan modes shared by the Keras, TF1 and TF.js variance-scaling rules.

export const FAN_MODES = ['fan_in', 'fan_out', 'fan_avg'] as const;

/** n for a fan mode, at least 1 as Keras, TF and TF.js guard it (a 0-width layer never divides by 0). */
export function fanCount(mode: string, fanIn: number, fanOut: number): number {
  const n = mode === 'fan_out' ? fanOut : mode === 'fan_avg' ? (fanIn + fanOut) / 2 : fanIn;
  return Math.max(1, n);
}

/** How n reads in a rule. */
export function fanSymbol(mode: string): string {
  return mode === 'fan_out' ? 'fan_out' : mode === 'fan_avg' ? '((fan_in + fan_out)/2)' : 'fan_in';
}
