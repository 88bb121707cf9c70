import { getInitializer } from '../../core/initializers';
import { LIMITS } from '../../core/limits';
import { setBiasStd } from '../../state/actions';
import { useApp } from '../../state/store';
import { NumberField } from './NumberField';

const RULE = { label: 'Bias σ_b', ...LIMITS.biasStd, integer: false };

export function BiasControl() {
  const biasStd = useApp((s) => s.config.biasStd);
  const init = useApp((s) => s.config.init);
  // Some initializers (PyTorch's nn.Linear default) draw their own bias; σ_b then does nothing.
  const ownBias = getInitializer(init)?.biasLaw !== undefined;
  return (
    <NumberField
      id="bias-std"
      rule={RULE}
      value={biasStd}
      onCommit={setBiasStd}
      disabled={ownBias}
      help="Standard deviation of the random bias added in every layer (biases are drawn from N(0, σ_b²)). 0 means no bias. A bias keeps the signal from shrinking all the way to zero."
      footer={ownBias ? <p className="field-note">This initializer draws its own bias, so σ_b is not used.</p> : null}
    />
  );
}
