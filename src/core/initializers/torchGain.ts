// torch.nn.init.calculate_gain: the factor PyTorch multiplies √(1/fan) by for each nonlinearity.

import { fmt } from './paramValues';

/** The names calculate_gain accepts; anything else (gelu, silu, elu, …) raises in PyTorch. */
export const TORCH_NONLINEARITIES = [
  'linear',
  'sigmoid',
  'tanh',
  'relu',
  'leaky_relu',
  'selu',
  'conv1d',
  'conv2d',
  'conv3d',
  'conv_transpose1d',
  'conv_transpose2d',
  'conv_transpose3d',
] as const;

/** PyTorch's default negative slope when leaky_relu is given no parameter. */
const DEFAULT_NEGATIVE_SLOPE = 0.01;

/**
 * calculate_gain(nonlinearity, param). `param` matters only for leaky_relu, where it is the negative
 * slope (undefined → 0.01, as in PyTorch). Throws for names PyTorch rejects.
 */
export function calculateGain(nonlinearity: string, param?: number): number {
  switch (nonlinearity) {
    case 'linear':
    case 'sigmoid':
    case 'conv1d':
    case 'conv2d':
    case 'conv3d':
    case 'conv_transpose1d':
    case 'conv_transpose2d':
    case 'conv_transpose3d':
      return 1;
    case 'tanh':
      return 5 / 3;
    case 'relu':
      return Math.SQRT2;
    case 'leaky_relu': {
      const slope = param ?? DEFAULT_NEGATIVE_SLOPE;
      return Math.sqrt(2 / (1 + slope * slope));
    }
    case 'selu':
      // PyTorch's comment: "Value found empirically" (pytorch/pytorch#50664).
      return 3 / 4;
    default:
      throw new RangeError(`calculate_gain: unsupported nonlinearity ${nonlinearity}`);
  }
}

/** How the gain reads in a rule, e.g. "calculate_gain('leaky_relu', 0) = 1.414". */
export function gainExpression(nonlinearity: string, param: number, gain: number): string {
  const args = nonlinearity === 'leaky_relu' ? `'${nonlinearity}', ${fmt(param)}` : `'${nonlinearity}'`;
  return `calculate_gain(${args}) = ${fmt(gain)}`;
}
