// Each activation of the app as PyTorch, JAX, Keras 3 and numpy code, with the app's parameters.
// Defaults differ between libraries (Keras's leaky_relu slope is 0.2, jax.nn.gelu is the tanh
// form), so every parameter is written out.

import { getActivation } from '../core/activations';
import { SELU_ALPHA, SELU_LAMBDA } from '../core/activations';
import type { SimConfig } from '../core/types';
import { pyFloat } from '../core/initializers/paramValues';
import type { CodeFramework } from './initCode';

interface ActivationCode {
  /** An nn.Module expression. */
  pytorch: string;
  /** A function of h (jax.numpy / keras.ops / numpy), as a lambda body. */
  jax: string;
  keras: string;
  numpy: string;
}

function codes(id: string, slope: string, alpha: string): ActivationCode {
  switch (id) {
    case 'linear':
      return { pytorch: 'nn.Identity()', jax: 'h', keras: 'h', numpy: 'h' };
    case 'relu':
      return {
        pytorch: 'nn.ReLU()',
        jax: 'jax.nn.relu(h)',
        keras: 'keras.activations.relu(h)',
        numpy: 'np.maximum(h, 0.0)',
      };
    case 'leaky_relu':
      return {
        pytorch: `nn.LeakyReLU(negative_slope=${slope})`,
        jax: `jax.nn.leaky_relu(h, negative_slope=${slope})`,
        keras: `keras.activations.leaky_relu(h, negative_slope=${slope})`,
        numpy: `np.where(h > 0, h, ${slope} * h)`,
      };
    case 'elu':
      return {
        pytorch: `nn.ELU(alpha=${alpha})`,
        jax: `jax.nn.elu(h, alpha=${alpha})`,
        keras: `keras.activations.elu(h, alpha=${alpha})`,
        numpy: `np.where(h > 0, h, ${alpha} * np.expm1(np.minimum(h, 0.0)))`,
      };
    case 'selu':
      return {
        pytorch: 'nn.SELU()',
        jax: 'jax.nn.selu(h)',
        keras: 'keras.activations.selu(h)',
        numpy: `${SELU_LAMBDA} * np.where(h > 0, h, ${SELU_ALPHA} * np.expm1(np.minimum(h, 0.0)))`,
      };
    case 'gelu':
      return {
        pytorch: "nn.GELU(approximate='none')",
        jax: 'jax.nn.gelu(h, approximate=False)',
        keras: 'keras.activations.gelu(h, approximate=False)',
        numpy: '0.5 * h * (1.0 + erf(h / math.sqrt(2.0)))',
      };
    case 'gelu_tanh':
      return {
        pytorch: "nn.GELU(approximate='tanh')",
        jax: 'jax.nn.gelu(h, approximate=True)',
        keras: 'keras.activations.gelu(h, approximate=True)',
        numpy: '0.5 * h * (1.0 + np.tanh(math.sqrt(2.0 / math.pi) * (h + 0.044715 * h ** 3)))',
      };
    case 'silu':
      return {
        pytorch: 'nn.SiLU()',
        jax: 'jax.nn.silu(h)',
        keras: 'keras.activations.silu(h)',
        numpy: 'h / (1.0 + np.exp(-h))',
      };
    case 'sigmoid':
      return {
        pytorch: 'nn.Sigmoid()',
        jax: 'jax.nn.sigmoid(h)',
        keras: 'keras.activations.sigmoid(h)',
        numpy: '1.0 / (1.0 + np.exp(-h))',
      };
    case 'tanh':
      return { pytorch: 'nn.Tanh()', jax: 'jnp.tanh(h)', keras: 'keras.activations.tanh(h)', numpy: 'np.tanh(h)' };
    case 'softplus':
      return {
        pytorch: 'nn.Softplus()',
        jax: 'jax.nn.softplus(h)',
        keras: 'keras.activations.softplus(h)',
        numpy: 'np.where(h > 20.0, h, np.log1p(np.exp(np.minimum(h, 20.0))))',
      };
    case 'hard_tanh':
      return {
        pytorch: 'nn.Hardtanh()',
        jax: 'jax.nn.hard_tanh(h)',
        keras: 'keras.ops.hard_tanh(h)',
        numpy: 'np.clip(h, -1.0, 1.0)',
      };
    case 'sin':
      return { pytorch: 'Sin()', jax: 'jnp.sin(h)', keras: 'keras.ops.sin(h)', numpy: 'np.sin(h)' };
    default:
      throw new Error(`no code for activation ${id}`);
  }
}

/** The activation of a config as code for one framework. */
export function activationCode(config: SimConfig, framework: CodeFramework): string {
  if (!getActivation(config.activation)) throw new Error(`unknown activation ${config.activation}`);
  const p = config.activationParams;
  const slope = pyFloat(typeof p.negative_slope === 'number' ? p.negative_slope : 0.01);
  const alpha = pyFloat(typeof p.alpha === 'number' ? p.alpha : 1);
  return codes(config.activation, slope, alpha)[framework];
}

/** Whether the numpy script needs an erf (numpy has none; math.erf is applied element-wise). */
export const needsErf = (config: SimConfig): boolean => config.activation === 'gelu';
