// Short names for configurations drawn on one chart: "He normal · ReLU · w512", plus depth, seed or
// any other setting only when it differs between the configurations named together. A legend of
// four entries stays readable, and every word in it tells two curves apart.

import { getActivation } from '../core/activations';
import { getInitializer } from '../core/initializers/index';
import type { ParamSpec, ParamValues, SimConfig } from '../core/types';
import { architectureName } from './residualReading';
import { recognizeProfile } from './widthProfiles';
import { formatNumber } from './format';

const SEPARATOR = ' · ';

/**
 * "Glorot uniform (Keras Dense default)" → "Glorot uniform": the part a person says aloud. Only a
 * remark after a space goes; "Plain normal N(0, σ²)" keeps its formula.
 */
function shortLabel(label: string): string {
  return label.replace(/\s+\([^()]*\)\s*$/, '') || label;
}

/**
 * Initializer (or activation) labels for each config: short, unless two different ids would then
 * read alike (Keras' and TF1's "Variance scaling"), in which case those two keep their full label.
 */
function labels(ids: readonly string[], full: (id: string) => string): string[] {
  const short = ids.map((id) => shortLabel(full(id)));
  return ids.map((id, i) => (ids.some((other, j) => other !== id && short[j] === short[i]) ? full(id) : short[i]!));
}

function widthText(widths: readonly number[]): string {
  const shape = recognizeProfile(widths);
  switch (shape.profile) {
    case 'constant':
      return `w${shape.wide}`;
    case 'funnel':
      return `w${shape.wide}→${shape.narrow}`;
    case 'bottleneck':
      return `w${shape.wide}→${shape.narrow}→${shape.wide}`;
    case 'custom':
      return `w${shape.narrow}…${shape.wide}`;
  }
}

const valueText = (v: ParamValues[string] | undefined): string => (typeof v === 'number' ? formatNumber(v) : String(v));

/** A parameter's words when it is not at its default, else null. */
function paramFacets(specs: readonly ParamSpec[], values: ParamValues): [string, string | null][] {
  return specs.map((spec) => [
    `param:${spec.name}`,
    values[spec.name] === spec.default ? null : `${spec.name.replace(/_/g, ' ')} ${valueText(values[spec.name])}`,
  ]);
}

/**
 * What may be added to a name, each as [facet, words or null]. Added only where the words are not
 * the same for every config, so settings shared by all never lengthen the legend.
 */
function facets(c: SimConfig): Map<string, string | null> {
  return new Map<string, string | null>([
    ['architecture', architectureName(c.architecture)],
    ['depth', `depth ${c.widths.length}`],
    ...paramFacets(getInitializer(c.init)?.params ?? [], c.initParams),
    ...paramFacets(getActivation(c.activation)?.params ?? [], c.activationParams),
    ['bias', `σ_b ${formatNumber(c.biasStd)}`],
    ['inputDim', c.inputDim === c.widths[0] ? null : `input ${c.inputDim}`],
    ['input', `${c.input} input`],
    ['batch', `batch ${c.batch}`],
    ['seed', `seed ${c.seed}`],
  ]);
}

/** One name per config, in order. Configs alike in every named setting get "(2)", "(3)", … to stay apart. */
export function configNames(configs: readonly SimConfig[]): string[] {
  const inits = labels(
    configs.map((c) => c.init),
    (id) => getInitializer(id)?.label ?? id,
  );
  const acts = labels(
    configs.map((c) => c.activation),
    (id) => getActivation(id)?.label ?? id,
  );
  const all = configs.map(facets);
  const keys = [...new Set(all.flatMap((f) => [...f.keys()]))];
  const differing = keys.filter((k) => new Set(all.map((f) => f.get(k) ?? null)).size > 1);
  const names = configs.map((c, i) => {
    const extra = differing.map((k) => all[i]!.get(k) ?? null).filter((t): t is string => t !== null);
    return [inits[i]!, acts[i]!, widthText(c.widths), ...extra].join(SEPARATOR);
  });
  return names.map((name, i) => {
    const before = names.slice(0, i).filter((n) => n === name).length;
    return before > 0 ? `${name} (${before + 1})` : name;
  });
}
