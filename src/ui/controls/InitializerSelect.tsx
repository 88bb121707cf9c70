// The initializer picker, grouped by the framework whose semantics each entry reproduces
// (the same name means different laws in Keras and PyTorch, which is half the point).

import { INITIALIZERS, getInitializer } from '../../core/initializers';
import type { Framework } from '../../core/types';
import { setInitParam, setInitializer } from '../../state/actions';
import { useApp } from '../../state/store';
import { Field, helpId } from './Field';
import { ParamFields } from './ParamFields';

const GROUPS: readonly { framework: Framework; label: string }[] = [
  { framework: 'keras', label: 'Keras / JAX' },
  { framework: 'torch', label: 'PyTorch' },
  { framework: 'tf1', label: 'TensorFlow 1' },
  { framework: 'tfjs', label: 'TF.js' },
  { framework: 'basic', label: 'Basic' },
];

const HELP =
  'How the random starting weights are drawn. Each option reproduces one framework’s rule for the spread of the weights, which decides whether the signal shrinks, grows or stays the same from layer to layer.';

export function InitializerSelect() {
  const init = useApp((s) => s.config.init);
  const initParams = useApp((s) => s.config.initParams);
  const spec = getInitializer(init);
  return (
    <>
      <Field id="initializer" label="Initializer" help={HELP}>
        <select
          id="initializer"
          value={init}
          title={HELP}
          aria-describedby={helpId('initializer')}
          onChange={(e) => setInitializer(e.target.value)}
        >
          {GROUPS.map((g) => {
            const members = INITIALIZERS.filter((s) => s.framework === g.framework);
            return members.length === 0 ? null : (
              <optgroup key={g.framework} label={g.label}>
                {members.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.label}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </select>
      </Field>
      {spec && <ParamFields idPrefix="init" specs={spec.params} values={initParams} onChange={setInitParam} />}
    </>
  );
}
