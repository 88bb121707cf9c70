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
  const known: [number, number][] = [];
  values.forEach((c, i) => {
    if (c !== null && Number.isFinite(c)) known.push([i + 1, c]);
  });
  const last = known.at(-1);
  if (!last || known.length < 2) return { phase: 'none', text: 'Not enough layers with two non-zero inputs to read a correlation.' };
  const [layer, c] = last;
  const at = `c = ${c.toFixed(3)} at layer ${layer}`;
  if (c >= ONE) return { phase: 'ordered', text: `Ordered: c → 1 (${at}), so two different inputs become indistinguishable.` };
  const earlier = known[Math.floor(((known.length - 1) * 3) / 4)]!;
  const rise = c - earlier[1];
  if (rise > SETTLED) return { phase: 'climbing', text: `c climbs toward 1 (${at}): inputs become ever more alike, slowly.` };
  const star = Math.abs(c) < 0.0005 ? '0' : formatValue(c);
  return { phase: 'settled', text: `c settles at c* ≈ ${star} < 1 (${at}): different inputs stay distinguishable.` };
}
