// The activation registry. Each activation lives with its family in ./activations/.
import type { ParamValues } from './types';
import type { ActivationSpec } from './activations/spec';
import { elu, selu } from './activations/exponentialLinear';
import { gelu, geluTanhApprox } from './activations/gelu';
import { sigmoid, silu, softplus, tanh } from './activations/logistic';
import { sine } from './activations/periodic';
import { hardTanh, leakyRelu, linear, relu } from './activations/piecewiseLinear';

export type { ActivationFns, ActivationSpec, ClosedForms, OutputRange } from './activations/spec';
export { SATURATION_THRESHOLD } from './activations/spec';
export { SELU_ALPHA, SELU_LAMBDA } from './activations/exponentialLinear';

/** Every activation, in the order the UI lists them. */
export const ACTIVATIONS: readonly ActivationSpec[] = [
  linear,
  relu,
  leakyRelu,
  elu,
  selu,
  gelu,
  geluTanhApprox,
  silu,
  sigmoid,
  tanh,
  softplus,
  hardTanh,
  sine,
];

/** The activation with this id (case-insensitive), or undefined when there is none. */
export function getActivation(id: string): ActivationSpec | undefined {
  const wanted = id.toLowerCase();
  return ACTIVATIONS.find((a) => a.id === wanted);
}

/** Every parameter of the activation at its default value. */
export function defaultActivationParams(spec: ActivationSpec): ParamValues {
  const values: ParamValues = {};
  for (const param of spec.params) values[param.name] = param.default;
  return values;
}
