// One step along a slider's stepped scale from any value, as the arrow keys of the slider would
// go: from a value between two steps (a typed 123 on a scale of tens) the next step up is 130 and
// the next step down 120, never a jump past the neighbour.

import { maxPosition, positionOf, valueAt, type SteppedScale } from '../controls/sliderScale';

export function stepOnScale(scale: SteppedScale, value: number, direction: 1 | -1): number {
  const last = maxPosition(scale);
  const position = positionOf(scale, value);
  const snapped = valueAt(scale, position);
  // A value off the grid that snapped past itself in the chosen direction is one step already.
  if ((direction > 0 && snapped > value) || (direction < 0 && snapped < value)) return snapped;
  return valueAt(scale, Math.min(last, Math.max(0, position + direction)));
}
