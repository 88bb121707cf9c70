// Slider positions ↔ values for ranges that span three orders of magnitude. A plain linear
// slider over 1…2000 makes the interesting region (a handful to a hundred layers) a few pixels
// wide; here each segment has its own step, fine where it matters and coarser beyond, always
// landing on round numbers.

export interface ScaleSegment {
  /** Last value of this segment (inclusive). */
  upTo: number;
  /** Distance between neighbouring values inside the segment. */
  step: number;
}

export interface SteppedScale {
  min: number;
  segments: readonly ScaleSegment[];
}

/** 1…100 in unit steps, then 10s to 500, then 50s to 2000. */
export const DEPTH_SCALE: SteppedScale = {
  min: 1,
  segments: [
    { upTo: 100, step: 1 },
    { upTo: 500, step: 10 },
    { upTo: 2000, step: 50 },
  ],
};

/** 1…64 in unit steps, then roughly log-spaced: 8s to 256, 32s to 1024, 128s to 4096. */
export const WIDTH_SCALE: SteppedScale = {
  min: 1,
  segments: [
    { upTo: 64, step: 1 },
    { upTo: 256, step: 8 },
    { upTo: 1024, step: 32 },
    { upTo: 4096, step: 128 },
  ],
};

function stepsIn(start: number, seg: ScaleSegment): number {
  return Math.round((seg.upTo - start) / seg.step);
}

/** The highest slider position (positions run 0…maxPosition). */
export function maxPosition(scale: SteppedScale): number {
  let start = scale.min;
  let total = 0;
  for (const seg of scale.segments) {
    total += stepsIn(start, seg);
    start = seg.upTo;
  }
  return total;
}

export function valueAt(scale: SteppedScale, position: number): number {
  let remaining = Math.max(0, Math.round(position));
  let start = scale.min;
  for (const seg of scale.segments) {
    const steps = stepsIn(start, seg);
    if (remaining <= steps) return start + remaining * seg.step;
    remaining -= steps;
    start = seg.upTo;
  }
  return start;
}

/** The position whose value is nearest to `value` (values between steps snap to the closer one). */
export function positionOf(scale: SteppedScale, value: number): number {
  let start = scale.min;
  let offset = 0;
  if (!(value > start)) return 0;
  for (const seg of scale.segments) {
    const steps = stepsIn(start, seg);
    if (value <= seg.upTo) return offset + Math.round((value - start) / seg.step);
    offset += steps;
    start = seg.upTo;
  }
  return offset;
}
