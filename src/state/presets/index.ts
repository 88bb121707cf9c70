// The gallery: every preset, in the order the gallery and the number keys show them. Each topic
// keeps its presets in a file of its own; this list only puts the topics in order.
import { CLASSIC_PRESETS } from './classic';
import type { Preset } from './preset';
import { RESIDUAL_PRESETS } from './residual';
import { SNIPPET_PRESETS } from './snippets';
import { SPECTRA_PRESETS } from './spectra';
import { TRAINING_PRESETS } from './training';

export type { Preset } from './preset';

export const PRESETS: readonly Preset[] = [
  ...CLASSIC_PRESETS,
  ...SPECTRA_PRESETS,
  ...RESIDUAL_PRESETS,
  ...TRAINING_PRESETS,
  ...SNIPPET_PRESETS,
];

export function getPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
