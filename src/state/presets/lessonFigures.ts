// The rule for figures in a lesson (preset.ts): outside its placeholders, a lesson (and a title)
// may write a number with digits only where it is a setting of the preset, a year in a citation
// or a single digit of a formula or definition. Anything else is a figure someone computed and
// must come from a claim, so that a test holds it against the run.

import type { SimConfig } from '../../core/types';
import { PLACEHOLDER, type Claim } from './preset';

/**
 * A number as written: digits, an optional decimal part ("0.2", "512"), an ordinal's suffix
 * ("3rd"). Digits right after a letter or a digit are part of a name ("float32", "w256"), not a figure.
 */
const FIGURE = /(?<![\p{L}_\d.])\d+(?:\.\d+)?(st|nd|rd|th)?/gu;
/** "He et al. 2015", "Glorot & Bengio 2010", "(Saxe 2014)": a capitalized name, then the year. */
const NAMED_SIZE = /\b(?:batch|seed)\s\d+/g;
const CITATION_YEAR = /(?:et al\.|[A-Z][\p{L}’'-]+)\s(?:19|20)\d\d\b/gu;

/**
 * The numbers a preset sets: depth, widths, input dimension, bias, parameters, and its claims'
 * layers. Batch and seed are left out (the default batch, 128, is also ReLU's n/2 at width 256):
 * they count only right after their name ("batch 128", "seed 3").
 */
export function settingFigures(config: SimConfig, claims: readonly Claim[]): Set<number> {
  const values = [
    config.widths.length,
    ...config.widths,
    config.inputDim,
    config.biasStd,
    ...Object.values(config.initParams),
    ...Object.values(config.activationParams),
    // A residual network's blocks and branch depth are settings too.
    ...(config.architecture?.kind === 'residual' ? [config.architecture.blocks, config.architecture.branchDepth] : []),
    ...claims.flatMap((c) => (c.quantity === 'factor' ? [c.layer, c.from] : [c.layer])),
  ];
  return new Set(values.filter((v): v is number => typeof v === 'number'));
}

/** The figures of a text that the rule does not allow, in order. */
export function unclaimedFigures(text: string, settings: ReadonlySet<number>): string[] {
  const literal = text.replace(PLACEHOLDER, ' ').replace(CITATION_YEAR, ' ').replace(NAMED_SIZE, ' ');
  return [...literal.matchAll(FIGURE)]
    .filter((m) => m[1] !== undefined || !(/^\d$/.test(m[0]) || settings.has(Number(m[0]))))
    .map((m) => m[0]);
}
