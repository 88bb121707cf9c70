// What each verdict means, in two plain sentences for someone meeting the idea for the first
// time: what happens to the signal, then why that matters for training.

import type { VerdictKind } from './verdict';

export const VERDICT_EXPLANATIONS: Readonly<Record<VerdictKind, string>> = {
  vanishing:
    'Each layer multiplies the signal’s size by less than one, so after many layers almost nothing reaches the top. Training such a network is slow or impossible, because gradients shrink the same way.',
  exploding:
    'Each layer multiplies the signal’s size by more than one, so it grows exponentially with depth and the top layers see enormous numbers. Training such a network is unstable, because gradients usually blow up the same way.',
  stable:
    'Each layer passes the signal on at about the size it received, so the top of the network still sees what the bottom was given. This is what a good initialization aims for: signals and gradients can cross every layer.',
  overflow:
    'The signal grew past the largest number a 32-bit float can hold (about 3.4 × 10³⁸), so from this layer on it is infinite and every later value is meaningless. The weights are far too large for this depth; nothing above that layer can learn.',
  underflow:
    'The signal shrank below the smallest number a 32-bit float can hold, so from this layer on every value is exactly zero. The layers above receive nothing at all, and no gradient can flow back through them.',
  dead:
    'Every pre-activation of this layer is exactly zero, because its weights and bias are all zero or nothing reached it from below. All its units are identical, so no gradient can ever make them learn different things.',
  'too-shallow':
    'There are too few layers to see a trend: the verdict needs at least three to tell steady growth or decay from the first layer’s start-up. Add layers to see whether the signal vanishes, explodes or stays stable.',
};

export function explainVerdict(kind: VerdictKind): string {
  return VERDICT_EXPLANATIONS[kind];
}
