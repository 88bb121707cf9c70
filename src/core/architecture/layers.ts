// Each linear layer of an architecture: its weight law, the multiplier Fixup puts on it, its bias
// law and its σ_w², from the same initializer code as the plain network.

import { lawSecondMoment } from '../distributions';
import { biasLawOf, resolveNetwork, sigmaW2Of, type ResolvedNetwork } from '../networkSpec';
import type { ParamValues, SimConfig, WeightLaw } from '../types';
import {
  fixupScale,
  PLAIN,
  residualShape,
  roleOf,
  type Architecture,
  type LayerRole,
  type ResidualShape,
} from './spec';

export interface LinearSpec {
  layer: number;
  role: LayerRole;
  fanIn: number;
  fanOut: number;
  law: WeightLaw;
  /** Multiplies every drawn weight (1, Fixup's K^(−1/(2m−2)), or 0 for Fixup's last branch layer). */
  scale: number;
  biasLaw: WeightLaw | null;
  /** fan_in·E[w²] with the scale; null for weights with a non-zero mean (no theory). */
  sigmaW2: number | null;
  sigmaB2: number;
  /** φ follows this layer (false for the stem and the last layer of a branch). */
  activated: boolean;
}

export interface ArchitectureNet extends ResolvedNetwork {
  arch: Architecture;
  /** Residual networks only. */
  shape: ResidualShape | null;
  layers: LinearSpec[];
  params: ParamValues;
}

export function architectureOf(config: SimConfig): Architecture {
  return config.architecture ?? PLAIN;
}

export function describeNet(config: SimConfig): ArchitectureNet {
  const resolved = resolveNetwork(config);
  const arch = architectureOf(config);
  const shape = arch.kind === 'residual' ? residualShape(arch, config.inputDim, config.widths[0]!) : null;
  const layers = config.widths.map((fanOut, i): LinearSpec => {
    const layer = i + 1;
    const fanIn = i === 0 ? config.inputDim : config.widths[i - 1]!;
    const role: LayerRole = shape ? roleOf(shape, layer) : { kind: 'plain' };
    const law = resolved.init.weightLaw(fanIn, fanOut, config.initParams);
    let scale = 1;
    let biasLaw = biasLawOf(resolved.init, config, fanIn, fanOut);
    if (arch.fixup && role.kind === 'branch') {
      scale = role.position === arch.branchDepth ? 0 : fixupScale(arch.blocks, arch.branchDepth);
      biasLaw = null;
    }
    const base = sigmaW2Of(law, fanIn, fanOut);
    const activated = role.kind === 'plain' || (role.kind === 'branch' && role.position < arch.branchDepth);
    return {
      layer,
      role,
      fanIn,
      fanOut,
      law,
      scale,
      biasLaw,
      sigmaW2: base === null ? null : base * scale * scale,
      sigmaB2: biasLaw ? lawSecondMoment(biasLaw, 1, fanOut) : 0,
      activated,
    };
  });
  return { ...resolved, arch, shape, layers, params: config.activationParams };
}
