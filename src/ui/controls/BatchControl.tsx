import { LIMITS } from '../../core/limits';
import { setBatch } from '../../state/actions';
import { useApp } from '../../state/store';
import { NumberField } from './NumberField';

const RULE = { label: 'Batch', ...LIMITS.batch, integer: true };

export function BatchControl() {
  const batch = useApp((s) => s.config.batch);
  return (
    <NumberField
      id="batch"
      rule={RULE}
      value={batch}
      onCommit={setBatch}
      help="How many random input vectors are pushed through the network together. The statistics average over all of them, so a larger batch gives smoother numbers."
    />
  );
}
