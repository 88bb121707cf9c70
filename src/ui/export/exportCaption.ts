// The words an exported picture carries with it, so a slide or a figure says which settings
// produced it: "He normal · ReLU · depth 50 · width 512 · batch 256 · seed 1", then the verdict.

import { getActivation } from '../../core/activations';
import { getInitializer } from '../../core/initializers';
import type { ParamSpec, ParamValues, SimConfig } from '../../core/types';
import type { Verdict } from '../../readings/verdict';
import { recognizeProfile } from '../../readings/widthProfiles';
import { formatNumber } from '../../readings/format';

export interface ExportCaption {
  /** Settings in words, one line. */
  settings: string;
  /** "measured: stable: ×1.00 per layer", or null before any layer is measured. */
  verdict: string | null;
  /** The mean-field theory's verdict, or why there is none. */
  theory: string | null;
}

function paramText(specs: readonly ParamSpec[], values: ParamValues): string {
  const parts = specs.map((spec) => {
    const v = values[spec.name] ?? spec.default;
    return `${spec.name} = ${typeof v === 'number' ? formatNumber(v) : String(v)}`;
  });
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

function widthText(config: SimConfig): string {
  const shape = recognizeProfile(config.widths);
  switch (shape.profile) {
    case 'constant':
      return `width ${shape.wide}`;
    case 'funnel':
      return `widths ${shape.wide}→${shape.narrow}`;
    case 'bottleneck':
      return `widths ${shape.wide}→${shape.narrow}→${shape.wide}`;
    case 'custom':
      return `widths ${shape.narrow}…${shape.wide}`;
  }
}

export function settingsLine(config: SimConfig): string {
  const init = getInitializer(config.init);
  const activation = getActivation(config.activation);
  const firstWidth = config.widths[0];
  const parts = [
    init ? `${init.label}${paramText(init.params, config.initParams)}` : config.init,
    activation ? `${activation.label}${paramText(activation.params, config.activationParams)}` : config.activation,
    `depth ${config.widths.length}`,
    widthText(config),
    ...(config.inputDim !== firstWidth ? [`input ${config.inputDim}`] : []),
    ...(config.input !== 'normal' ? [`${config.input} input`] : []),
    ...(config.biasStd > 0 ? [`σ_b ${formatNumber(config.biasStd)}`] : []),
    `batch ${config.batch}`,
    `seed ${config.seed}`,
  ];
  return parts.join(' · ');
}

export function exportCaption(
  config: SimConfig,
  measured: Verdict | null,
  theory: Verdict | null,
  theoryKnown: boolean,
): ExportCaption {
  return {
    settings: settingsLine(config),
    verdict: measured ? `measured: ${measured.text}` : null,
    theory: theoryKnown ? `theory (mean field): ${theory ? theory.text : 'does not apply here'}` : null,
  };
}
