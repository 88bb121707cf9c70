// The activation picker and its parameters (e.g. leaky ReLU's negative slope).

import { ACTIVATIONS, getActivation } from '../../core/activations';
import { setActivation, setActivationParam } from '../../state/actions';
import { useApp } from '../../state/store';
import { Field, helpId } from './Field';
import { ParamFields } from './ParamFields';

const HELP =
  'The nonlinearity φ applied after every layer. It decides how much of the signal’s size survives each layer (ReLU keeps half of it, tanh squashes large values).';

export function ActivationSelect() {
  const activation = useApp((s) => s.config.activation);
  const params = useApp((s) => s.config.activationParams);
  const spec = getActivation(activation);
  return (
    <>
      <Field id="activation" label="Activation" help={HELP}>
        <select
          id="activation"
          value={activation}
          title={HELP}
          aria-describedby={helpId('activation')}
          onChange={(e) => setActivation(e.target.value)}
        >
          {ACTIVATIONS.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </select>
      </Field>
      {spec && <ParamFields idPrefix="act" specs={spec.params} values={params} onChange={setActivationParam} />}
    </>
  );
}
