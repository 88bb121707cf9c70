// A whole architecture run: the forward pass, and the backward pass when asked, collected.

import { createKernel } from '../kernels';
import type { MatmulKernel } from '../kernels/types';
import type { GradientStats, LayerStats, SimConfig } from '../types';
import { backwardArchitecture, type BackwardOptions, type BlockGradient } from './backward';
import type { BlockStats } from './blockStats';
import { ArchitectureTape, forwardArchitecture, type ArchitectureForwardOptions } from './forward';

export interface ArchitectureRun {
  layers: LayerStats[];
  /** Residual networks: one per block, in order. */
  blocks: BlockStats[];
  /** Indexed by layer − 1 (empty without the backward pass). */
  gradients: GradientStats[];
  /** Indexed by block − 1 (empty without the backward pass). */
  blockGradients: BlockGradient[];
}

export interface ArchitectureRunOptions extends BackwardOptions, ArchitectureForwardOptions {
  backward?: boolean;
  kernel?: MatmulKernel;
}

export function simulateArchitecture(config: SimConfig, options: ArchitectureRunOptions = {}): ArchitectureRun {
  const kernel = options.kernel ?? createKernel();
  const tape = options.backward ? new ArchitectureTape() : undefined;
  const run: ArchitectureRun = { layers: [], blocks: [], gradients: [], blockGradients: [] };
  for (const step of forwardArchitecture(config, kernel, tape, options)) {
    if (step.kind === 'layer') run.layers.push(step.result.stats);
    else run.blocks.push(step.stats);
  }
  if (tape) {
    run.gradients = new Array<GradientStats>(run.layers.length);
    for (const step of backwardArchitecture(config, tape, kernel, options)) {
      if (step.kind === 'layer') run.gradients[step.layer - 1] = step.stats;
      else run.blockGradients[step.gradient.block - 1] = step.gradient;
    }
  }
  return run;
}
