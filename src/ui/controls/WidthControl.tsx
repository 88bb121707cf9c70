// Units per layer: one width for every layer (slider + number box), or a per-layer profile —
// funnel, bottleneck or a typed list — so fan_in ≠ fan_out can be studied.

import { useState } from 'react';
import { LIMITS } from '../../core/limits';
import { setWidth, setWidths } from '../../state/actions';
import { useApp } from '../../state/store';
import { HelpButton, helpId } from './Field';
import { NumberBox } from './NumberBox';
import { WIDTH_SCALE } from './sliderScale';
import { SteppedSlider } from './SteppedSlider';
import { WidthListField } from './WidthListField';
import {
  PROFILE_LABELS,
  profileWidths,
  recognizeProfile,
  type ProfileShape,
  type WidthProfile,
} from '../../readings/widthProfiles';

const HELP =
  'How many units each layer has. Initializers scale the weights by the number of inputs (fan_in), outputs (fan_out) or both, so with a funnel or bottleneck the choice of fan mode starts to matter.';
const PROFILES = Object.keys(PROFILE_LABELS) as WidthProfile[];

function widthRule(label: string) {
  return { label, ...LIMITS.width, integer: true };
}

/** The starting shape when switching to a profile: keep the current ends, or narrow 8× from a constant width. */
function initialShape(profile: WidthProfile, widths: readonly number[]): ProfileShape {
  const wide = Math.max(...widths);
  const min = Math.min(...widths);
  const narrow = min < wide ? min : Math.max(LIMITS.width.min, Math.round(wide / 8));
  return { profile, wide, narrow };
}

export function WidthControl() {
  const widths = useApp((s) => s.config.widths);
  // "Custom" is the one choice the widths alone cannot show (a typed list may look like a funnel,
  // and choosing it starts from the current, possibly constant, widths). It holds while the list
  // varies or is still the one it was chosen for; a constant width set elsewhere shows as Constant.
  const [customFor, setCustomFor] = useState<readonly number[] | null>(null);
  const shape = recognizeProfile(widths);
  const profile: WidthProfile =
    customFor !== null && (customFor === widths || shape.profile !== 'constant') ? 'custom' : shape.profile;
  const [open, setOpen] = useState(false);

  function chooseProfile(next: WidthProfile): void {
    setCustomFor(next === 'custom' ? widths : null);
    if (next === 'custom') return;
    if (next === 'constant') setWidth(widths[0] ?? LIMITS.width.min);
    else setWidths(profileWidths(initialShape(next, widths), widths.length));
  }

  const setEnds = (wide: number, narrow: number) =>
    setWidths(profileWidths({ profile: shape.profile, wide, narrow }, widths.length));
  const isFunnel = profile === 'funnel';

  return (
    <fieldset className="field width-control">
      <legend className="field-head">
        <span>Width</span>
        <HelpButton label="Width" help={HELP} target={helpId('width')} open={open} onToggle={() => setOpen(!open)} />
      </legend>
      <p id={helpId('width')} className="field-help" hidden={!open}>
        {HELP}
      </p>
      <label className="sub-label" htmlFor="width-profile">
        Width profile
      </label>
      <select
        id="width-profile"
        value={profile}
        title="One width for all layers, or a shape across layers"
        onChange={(e) => chooseProfile(e.target.value as WidthProfile)}
      >
        {PROFILES.map((p) => (
          <option key={p} value={p}>
            {PROFILE_LABELS[p]}
          </option>
        ))}
      </select>

      {profile === 'constant' && (
        <div className="slider-row">
          <SteppedSlider
            scale={WIDTH_SCALE}
            value={widths[0] ?? 1}
            max={LIMITS.width.max}
            onChange={setWidth}
            ariaLabel="Width slider"
            valueText={`${widths[0]} units`}
            title={HELP}
            describedBy={helpId('width')}
          />
          <NumberBox
            id="width"
            rule={widthRule('Width')}
            value={widths[0] ?? 1}
            onCommit={setWidth}
            title={HELP}
            ariaLabel="Width"
          />
        </div>
      )}

      {(profile === 'funnel' || profile === 'bottleneck') && (
        <div className="pair-row">
          <div>
            <label className="sub-label" htmlFor="width-wide">
              {isFunnel ? 'First width' : 'Outer width'}
            </label>
            <NumberBox
              id="width-wide"
              rule={widthRule(isFunnel ? 'First width' : 'Outer width')}
              value={shape.wide}
              onCommit={(w) => setEnds(w, shape.narrow)}
            />
          </div>
          <div>
            <label className="sub-label" htmlFor="width-narrow">
              {isFunnel ? 'Last width' : 'Middle width'}
            </label>
            <NumberBox
              id="width-narrow"
              rule={widthRule(isFunnel ? 'Last width' : 'Middle width')}
              value={shape.narrow}
              onCommit={(w) => setEnds(shape.wide, w)}
            />
          </div>
        </div>
      )}

      {profile === 'custom' && <WidthListField widths={widths} />}
    </fieldset>
  );
}
