// The signal chart in words, for a screen reader: each drawn curve with its verdict, the seed
// band and every pin. Pure, so it reads the same whatever the chart's size.

import { describeGradients, type GradientInput } from '../readings/gradientVerdict';
import { describeSeries } from '../readings/signalSummary';
import { judgeSignal, type Verdict } from '../readings/verdict';
import type { PinnedSeries } from './pinnedSeries';
import type { SeedBands } from './seedBand';
import type { SignalSeries } from './signalSeries';
import { inBlocks, type SignalUnit } from './streamSeries';

export const CONCEALED_SUMMARY = 'The measured curve and the theory are hidden until the question is answered.';

export interface SummaryInput {
  series: SignalSeries;
  measured: Verdict | null;
  /** The theory's sentence, made apart because it does not change as layers stream in. */
  theorySummary: string | null;
  /** The x axis counts residual blocks (the series is the stream). */
  stream: boolean;
  /** The activation curve is drawn and has layers. */
  showActivations: boolean;
  gradients: { inputs: readonly (GradientInput | undefined)[]; verdict: Verdict } | null;
  bands: SeedBands | null;
  pins: readonly PinnedSeries[];
  unit: SignalUnit;
}

export function signalChartSummary(input: SummaryInput): string {
  const { series, measured, theorySummary, stream, bands, unit } = input;
  const perBlock = (text: string) => (stream ? inBlocks(text) : text);
  const parts: string[] = [];
  if (measured) {
    const subject = stream ? 'Residual stream second moment' : 'Pre-activation second moment';
    parts.push(
      perBlock(
        describeSeries(
          subject,
          series.measured.map((p) => p.raw),
          measured,
        ),
      ),
    );
  }
  if (theorySummary) parts.push(perBlock(theorySummary));
  if (input.showActivations) {
    const post = series.activations.map((p) => p.raw);
    parts.push(describeSeries('Activation second moment', post, judgeSignal(post)));
  }
  if (input.gradients) parts.push(perBlock(describeGradients(input.gradients.inputs, input.gradients.verdict)));
  if (bands && bands.measured.length > 0) {
    const next = bands.theory.length > 0 ? ', next to the band finite-width theory predicts' : '';
    parts.push(`A shaded band shows where the middle 80 % of ${bands.seeds} seeds land at each ${unit}${next}.`);
  }
  for (const pin of input.pins) {
    if (pin.verdict)
      parts.push(
        describeSeries(
          `Pin ${pin.slot + 1}, ${pin.name}`,
          pin.measured.map((p) => p.raw),
          pin.verdict,
        ),
      );
  }
  return parts.join(' ') || `No ${unit}s measured yet.`;
}

/** The plot's accessible name: what is drawn, over how many layers or blocks. */
export function plotLabel(p: { perBlock: boolean; depth: number; showActivations: boolean; showGradients: boolean }) {
  return p.perBlock
    ? `Second moment of the residual stream after each of ${p.depth} blocks on a log scale, measured and as predicted by theory${p.showGradients ? ', and the back-propagated gradient of the stream from the last block down to the first' : ''}.`
    : `Second moment of the pre-activations for each of ${p.depth} layers on a log scale, measured and as predicted by mean-field theory${p.showActivations ? ', with the activations' : ''}${p.showGradients ? ', and the back-propagated gradient second moment from the last layer down to the first' : ''}.`;
}
