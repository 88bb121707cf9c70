// `--preset ID`: a gallery preset's settings (its pins aside) as the base of the command line's
// settings. Flags given with it override what the preset sets, one setting at a time:
//   - --init / --activation replace the preset's choice, and with it the preset's parameters of
//     that initializer or activation (they belong to the one replaced);
//   - --depth / --width replace the depth or the width of a preset whose layers are all one width;
//     --depth, --width or --widths replace a per-layer width list (a funnel) as a whole;
//   - any other flag (--seed, --batch, --std, --mode, …) replaces just its own setting.
// The run also takes the backward pass or the correlations when the preset's claims need them,
// unless they were switched off explicitly (--backward=false), so each claim can be set beside
// the value this run gives it.

import type { ConfigInput } from '../core/config';
import { quote } from '../core/params';
import { getPreset, PRESETS, type Preset } from '../state/presets';
import type { LayerRecord } from '../core/records';
import { claimNeeds, observedValue } from '../state/presets/claimValue';
import { presetConfig } from '../state/presets/presetRun';

/** The preset of that id, or the one line that lists them all. */
export function findPreset(id: string | undefined): Preset | string {
  return (
    getPreset((id ?? '').trim()) ??
    `--preset ${quote(id)} is not a preset; the presets are ${PRESETS.map((p) => p.id).join(', ')}`
  );
}

/** Flags whose settings the preset fills in when they are not given. */
export interface ExplicitFlags {
  has(flag: string): boolean;
}

/**
 * The preset's settings under the flags' `input` (which wins). Parameters are filled into
 * `params` (flag spelling, underscores) for the flags to override before they are split.
 */
export function underPreset(
  preset: Preset,
  input: ConfigInput,
  params: Record<string, string>,
  flags: ExplicitFlags,
): void {
  const c = presetConfig(preset);
  const sameInit = !flags.has('init') || String(input.init).trim().toLowerCase() === c.init;
  const sameActivation = !flags.has('activation') || String(input.activation).trim().toLowerCase() === c.activation;
  input.init ??= c.init;
  input.activation ??= c.activation;
  const uniform = c.widths.every((w) => w === c.widths[0]);
  if (uniform) {
    if (!flags.has('widths')) {
      input.depth ??= c.widths.length;
      input.width ??= c.widths[0];
    }
  } else if (!flags.has('depth') && !flags.has('width') && !flags.has('widths')) {
    input.width = c.widths;
  }
  // An input dimension the preset does not set follows the first width, as in the app.
  if (c.inputDim !== c.widths[0]) input.inputDim ??= c.inputDim;
  input.batch ??= c.batch;
  input.seed ??= c.seed;
  input.biasStd ??= c.biasStd;
  input.input ??= c.input;
  const a = c.architecture;
  if (a) {
    input.norm ??= a.norm;
    input.normPosition ??= a.normPosition;
    input.normEps ??= a.normEps;
    if (a.kind === 'residual') {
      input.residual ??= true;
      input.blocks ??= a.blocks;
      input.branchDepth ??= a.branchDepth;
      input.branchScale ??= a.branchScaleRule === 'number' ? a.branchScale : a.branchScaleRule;
      input.fixup ??= a.fixup;
    }
  }
  const own = { ...(sameInit ? c.initParams : {}), ...(sameActivation ? c.activationParams : {}) };
  for (const [name, value] of Object.entries(own)) params[name] ??= String(value);
}

/** Backward pass and correlations: on where the claims need them, unless a flag said otherwise. */
export function presetNeeds(preset: Preset, flags: ExplicitFlags): { backward: boolean; correlations: boolean } {
  const needs = claimNeeds(preset.claims);
  return {
    backward: needs.backward && !flags.has('backward'),
    correlations: needs.correlations && !flags.has('correlations'),
  };
}

/** `preset` in the JSON: the preset with its rendered lesson, each claim beside this run's value. */
export function presetRecord(preset: Preset, layers: readonly LayerRecord[]) {
  return {
    id: preset.id,
    title: preset.title,
    lesson: preset.lesson,
    claims: preset.claims.map((claim) => ({ ...claim, observed: observedValue(layers, claim) })),
  };
}

/** The same under the table: the lesson, then a line per claim. */
export function presetLines(record: ReturnType<typeof presetRecord>): string {
  const claims = record.claims.map((c) => {
    const what =
      c.quantity === 'factor'
        ? `factor of ${c.of} from layer ${c.from} to ${c.layer}`
        : `${c.quantity} at layer ${c.layer}`;
    return `  ${what}: claimed ${c.value}, this run ${c.observed ?? 'none'}`;
  });
  return [`preset ${record.id}: ${record.title}`, record.lesson, ...claims].join('\n') + '\n';
}
