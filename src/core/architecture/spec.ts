// What an architecture is: a plain stack (Linear → Norm → φ) or a residual stream of K blocks,
// each branch m linear layers, with an optional normalization before or after the branch. Plain
// data, so it crosses a worker boundary and serializes to JSON; validated in ./config.ts.
//
// A residual network of constant width N maps the input to N with a linear "stem" layer only
// when the input dimension differs; the stem is not a block. Its linear layers are numbered
// 1 … stem + K·m in order, and layer l's weights come from the same (seed, layer, block) streams
// as layer l of a plain network, so the two share every weight they have in common.

export const NORMS = ['none', 'batch', 'layer', 'rms'] as const;
export type NormKind = (typeof NORMS)[number];
export const NORM_POSITIONS = ['pre', 'post'] as const;
export type NormPosition = (typeof NORM_POSITIONS)[number];
/** How α was chosen: a number, or one of the two named depth scalings. */
export const BRANCH_SCALE_RULES = ['1/sqrt(K)', '1/K'] as const;
export type BranchScaleRule = (typeof BRANCH_SCALE_RULES)[number] | 'number';

export interface Architecture {
  kind: 'plain' | 'residual';
  norm: NormKind;
  normPosition: NormPosition;
  /** ε in (h − mean)/√(var + ε); the frameworks' default 1e-5. */
  normEps: number;
  /** K (residual only; 0 for a plain network). */
  blocks: number;
  /** m, linear layers per branch, 1…4 (residual only). */
  branchDepth: number;
  /** α, the number used (the rule resolved with K). */
  branchScale: number;
  branchScaleRule: BranchScaleRule;
  /** Zhang et al. (2019): last branch layer zero, the others scaled by K^(−1/(2m−2)), branch biases zero. */
  fixup: boolean;
}

export const ARCHITECTURE_DEFAULTS = {
  kind: 'plain',
  norm: 'none',
  normPosition: 'pre',
  normEps: 1e-5,
  blocks: 16,
  branchDepth: 2,
  branchScale: 1,
  fixup: false,
} as const;

export const ARCHITECTURE_LIMITS = {
  blocks: { min: 1, max: 1000 },
  branchDepth: { min: 1, max: 4 },
  normEps: { min: 1e-12, max: 1 },
  branchScale: { min: 0, max: 100 },
} as const;

export const PLAIN: Architecture = {
  kind: 'plain',
  norm: 'none',
  normPosition: 'pre',
  normEps: ARCHITECTURE_DEFAULTS.normEps,
  blocks: 0,
  branchDepth: ARCHITECTURE_DEFAULTS.branchDepth,
  branchScale: 1,
  branchScaleRule: 'number',
  fixup: false,
};

/** True when the network is today's plain MLP, run by the plain engine bit for bit. */
export function isPlainMlp(a: Architecture | undefined): boolean {
  return a === undefined || (a.kind === 'plain' && a.norm === 'none');
}

export function resolveBranchScale(rule: BranchScaleRule, value: number, blocks: number): number {
  if (rule === '1/sqrt(K)') return 1 / Math.sqrt(blocks);
  if (rule === '1/K') return 1 / blocks;
  return value;
}

/** Fixup's multiplier of the non-final branch layers, K^(−1/(2m−2)) (m ≥ 2). */
export function fixupScale(blocks: number, branchDepth: number): number {
  return Math.pow(blocks, -1 / (2 * branchDepth - 2));
}

/** Where linear layer l (1-based) sits: the stem, or branch layer j (1…m) of block k (1…K). */
export type LayerRole = { kind: 'stem' } | { kind: 'plain' } | { kind: 'branch'; block: number; position: number };

export interface ResidualShape {
  /** 1 when the input dimension differs from the width, else 0. */
  stem: number;
  blocks: number;
  branchDepth: number;
  width: number;
}

export function residualShape(a: Architecture, inputDim: number, width: number): ResidualShape {
  return { stem: inputDim === width ? 0 : 1, blocks: a.blocks, branchDepth: a.branchDepth, width };
}

/** Number of linear layers: the depth of the run. */
export function linearLayers(s: ResidualShape): number {
  return s.stem + s.blocks * s.branchDepth;
}

export function roleOf(s: ResidualShape, layer: number): LayerRole {
  if (layer <= s.stem) return { kind: 'stem' };
  const i = layer - s.stem - 1;
  return { kind: 'branch', block: Math.floor(i / s.branchDepth) + 1, position: (i % s.branchDepth) + 1 };
}

/** The 1-based linear layer index of branch layer j of block k. */
export function layerOf(s: ResidualShape, block: number, position: number): number {
  return s.stem + (block - 1) * s.branchDepth + position;
}

/** How a normalization is named in words. */
export const NORM_NAMES: Record<NormKind, string> = {
  none: 'no norm',
  batch: 'BatchNorm',
  layer: 'LayerNorm',
  rms: 'RMSNorm',
};
