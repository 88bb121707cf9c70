// One sentence that reads the correlation chart: where the mean pair correlation c^l of two
// different inputs ends up. Ordered phase: c → 1 and the inputs become indistinguishable; chaotic
// phase: c settles at a fixed point c* < 1 and they stay apart. ReLU at criticality sits between:
// c creeps toward 1 only polynomially, so at a finite depth it is still climbing.

import { formatValue } from './format';

export type CorrelationPhase = 'ordered' | 'climbing' | 'settled' | 'none';

export interface CorrelationReading {
  phase: CorrelationPhase;
  text: string;
}

/** c within this of 1 counts as "indistinguishable": the inputs' directions differ by under 8°. */
const ONE = 0.99;
/** Change over the last quarter of the layers below which c counts as settled. */
const SETTLED = 0.01;

/** `values[i]` is layer i + 1 (theory preferred by the caller, else the measurement). */
export function readCorrelation(values: readonly (number | null)[]): CorrelationReading {
  // Read while a run streams, several times a second over up to 2000 layers: indices of the known
  // values, not a list of them.
  const isKnown = (c: number | null | undefined): c is number => c !== null && c !== undefined && Number.isFinite(c);
  let count = 0;
  let lastIndex = -1;
  values.forEach((c, i) => {
    if (!isKnown(c)) return;
    count++;
    lastIndex = i;
  });
  if (count < 2) return { phase: 'none', text: 'Not enough layers with two non-zero inputs to read a correlation.' };
  const c = values[lastIndex]!;
  const at = `c = ${c.toFixed(3)} at layer ${lastIndex + 1}`;
  if (c >= ONE)
    return { phase: 'ordered', text: `Ordered: c → 1 (${at}), so two different inputs become indistinguishable.` };
  // The known value three quarters of the way along the known ones.
  let rank = Math.floor(((count - 1) * 3) / 4);
  let earlier = 0;
  for (const v of values) {
    if (!isKnown(v)) continue;
    if (rank-- === 0) {
      earlier = v;
      break;
    }
  }
  const rise = c - earlier;
  if (rise > SETTLED)
    return { phase: 'climbing', text: `c climbs toward 1 (${at}): inputs become ever more alike, slowly.` };
  const star = Math.abs(c) < 0.0005 ? '0' : formatValue(c);
  return { phase: 'settled', text: `c settles at c* ≈ ${star} < 1 (${at}): different inputs stay distinguishable.` };
}
