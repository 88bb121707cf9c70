// Plain words and the live recursion for a residual network's stream (the residual card and its
// tests): what the architecture does to the stream, and block k's recursion with its numbers.

import { NORM_NAMES, type Architecture } from '../core/architecture/spec';
import { formatValue } from './format';

const num = (v: number | null | undefined, digits = 3) =>
  v === null || v === undefined || !Number.isFinite(v) ? '—' : formatValue(v, digits);

/** What the architecture does to the stream, in words. */
export function streamStory(a: Architecture): string {
  const alpha = `α = ${num(a.branchScale)}`;
  if (a.fixup)
    return `Fixup: every branch ends in a zero layer, so each block is the identity at initialization and the stream keeps its variance.`;
  if (a.branchScale === 0)
    return `ReZero/SkipInit (${alpha}): each block is the identity at initialization; the branches compute but add nothing yet.`;
  if (a.norm === 'none')
    return `Each block adds α²·B(q) to the stream’s second moment q, B being the branch’s own map of it (${alpha}): with B(q) ∝ q the growth is geometric per block.`;
  const norm = NORM_NAMES[a.norm];
  if (a.normPosition === 'pre')
    return `Pre-norm: each branch reads ${norm}(x), whose second moment is 1, so every block adds the same α²·B(1) (${alpha}): the stream grows linearly, not geometrically.`;
  return `Post-norm: ${norm} normalizes the stream after every sum, so its second moment resets to 1 at each block; the gradient is divided by the sum’s spread at each norm.`;
}

/** The recursion of block k with its numbers: theory, then what was measured. */
export function blockFormula(
  a: Architecture,
  k: number,
  theoryPrev: number,
  branch: number,
  theoryNext: number,
  measured: number,
): string {
  const a2 = `${num(a.branchScale)}²`;
  if (a.norm !== 'none' && a.normPosition === 'post') {
    const v = theoryPrev + a.branchScale ** 2 * branch;
    return `E[(x^${k})²] = v/(v + ε) with v = E[(x^${k - 1})²] + α²·B = ${num(theoryPrev)} + ${a2}·${num(branch)} = ${num(v)}, so ${num(theoryNext)} (measured ${num(measured)})`;
  }
  const reads = a.norm !== 'none' ? 'B(1)' : `B(${num(theoryPrev)})`;
  return `E[(x^${k})²] = E[(x^${k - 1})²] + α²·${reads} = ${num(theoryPrev)} + ${a2}·${num(branch)} = ${num(theoryNext)} (measured ${num(measured)})`;
}

/** A network's architecture in a few words, for legends: "plain", "LayerNorm", "ResNet 16×2 α 0.25 pre-LayerNorm". */
export function architectureName(a: Architecture | undefined): string {
  if (!a || a.kind === 'plain') return a && a.norm !== 'none' ? NORM_NAMES[a.norm] : 'plain';
  const alpha = a.branchScaleRule === 'number' ? `α ${num(a.branchScale)}` : `α ${a.branchScaleRule}`;
  const norm = a.norm === 'none' ? '' : ` ${a.normPosition}-${NORM_NAMES[a.norm]}`;
  return `ResNet ${a.blocks}×${a.branchDepth} ${a.fixup ? 'Fixup' : alpha}${norm}`;
}
