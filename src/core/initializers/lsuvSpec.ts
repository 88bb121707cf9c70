// LSUV as an entry of the initializer table (Mishkin & Matas 2016, "All you need is a good init",
// ICLR). Its law here is only the orthonormal start: the factor each layer is then multiplied by
// depends on a batch pushed through the layers below, so the engine finds it per run
// (../lsuv.ts, ../layerLaw.ts) and the run reports it layer by layer.

import { LSUV_MAX_PASSES, LSUV_TOLERANCE } from '../lsuvConstants';
import type { InitializerSpec } from './spec';

export const LSUV_ID = 'lsuv';

export const LSUV_INITIALIZER: InitializerSpec = {
  id: LSUV_ID,
  label: 'LSUV (orthonormal, then unit variance on a batch)',
  framework: 'basic',
  params: [],
  dataDependent: true,
  weightLaw: () => ({ kind: 'orthogonal', gain: 1 }),
  rule: (fanIn, fanOut) =>
    `W = s·Q, Q Haar-orthogonal ${fanIn}×${fanOut}; s starts at 1 and is divided by √Var(h) on the seeded batch until |Var(h) − 1| ≤ ${LSUV_TOLERANCE} (at most ${LSUV_MAX_PASSES} passes), layer after layer`,
  snippet: () =>
    `nn.init.orthogonal_(w)  # then per layer, from the input: while abs(h.var() - 1) > ${LSUV_TOLERANCE} (at most ${LSUV_MAX_PASSES} times): w /= h.std()`,
  note: 'Mishkin & Matas (2016): orthonormal weights as Saxe et al. propose, then each layer’s scale set so that its output has unit variance on a batch, which supplies the activation’s gain without a formula for it.',
};
