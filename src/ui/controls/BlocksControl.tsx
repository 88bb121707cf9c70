// Number of residual blocks as a slider and an exact box: where a residual network has a depth
// control of its own (presentation mode), it counts blocks, as its chart and verdict do, not the
// linear layers inside them.

import { ARCHITECTURE_LIMITS } from '../../core/architecture/spec';
import { setArchitecture } from '../../state/actions';
import { useApp } from '../../state/store';
import { Field, helpId } from './Field';
import { NumberBox } from './NumberBox';
import { DEPTH_SCALE } from './sliderScale';
import { SteppedSlider } from './SteppedSlider';

const RULE = { label: 'Blocks', ...ARCHITECTURE_LIMITS.blocks, integer: true };
const HELP =
  'How many residual blocks the stream passes through. Each block adds its branch to the stream, so the branch scale α decides whether the stream’s size grows with every block or stays bounded.';

const setBlocks = (blocks: number) => setArchitecture({ blocks });

export function BlocksControl() {
  const blocks = useApp((s) => (s.config.architecture?.kind === 'residual' ? s.config.architecture.blocks : null));
  if (blocks === null) return null;
  return (
    <Field id="blocks" label="Blocks" help={HELP}>
      <div className="slider-row">
        <SteppedSlider
          scale={DEPTH_SCALE}
          value={blocks}
          max={RULE.max}
          onChange={setBlocks}
          ariaLabel="Blocks slider"
          valueText={`${blocks} ${blocks === 1 ? 'block' : 'blocks'}`}
          title={HELP}
          describedBy={helpId('blocks')}
        />
        <NumberBox id="blocks" rule={RULE} value={blocks} onCommit={setBlocks} title={HELP} />
      </div>
    </Field>
  );
}
