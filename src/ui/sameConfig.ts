// Whether shown results belong to the current settings. The runner may hold its own copy of
// the config, so compare by value, not by reference.

import type { SimConfig } from '../core/types';

export function sameConfig(a: SimConfig | null, b: SimConfig | null): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
