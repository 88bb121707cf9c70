// How an architecture is written into links: each writer returns the key's text, or null when the
// value is the default (or does not apply: the residual keys of a plain network), so a plain
// network's link is exactly what it was before these keys existed.

import { ARCHITECTURE_DEFAULTS as D, type Architecture } from '../core/architecture/spec';
import type { SimConfig } from '../core/types';

const residual = (c: SimConfig): Architecture | null => (c.architecture?.kind === 'residual' ? c.architecture : null);
const normed = (c: SimConfig): Architecture | null =>
  c.architecture && c.architecture.norm !== 'none' ? c.architecture : null;
const text = (x: number) => String(x).replace('e+', 'e');

export const ARCHITECTURE_WRITERS = {
  residual: (c: SimConfig) => (residual(c) ? '1' : null),
  norm: (c: SimConfig) => normed(c)?.norm ?? null,
  normPosition: (c: SimConfig) => {
    const a = normed(c);
    return a && a.kind === 'residual' && a.normPosition !== D.normPosition ? a.normPosition : null;
  },
  normEps: (c: SimConfig) => {
    const a = normed(c);
    return a && a.normEps !== D.normEps ? text(a.normEps) : null;
  },
  blocks: (c: SimConfig) => {
    const a = residual(c);
    return a && a.blocks !== D.blocks ? String(a.blocks) : null;
  },
  branchDepth: (c: SimConfig) => {
    const a = residual(c);
    return a && a.branchDepth !== D.branchDepth ? String(a.branchDepth) : null;
  },
  branchScale: (c: SimConfig) => {
    const a = residual(c);
    if (!a) return null;
    if (a.branchScaleRule !== 'number') return a.branchScaleRule;
    return a.branchScale !== D.branchScale ? text(a.branchScale) : null;
  },
  fixup: (c: SimConfig) => (residual(c)?.fixup ? '1' : null),
};

/** A residual network's depth follows from its blocks: the depth key is not written for it. */
export const isResidual = (c: SimConfig): boolean => residual(c) !== null;
