// A preset is a link plus the lesson it teaches. The lesson's figures are data: each one is a
// claim about a number the run computes, and the lesson is a template whose numbers are filled in
// from those claims, so the text and the checked value cannot drift apart (claims.test.ts runs
// every preset through the engine and checks each claim; lessonText.test.ts checks the text).
//
// How to write one (copy this shape into src/state/presets/<topic>.ts):
//
//   definePreset({
//     id: 'tfjs-he',
//     title: 'TF.js he_normal: the missing correction',
//     template: 'Each ReLU layer keeps {0:3} of the mean square: the theory leaves {1:sci} at layer 50.',
//     claims: [
//       { quantity: 'factor', of: 'theory.preactivationSecondMoment', from: 1, layer: 50, value: 0.774 },
//       { quantity: 'theory.preactivationSecondMoment', layer: 50, value: 5.4e-6 },
//     ],
//     query: '?v=1&init=tfjs_he_normal&depth=50',
//   });
//
// Claims
//   quantity  a field of a layer in the CLI's JSON (`simulate --format json`, `layers[]`), written
//             as its path (CLAIM_PATHS): measured ones (`preactivation.secondMoment`,
//             `gradient.secondMoment`: those with a derived finite-width band, claimBand.ts) or the
//             theory's (`theory.preactivationSecondMoment`, `theory.chi1`, `theory.sigmaW2`,
//             `theory.gradientSecondMoment`, `correlation.theory`); or `factor`, a per-layer factor.
//   layer     the layer (1 = the first hidden layer, as in the JSON) where the claim applies.
//   value     the number the lesson states, to the precision it states it.
//   factor    { quantity: 'factor', of: <a path above>, from: a, layer: b, value: g } claims that
//             walking from layer a to layer b, each layer multiplies `of` by g on average: the
//             geometric mean g = (of[b] / of[a])^(1/|b − a|). With b < a it is read toward the
//             input, as gradients are ("shrink ×0.89 per layer toward the input": from 9 to 1).
//             A factor over one step (|b − a| = 1) is that layer's own ratio.
//   Claims on the theory (and factors of them) must print exactly as the run's theory does;
//   measured ones must lie within the spread one finite network may show (claimBand.ts).
//   A claim on gradients runs the backward pass and one on correlations measures them, in the
//   tests and in `simulate --preset`; the app draws what its settings ask for.
//
// Template
//   `{i}` prints claims[i].value; `{i:f}` picks the format f (see CLAIM_FORMATS):
//     {0}      formatValue, 2 significant digits   1.9 · 0.50 · 2.8e-12
//     {0:3}    formatValue, 3 significant digits   0.774 · 1.92
//     {0:x}    formatFactor                        ×0.89 · ×1.26 · ×128
//     {0:%}    formatPercent                       2.6 %
//     {0:sci}  mantissa·power of ten               5.4·10⁻⁶
//     {0:pow}  the nearest power of ten            10⁻⁹
//     {0:frac} a fraction of small whole numbers   25/9 · 1/3
//   Every claim appears in the template at least once. Outside the placeholders (and in the
//   title) a figure written with digits must be one of:
//     - a setting of the preset (depth, a width, batch, seed, a parameter, a claim's layer):
//       "depth 30", "width 16", "slope 0.2", "at layer 50";
//     - a year in a citation: "(He et al. 2015)", "Glorot & Bengio 2010";
//     - a single digit 0…9, for the exact constants of definitions and formulas: "2/n",
//       "gain √(2/(1 + a²))", "He's factor 2", "the edge of chaos at 1" (superscripts such as
//       the ² of σ² are notation, not figures).
//   Anything measured or computed — a decimal, a number from 10 up, an ordinal with digits
//   ("3rd") — is a claim. Write ordinals in words ("the first layer").

import { formatFactor, formatPercent, formatPowerOfTen, formatValue } from '../../readings/format';

/** Fields of a layer in the CLI's JSON that a claim may name. */
export const CLAIM_PATHS = [
  'preactivation.secondMoment',
  'gradient.secondMoment',
  'theory.preactivationSecondMoment',
  'theory.chi1',
  'theory.sigmaW2',
  'theory.gradientSecondMoment',
  'correlation.theory',
] as const;
export type ClaimPath = (typeof CLAIM_PATHS)[number];

export type Claim =
  | { quantity: ClaimPath; layer: number; value: number }
  | { quantity: 'factor'; of: ClaimPath; from: number; layer: number; value: number };

export interface Preset {
  id: string;
  title: string;
  /** What it shows, in plain words, with the claims' values filled in. */
  lesson: string;
  /** The lesson with `{i}` / `{i:format}` where claims[i].value goes. */
  template: string;
  /** The figures the lesson states, each checked against the run (claims.test.ts). */
  claims: readonly Claim[];
  /** A URL query that decodes without any notice. */
  query: string;
  /** The exact line of code the preset reproduces (snippets.ts), shown on its card. */
  code?: string;
}

export type PresetSource = Omit<Preset, 'lesson'>;

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** Superscript exponent: −6 → "⁻⁶", 2 → "²" (formatPowerOfTen writes small powers plainly). */
function superscript(k: number): string {
  return (k < 0 ? '⁻' : '') + [...String(Math.abs(k))].map((d) => SUPERSCRIPT[Number(d)]).join('');
}

/** The simplest fraction p/q (q ≤ 12) within 1e-9 of v, else the plain value. */
function fraction(v: number): string {
  for (let q = 1; q <= 12; q++) {
    const p = Math.round(v * q);
    if (p !== 0 && Math.abs(p / q - v) <= 1e-9 * Math.max(1, Math.abs(v))) return q === 1 ? String(p) : `${p}/${q}`;
  }
  return formatValue(v, 3);
}

/** Number formats a placeholder may name. */
export const CLAIM_FORMATS: Record<string, (v: number) => string> = {
  '': (v) => formatValue(v, 2),
  '1': (v) => formatValue(v, 1),
  '2': (v) => formatValue(v, 2),
  '3': (v) => formatValue(v, 3),
  '4': (v) => formatValue(v, 4),
  x: formatFactor,
  '%': formatPercent,
  sci: (v) => {
    if (!(v > 0) || !Number.isFinite(v)) return formatValue(v, 2);
    let k = Math.floor(Math.log10(v));
    let mantissa = Number((v / 10 ** k).toFixed(1));
    if (mantissa >= 10) {
      mantissa /= 10;
      k += 1;
    }
    return `${mantissa.toFixed(1)}·10${superscript(k)}`;
  },
  pow: (v) => (v > 0 && Number.isFinite(v) ? formatPowerOfTen(Math.round(Math.log10(v))) : formatValue(v, 1)),
  frac: fraction,
};

/** `{index}` or `{index:format}`. */
export const PLACEHOLDER = /\{(\d+)(?::([^}]*))?\}/g;

export interface Placeholder {
  index: number;
  format: string;
}

/** The placeholders of a template, in order. Throws on an unknown format or a missing claim. */
export function placeholders(template: string, claimCount: number): Placeholder[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => {
    const index = Number(m[1]);
    const format = m[2] ?? '';
    if (!(format in CLAIM_FORMATS)) throw new Error(`unknown claim format "${format}" in ${m[0]}`);
    if (index >= claimCount) throw new Error(`${m[0]} names claim ${index}, but there are ${claimCount}`);
    return { index, format };
  });
}

/** The template with each placeholder replaced by its value in its format. */
export function renderLesson(template: string, claims: readonly Pick<Claim, 'value'>[]): string {
  placeholders(template, claims.length);
  return template.replace(PLACEHOLDER, (_m, i: string, f: string | undefined) =>
    CLAIM_FORMATS[f ?? '']!(claims[Number(i)]!.value),
  );
}

/** A preset with its lesson rendered from its template and claims. */
export function definePreset(source: PresetSource): Preset {
  return { ...source, lesson: renderLesson(source.template, source.claims) };
}
