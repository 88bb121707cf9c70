import { LIMITS } from '../../core/limits';
import { newSeed, setSeed } from '../../state/actions';
import { useApp } from '../../state/store';
import { Field } from './Field';
import { NumberBox } from './NumberBox';

const RULE = { label: 'Seed', ...LIMITS.seed, integer: true };
const HELP =
  'The number that fixes every random draw (weights, biases, inputs). The same seed gives the same numbers on every machine; a new seed shows another random network of the same kind.';

export function SeedControl() {
  const seed = useApp((s) => s.config.seed);
  return (
    <Field id="seed" label="Seed" help={HELP}>
      <div className="inline-row">
        <NumberBox id="seed" rule={RULE} value={seed} onCommit={setSeed} title={HELP} />
        <button type="button" className="button" onClick={newSeed} title="Draw a fresh random seed">
          New seed
        </button>
      </div>
    </Field>
  );
}
