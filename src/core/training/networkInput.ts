// A simulated network (SimConfig) back to the loosely typed input normalizeTrainConfig checks:
// how the page's live network and its pins become a training request, in the worker, the runner
// and the downloads alike. The data set fixes the input dimension, except the teacher's, which
// takes the network's input dimension and distribution.

import { architectureToInput } from '../architecture/config';
import type { ConfigInput } from '../config';
import type { SimConfig } from '../types';
import type { DatasetId } from './types';

export function trainNetworkInput(n: SimConfig, dataset: DatasetId): ConfigInput {
  return {
    init: n.init,
    initParams: n.initParams,
    activation: n.activation,
    activationParams: n.activationParams,
    width: n.widths,
    seed: n.seed,
    biasStd: n.biasStd,
    ...(n.architecture ? architectureToInput(n.architecture) : {}),
    ...(dataset === 'teacher' ? { inputDim: n.inputDim, input: n.input } : {}),
  };
}
