// The exported shape of an architecture (the CLI's JSON and the app's downloads): the fixed
// `config.architecture` and the top-level `blocks` array, whose field names are a public contract.

import type { SimConfig } from '../types';
import type { BlockGradient } from './backward';
import type { BlockStats } from './blockStats';
import { PLAIN } from './spec';

export interface ArchitectureRecord {
  kind: 'plain' | 'residual';
  norm: string;
  normPosition: string;
  normEps: number;
  blocks: number;
  branchDepth: number;
  /** α, the number used. */
  branchScale: number;
  branchScaleRule: string;
  fixup: boolean;
}

export function architectureRecord(config: SimConfig): ArchitectureRecord {
  const a = config.architecture ?? PLAIN;
  return {
    kind: a.kind,
    norm: a.norm,
    normPosition: a.normPosition,
    normEps: a.normEps,
    blocks: a.blocks,
    branchDepth: a.branchDepth,
    branchScale: a.branchScale,
    branchScaleRule: a.branchScaleRule,
    fixup: a.fixup,
  };
}

export interface BlockRecord {
  block: number;
  stream: { secondMoment: number; channelMeanSquared: number; channelVariance: number };
  branch: { secondMoment: number };
  theory: {
    streamSecondMoment: number | null;
    branchSecondMoment: number | null;
    gradientStreamSecondMoment?: number | null;
  };
  gradient?: { streamSecondMoment: number };
}

export function blockRecords(
  blocks: readonly BlockStats[],
  gradients: readonly (BlockGradient | undefined)[] = [],
): BlockRecord[] {
  return blocks.map((b, i) => {
    const g = gradients[i];
    return {
      block: b.block,
      stream: { ...b.stream },
      branch: { ...b.branch },
      theory: { ...b.theory, ...(g ? { gradientStreamSecondMoment: g.theory } : {}) },
      ...(g ? { gradient: { streamSecondMoment: g.streamSecondMoment } } : {}),
    };
  });
}
