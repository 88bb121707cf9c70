// The table of weight initializers, across frameworks, with each framework's exact semantics.

import type { ParamValues } from '../types';
import { BASIC_INITIALIZERS } from './basic';
import { KERAS_INITIALIZERS } from './keras';
import { LSUV_INITIALIZER } from './lsuvSpec';
import type { InitializerSpec } from './spec';
import { TF1_INITIALIZERS } from './tf1';
import { TFJS_INITIALIZERS } from './tfjs';
import { TORCH_INITIALIZERS } from './torch';
import { TORCH_EXTRA_INITIALIZERS } from './torchExtra';

export type { InitializerSpec } from './spec';
export { calculateGain, TORCH_NONLINEARITIES } from './torchGain';
export { KERAS_TRUNCATION_CORRECTION } from './keras';
export { LSUV_ID } from './lsuvSpec';

export const INITIALIZERS: readonly InitializerSpec[] = [
  ...KERAS_INITIALIZERS,
  ...BASIC_INITIALIZERS,
  LSUV_INITIALIZER,
  ...TORCH_INITIALIZERS,
  ...TORCH_EXTRA_INITIALIZERS,
  ...TF1_INITIALIZERS,
  ...TFJS_INITIALIZERS,
];

const byId = new Map(INITIALIZERS.map((spec) => [spec.id, spec]));

export function getInitializer(id: string): InitializerSpec | undefined {
  return byId.get(id);
}

/** Every parameter of `spec` at its declared default. */
export function defaultParams(spec: InitializerSpec): ParamValues {
  const values: ParamValues = {};
  for (const param of spec.params) values[param.name] = param.default;
  return values;
}
