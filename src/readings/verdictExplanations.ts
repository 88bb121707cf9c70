// What each verdict means, in two plain sentences for someone meeting the idea for the first
// time: what happens to the signal, then why that matters for training. The headline's
// explanation comes from the part the headline names (size, input information or gradients).

import type { InputsKind } from './inputsVerdict';
import type { GradientKind, RunVerdict } from './runVerdict';
import type { VerdictKind } from './verdict';

export const VERDICT_EXPLANATIONS: Readonly<Record<VerdictKind, string>> = {
  vanishing:
    'Each layer multiplies the signal’s size by less than one, so after many layers almost nothing reaches the top. Training such a network is slow or impossible, because gradients shrink the same way.',
  exploding:
    'Each layer multiplies the signal’s size by more than one, so it grows exponentially with depth and the top layers see enormous numbers. Training such a network is unstable, because gradients usually blow up the same way.',
  stable:
    'Each layer passes the signal on at about the size it received, different inputs stay different, and the gradients keep their size on the way back. This is what a good initialization aims for: signals and gradients can cross every layer.',
  overflow:
    'The signal grew past the largest number a 32-bit float can hold (about 3.4 × 10³⁸), so from this layer on it is infinite and every later value is meaningless. The weights are far too large for this depth; nothing above that layer can learn.',
  underflow:
    'The signal shrank below the smallest number a 32-bit float can hold, so from this layer on every value is exactly zero. The layers above receive nothing of the input, and since φ′(0) = 0 no gradient can flow back through them either.',
  dead: 'Every pre-activation of this layer is exactly zero, because its weights and bias are all zero or nothing reached it from below. All its units are identical, so no gradient can ever make them learn different things.',
  'too-shallow':
    'There are too few layers to see a trend: the verdict needs at least three to tell steady growth or decay from the first layer’s start-up. Add layers to see whether the signal vanishes, explodes or stays stable.',
};

/**
 * Underflow where φ′(0) ≠ 0 (tanh, linear, sin: φ′(0) = 1): δ^l = φ′(h^l)·(W^{l+1})ᵀδ^{l+1} still
 * flows back through the zeroed layers (and matches the theory), but ∂L/∂W^{l+1} = φ(h^l)ᵀδ^{l+1}
 * is exactly 0 there, because φ(0) = 0.
 */
function underflowWithSlope(slope: number): string {
  const at = Number.isInteger(slope) ? String(slope) : slope.toPrecision(3);
  return `The signal shrank below the smallest number a 32-bit float can hold, so from this layer on every value is exactly zero. The gradient δ still flows back through those layers (φ′(0) = ${at}), but every weight gradient φ(h)ᵀδ in them is exactly 0, so they cannot learn.`;
}

/** `slopeAtZero` is φ′(0) of the network's activation, when known: it decides what an underflow does to the gradients. */
export function explainVerdict(kind: VerdictKind, slopeAtZero?: number): string {
  if (kind === 'underflow' && slopeAtZero !== undefined && slopeAtZero !== 0 && Number.isFinite(slopeAtZero))
    return underflowWithSlope(slopeAtZero);
  return VERDICT_EXPLANATIONS[kind];
}

export const INPUTS_EXPLANATIONS: Readonly<Record<InputsKind, string>> = {
  ordered:
    'Each layer pulls the signals of different inputs geometrically closer together, until the part they share (the bias, or the mean of the units) is all that is left and every input gives nearly the same output. The network has forgotten its input before training starts, and its gradients shrink with depth, so it can hardly learn to tell inputs apart.',
  chaotic:
    'Each layer pushes nearby inputs further apart, so tiny differences in the input are blown up into unrelated outputs even while the signal’s size holds still. The gradients grow the same way toward the input, so training is unstable; the edge of chaos, χ₁ = 1, is where a deep network should start.',
  preserved:
    'Different inputs stay different: near the edge of chaos (χ₁ ≈ 1) the differences between them shrink at most slowly, polynomially with depth. The top of the network can still tell its inputs apart.',
  'too-shallow':
    'There are too few layers to see how the inputs’ correlation develops: the verdict needs at least three. Add layers to see whether inputs stay apart, collapse or decorrelate.',
};

export const GRADIENT_EXPLANATIONS: Readonly<Record<GradientKind, string>> = {
  vanishing:
    'Each layer shrinks the back-propagated gradient on its way toward the input, so the first layers receive almost no learning signal. They barely train, however healthy the forward signal looks.',
  exploding:
    'Each layer grows the back-propagated gradient on its way toward the input, so the first layers receive enormous updates. Training is unstable unless the step size is tiny, however healthy the forward signal looks.',
  stable:
    'The back-propagated gradient keeps its size on the way from the output to the input. Every layer receives a learning signal of about the same strength.',
  overflow:
    'The back-propagated gradient grew past the largest 32-bit float on its way toward the input, so from that layer down it is infinite. The layers below that point get no usable update.',
  underflow:
    'The back-propagated gradient shrank below the smallest 32-bit float on its way toward the input, so from that layer down it is exactly zero. The layers below that point get no update at all.',
  'too-shallow':
    'There are too few layers to see a trend in the gradients: the verdict needs at least three. Add layers to see whether they vanish or explode toward the input.',
};

const STABLE_FORWARD_ONLY =
  'Each layer passes the signal on at about the size it received, and different inputs stay different. This is what a good initialization aims for; the backward pass (--backward) also checks that the gradients keep their size.';

/** The two sentences under the headline: from the part the headline names. */
export function explainRun(v: RunVerdict): string {
  switch (v.source) {
    case 'inputs':
      return INPUTS_EXPLANATIONS[v.inputs.measured.kind];
    case 'gradient':
      return GRADIENT_EXPLANATIONS[v.gradient!.kind];
    case 'size':
      return explainVerdict(v.size.measured.kind, v.slopeAtZero);
    default:
      return v.gradient ? VERDICT_EXPLANATIONS.stable : STABLE_FORWARD_ONLY;
  }
}
