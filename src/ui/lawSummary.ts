// Plain-words summary of a weight law's spread (std or bound), for the formula card.

import { lawBound } from '../core/distributions';
import type { WeightLaw } from '../core/types';
import { formatNumber } from '../readings/format';

export interface LawFact {
  name: string;
  value: string;
}

export function lawFacts(law: WeightLaw): LawFact[] {
  switch (law.kind) {
    case 'normal':
      return [
        { name: 'std', value: formatNumber(law.std) },
        ...(law.mean !== 0 ? [{ name: 'mean', value: formatNumber(law.mean) }] : []),
      ];
    case 'truncated_normal':
      return [
        { name: 'std (before cut)', value: formatNumber(law.std) },
        { name: 'bound', value: `±${formatNumber(lawBound(law))}` },
      ];
    case 'uniform':
      return [
        {
          name: 'bound',
          value: law.lo === -law.hi ? `±${formatNumber(law.hi)}` : `[${formatNumber(law.lo)}, ${formatNumber(law.hi)}]`,
        },
      ];
    case 'constant':
      return [{ name: 'every weight', value: formatNumber(law.value) }];
    case 'orthogonal':
      return [{ name: 'orthogonal × gain', value: formatNumber(law.gain) }];
    case 'identity':
      return [{ name: 'identity × gain', value: formatNumber(law.gain) }];
    case 'truncated_normal_range':
      return [
        { name: 'std (before cut)', value: formatNumber(law.std) },
        { name: 'kept', value: `[${formatNumber(law.lo)}, ${formatNumber(law.hi)}]` },
      ];
    case 'sparse_normal':
      return [
        { name: 'std', value: formatNumber(law.std) },
        { name: 'zeros per unit', value: `${law.zeros} of ${law.cols}` },
      ];
  }
}

/** Which layer besides the first shows the rule with different fans, or null if all layers match. */
export function representativeLayer(fans: readonly (readonly [number, number])[]): number | null {
  const [first] = fans;
  if (!first) return null;
  const differs = (i: number) => fans[i] !== undefined && (fans[i][0] !== first[0] || fans[i][1] !== first[1]);
  const middle = Math.floor(fans.length / 2);
  if (differs(middle)) return middle;
  const other = fans.findIndex((_, i) => differs(i));
  return other === -1 ? null : other;
}
