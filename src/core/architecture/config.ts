// Validation of the architecture settings at every boundary (CLI flags, URL keys, worker
// messages). Like normalizeConfig it never throws: each bad value becomes an Issue naming the
// field, what was wrong and what is used instead. A plain network without a norm gets no
// `architecture` at all, so it stays today's config (and today's engine) exactly.

import { LIMITS } from '../limits';
import { formatRange, parseBoolean, parseNumber, quote } from '../params';
import {
  ARCHITECTURE_DEFAULTS as D,
  ARCHITECTURE_LIMITS,
  NORM_POSITIONS,
  NORMS,
  resolveBranchScale,
  type Architecture,
  type BranchScaleRule,
  type NormKind,
  type NormPosition,
} from './spec';

export interface ArchitectureInput {
  residual?: unknown;
  blocks?: unknown;
  branchDepth?: unknown;
  norm?: unknown;
  normPosition?: unknown;
  normEps?: unknown;
  /** A number ≥ 0, or "1/sqrt(K)" or "1/K". */
  branchScale?: unknown;
  fixup?: unknown;
}

export type ArchitectureField =
  'residual' | 'blocks' | 'branchDepth' | 'norm' | 'normPosition' | 'normEps' | 'branchScale' | 'fixup';

export interface ArchitectureIssue {
  field: ArchitectureField | 'width' | 'batch';
  problem: string;
  using: string;
}

function pick<T extends string>(
  raw: unknown,
  choices: readonly T[],
  fallback: T,
  field: ArchitectureField,
  issues: ArchitectureIssue[],
): T {
  if (raw === undefined) return fallback;
  const s = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  const hit = choices.find((c) => c === s);
  if (hit) return hit;
  issues.push({ field, problem: `${quote(raw)} is not one of ${choices.join(', ')}`, using: fallback });
  return fallback;
}

function flag(raw: unknown, field: ArchitectureField, issues: ArchitectureIssue[]): boolean {
  if (raw === undefined) return false;
  const b = parseBoolean(raw);
  if (b !== null) return b;
  issues.push({ field, problem: `${quote(raw)} is not true or false`, using: 'false' });
  return false;
}

function whole(raw: unknown, field: 'blocks' | 'branchDepth', fallback: number, issues: ArchitectureIssue[]): number {
  if (raw === undefined) return fallback;
  const { min, max } = ARCHITECTURE_LIMITS[field];
  const v = parseNumber(raw);
  if (v === null || !Number.isInteger(v) || v < min || v > max) {
    const using = v === null ? fallback : Math.min(max, Math.max(min, Math.round(v)));
    issues.push({
      field,
      problem: `${quote(raw)} is not a whole number ${formatRange(min, max)}`,
      using: String(using),
    });
    return using;
  }
  return v;
}

/** "1/sqrt(K)", "1/√K", "1 / sqrt(k)" … → the rule; anything else is read as a number. */
function scaleRule(raw: unknown): BranchScaleRule | null {
  if (typeof raw !== 'string') return null;
  const s = raw.replace(/\s+/g, '').toLowerCase();
  if (s === '1/sqrt(k)' || s === '1/√k' || s === '1/sqrtk') return '1/sqrt(K)';
  if (s === '1/k') return '1/K';
  return null;
}

function branchScaleOf(raw: unknown, issues: ArchitectureIssue[]): { rule: BranchScaleRule; value: number } {
  if (raw === undefined) return { rule: 'number', value: D.branchScale };
  const rule = scaleRule(raw);
  if (rule) return { rule, value: NaN };
  const v = parseNumber(raw);
  const { max } = ARCHITECTURE_LIMITS.branchScale;
  if (v === null || v < 0 || v > max) {
    issues.push({
      field: 'branchScale',
      problem: `${quote(raw)} is not a number 0…${max}, 1/sqrt(K) or 1/K`,
      using: String(D.branchScale),
    });
    return { rule: 'number', value: D.branchScale };
  }
  return { rule: 'number', value: v };
}

function epsOf(raw: unknown, issues: ArchitectureIssue[]): number {
  if (raw === undefined) return D.normEps;
  const v = parseNumber(raw);
  const { min, max } = ARCHITECTURE_LIMITS.normEps;
  if (v === null || v < min || v > max) {
    issues.push({
      field: 'normEps',
      problem: `${quote(raw)} is not a number ${min}…${max} (ε must be above 0)`,
      using: String(D.normEps),
    });
    return D.normEps;
  }
  return v;
}

export interface ShapeIn {
  /** The widths normalizeConfig read (a list or depth × width). */
  widths: number[];
  /** A list was given (a residual network needs one width). */
  fromList: boolean;
  inputDim: number;
  batch: number;
}

export interface ArchitectureOut {
  architecture: Architecture | undefined;
  widths: number[];
  batch: number;
}

export function normalizeArchitecture(
  input: ArchitectureInput,
  shape: ShapeIn,
  issues: ArchitectureIssue[],
): ArchitectureOut {
  const residual = flag(input.residual, 'residual', issues);
  const norm: NormKind = pick(input.norm, NORMS, D.norm, 'norm', issues);
  let normPosition: NormPosition = pick(input.normPosition, NORM_POSITIONS, D.normPosition, 'normPosition', issues);
  let normEps = epsOf(input.normEps, issues);
  let blocks = whole(input.blocks, 'blocks', D.blocks, issues);
  const branchDepth = whole(input.branchDepth, 'branchDepth', D.branchDepth, issues);
  const scale = branchScaleOf(input.branchScale, issues);
  let fixup = flag(input.fixup, 'fixup', issues);
  let { widths, batch } = shape;

  if (!residual) {
    for (const field of ['blocks', 'branchDepth', 'branchScale', 'fixup'] as const) {
      if (input[field] !== undefined && !(field === 'fixup' && !fixup)) {
        issues.push({
          field,
          problem: 'applies only to a residual network (turn residual on)',
          using: 'a plain network',
        });
      }
    }
    fixup = false;
  }
  // Settings that mean nothing here are refused rather than kept: equal networks, equal configs.
  if (norm === 'none' && input.normEps !== undefined && normEps !== D.normEps) {
    issues.push({
      field: 'normEps',
      problem: 'applies only with a norm (choose batch, layer or rms)',
      using: String(D.normEps),
    });
  }
  if (norm === 'none') normEps = D.normEps;
  if ((!residual || norm === 'none') && input.normPosition !== undefined && normPosition !== D.normPosition) {
    issues.push({
      field: 'normPosition',
      problem: 'applies only to a residual network with a norm (a plain network is Linear → Norm → φ)',
      using: D.normPosition,
    });
  }
  if (!residual || norm === 'none') normPosition = D.normPosition;
  if (fixup && branchDepth < 2) {
    issues.push({
      field: 'fixup',
      problem: 'needs a branch depth of 2 or more (it scales the other branch layers by K^(−1/(2m−2)))',
      using: 'false',
    });
    fixup = false;
  }
  if (norm === 'batch' && batch < 2) {
    issues.push({
      field: 'batch',
      problem:
        'is 1 with BatchNorm: the batch variance of every unit is 0, so there is nothing to normalize (allowed 2…4096 with BatchNorm)',
      using: '2',
    });
    batch = 2;
  }
  if (!residual) {
    const architecture = norm === 'none' ? undefined : plainWith(norm, normPosition, normEps);
    return { architecture, widths, batch };
  }
  const width = widths[0]!;
  if (shape.fromList && widths.some((w) => w !== width)) {
    issues.push({
      field: 'width',
      problem: `a residual network has one width, not a list of different widths (${widths.slice(0, 4).join(',')}${widths.length > 4 ? ',…' : ''})`,
      using: String(width),
    });
  }
  const stem = shape.inputDim === width ? 0 : 1;
  const maxBlocks = Math.floor((LIMITS.depth.max - stem) / branchDepth);
  if (blocks > maxBlocks) {
    issues.push({
      field: 'blocks',
      problem: `${blocks} blocks of ${branchDepth} layers are more than ${LIMITS.depth.max} linear layers`,
      using: String(maxBlocks),
    });
    blocks = maxBlocks;
  }
  widths = new Array<number>(stem + blocks * branchDepth).fill(width);
  const architecture: Architecture = {
    kind: 'residual',
    norm,
    normPosition,
    normEps,
    blocks,
    branchDepth,
    branchScale: resolveBranchScale(scale.rule, scale.value, blocks),
    branchScaleRule: scale.rule,
    fixup,
  };
  return { architecture, widths, batch };
}

function plainWith(norm: NormKind, normPosition: NormPosition, normEps: number): Architecture {
  return {
    kind: 'plain',
    norm,
    normPosition,
    normEps,
    blocks: 0,
    branchDepth: D.branchDepth,
    branchScale: 1,
    branchScaleRule: 'number',
    fixup: false,
  };
}

/**
 * An architecture (or a structured clone of one, unchecked) back to the loosely typed input that
 * normalizeArchitecture checks: how a stored or received config is validated and changed again.
 */
export function architectureToInput(raw: unknown): ArchitectureInput {
  if (typeof raw !== 'object' || raw === null) return {};
  const a = raw as Partial<Record<keyof Architecture, unknown>>;
  const residual = a.kind === 'residual';
  return {
    residual,
    norm: a.norm,
    normPosition: a.normPosition,
    normEps: a.normEps,
    ...(residual
      ? {
          blocks: a.blocks,
          branchDepth: a.branchDepth,
          branchScale:
            a.branchScaleRule === 'number' || a.branchScaleRule === undefined ? a.branchScale : a.branchScaleRule,
          fixup: a.fixup,
        }
      : {}),
  };
}
