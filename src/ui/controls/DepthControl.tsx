// Number of layers: a slider (unit steps up to 100, coarser to 2000) and an exact number box.

import { LIMITS } from '../../core/limits';
import { setDepth, setWidths } from '../../state/actions';
import { store, useApp } from '../../state/store';
import { Field, helpId } from './Field';
import { NumberBox } from './NumberBox';
import { DEPTH_SCALE } from './sliderScale';
import { SteppedSlider } from './SteppedSlider';
import { resizeProfile } from '../../readings/widthProfiles';

const RULE = { label: 'Depth', ...LIMITS.depth, integer: true };
const HELP =
  'How many layers the signal passes through. Small mismatches in the weight spread multiply once per layer, so depth is what turns a slightly wrong initializer into a vanished or exploded signal.';

/** A funnel or bottleneck is regenerated at the new depth so it keeps its shape and its ends. */
export function applyDepth(depth: number): void {
  const { widths } = store.getState().config;
  const resized = widths.length > 1 ? resizeProfile(widths, depth) : null;
  if (resized && resized.some((w) => w !== resized[0])) setWidths(resized);
  else setDepth(depth);
}

export function DepthControl() {
  const depth = useApp((s) => s.config.widths.length);
  return (
    <Field id="depth" label="Depth" help={HELP}>
      <div className="slider-row">
        <SteppedSlider
          scale={DEPTH_SCALE}
          value={depth}
          max={LIMITS.depth.max}
          onChange={applyDepth}
          ariaLabel="Depth slider"
          valueText={`${depth} layers`}
          title={HELP}
          describedBy={helpId('depth')}
        />
        <NumberBox id="depth" rule={RULE} value={depth} onCommit={applyDepth} title={HELP} />
      </div>
    </Field>
  );
}
