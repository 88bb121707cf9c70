// The size and gradient parts of a residual network's verdict, judged on the stream x^k per block
// rather than on the linear layers inside the branches. A branch's layers say little about the
// network: Fixup starts each branch's last layer at zero and ReZero scales the branch by α = 0, so
// their branch layers are "dead" or carry no gradient by design, while the stream — what the next
// block and the read-out see — keeps its size exactly (Zhang et al. 2019; Bachlechner et al. 2020).

import type { BlockResults } from '../core/records';
import type { LayerStatus } from '../core/types';
import { gradientVerdict } from './gradientVerdict';
import { formatFactor } from './format';
import { judgeSignal, overallChange, type Verdict } from './verdict';

const PER_LAYER = /per layer/g;

function perBlock(v: Verdict): Verdict {
  return { ...v, text: v.text.replace(PER_LAYER, 'per block') };
}

function statusOf(v: number): LayerStatus {
  if (!Number.isFinite(v)) return 'overflow';
  return v === 0 ? 'dead' : 'ok';
}

/**
 * A per-block trend whose whole way stays within a factor of 10 is bounded, not exploding: with
 * α = 1/√K each block multiplies the stream by 1 + 2/K, a factor that shrinks as blocks are added,
 * so K blocks never pass e² ≈ 7.4 (docs/residual.md). A per-layer factor describes what a deeper
 * plain net keeps doing; a per-block factor under a K-dependent α does not, so the whole way decides.
 */
function bounded(v: Verdict, values: readonly (number | null)[]): Verdict {
  if (v.kind !== 'exploding' && v.kind !== 'vanishing') return v;
  const change = overallChange(values);
  if (!change || change.ratio <= 0.1 || change.ratio >= 10) return v;
  const per = v.factor !== null ? `${formatFactor(v.factor)} per block, ` : '';
  return { ...v, kind: 'stable', text: `stable: ${per}bounded at ${change.way} over ${values.length} blocks` };
}

/** The stream's second moment per block, as the size part; null when no block has arrived. */
export function streamSize(results: BlockResults): { measured: Verdict; theory: Verdict | null } | null {
  const blocks = results.blocks;
  if (blocks.length === 0) return null;
  return {
    measured: streamMeasuredSize(blocks.map((b) => b.stream.secondMoment)),
    theory: streamTheorySize(blocks.map((b) => b.theory.streamSecondMoment)),
  };
}

/** The measured stream's E[(x^k)²] per block (Infinity: overflowed), judged as the size part. */
export function streamMeasuredSize(seconds: readonly number[]): Verdict {
  const values = seconds.map((v) => (Number.isFinite(v) ? v : null));
  return bounded(perBlock(judgeSignal(values, seconds.map(statusOf))), values);
}

/** The theory's stream q_k per block, judged as the size part is; null when a block has no closed form. */
export function streamTheorySize(theoryValues: readonly (number | null)[]): Verdict | null {
  return theoryValues.length > 0 && theoryValues.every((v) => v !== null)
    ? bounded(perBlock(judgeSignal(theoryValues)), theoryValues)
    : null;
}

/** The stream's gradient per block, judged from the top block down as gradientVerdict does; null without it. */
export function streamGradient(results: BlockResults): { measured: Verdict; theory: Verdict | null } | null {
  const grads = results.blockGradients ?? [];
  if (grads.length === 0) return null;
  const measured = gradientVerdict(
    Array.from(grads, (g) => (g ? { value: g.streamSecondMoment, status: statusOf(g.streamSecondMoment) } : undefined)),
  );
  if (!measured) return null;
  const theoryDown = [...grads].reverse().map((g) => g?.theory ?? null);
  const theory = theoryDown.every((v) => v !== null) ? bounded(perBlock(judgeSignal(theoryDown)), theoryDown) : null;
  const down = [...grads].reverse().map((g) => g?.streamSecondMoment ?? null);
  return { measured: bounded(perBlock(measured), down), theory };
}
