// The link's field table: which key means what, its default and range in words, and where its
// value goes (the settings, a parameter, the view, a pin, the training panel). url.ts decodes and
// encodes links by this table alone, so a new setting is one row here.

import type { ConfigInput } from '../core/config';
import { DEFAULTS, LIMITS } from '../core/limits';
import { PARAM_KEYS } from '../core/paramKeys';
import { formatRange } from '../core/params';
import type { ParamValue, SimConfig } from '../core/types';
import { ARCHITECTURE_LIMITS as AL, ARCHITECTURE_DEFAULTS as AD } from '../core/architecture/spec';
import { ARCHITECTURE_WRITERS as AW, isResidual } from './architectureUrl';
import { EMBED_CONTROLS, EMBED_PANELS, readControls, readOrigin, writeControls, type Reading } from './embedFields';
import { MAX_PINS, PIN_KEY } from './pinCodec';
import { formatValue } from './queryText';
import { DEFAULT_VIEW, type HistogramValues, type ViewSettings } from './store';
import { DEFAULT_TRAINING } from './training';
import { TRAINING_KEYS, type TrainingKey } from './trainingUrl';

export const URL_VERSION = '1';

/** View settings that take one of a few words; the field table lists the words. */
export type ChoiceView = 'histogram' | 'histRange' | 'histValues' | 'signalAxis' | 'panel';

/** Where a key's value goes. Config values are checked by normalizeConfig, view values here. */
export type Place =
  | { to: 'version' }
  | {
      to: 'config';
      input: Exclude<keyof ConfigInput, 'initParams' | 'activationParams'>;
      write: (c: SimConfig) => string | null;
    }
  /** A parameter of the chosen initializer or activation (whichever declares it). */
  | { to: 'param'; param: string }
  | { to: 'view'; view: ChoiceView; choices: readonly string[] }
  | {
      to: 'view';
      view: 'showActivations' | 'showGradients' | 'presenting' | 'showJacobian' | 'showSweep' | 'embed' | 'quiz';
      choices: null;
    }
  /** A view value written as free text (a list, an origin): its own reader and writer, see embedFields.ts. */
  | {
      to: 'view-text';
      read: (raw: string, view: ViewSettings) => string[];
      write: (view: ViewSettings) => string | null;
    }
  /** A configuration pinned for comparison (repeatable): its config and param keys, see pinCodec.ts. */
  | { to: 'pin' }
  /** A setting of the training panel (trainingUrl.ts), shared by the live configuration and the pins. */
  | { to: 'training'; field: TrainingKey };

export interface UrlField {
  key: string;
  /** What the key means, in words. */
  name: string;
  /** The value used when the key is absent, as URL text ('' when it depends on other keys). */
  default: string;
  /** Allowed values, in words. */
  range: string;
  place: Place;
}

/** The distributions panel's values, in the order its control lists them. */
const HIST_VALUES = ['activations', 'preactivations', 'gradients'] as const satisfies readonly HistogramValues[];
const isConstant = (widths: readonly number[]) => widths.every((w) => w === widths[0]);
const range = (r: { min: number; max: number }) => formatRange(r.min, r.max);
/** Writes `value` unless it is the default (defaults are left out of links). */
export const unlessDefault = (value: number | string, fallback: number | string) =>
  value === fallback ? null : formatValue(value);

export const URL_FIELDS: readonly UrlField[] = [
  { key: 'v', name: 'link format version', default: '', range: URL_VERSION, place: { to: 'version' } },
  {
    key: 'init',
    name: 'weight initializer id',
    default: DEFAULTS.init,
    range: 'a known initializer',
    place: { to: 'config', input: 'init', write: (c) => unlessDefault(c.init, DEFAULTS.init) },
  },
  {
    key: 'act',
    name: 'activation id',
    default: DEFAULTS.activation,
    range: 'a known activation',
    place: { to: 'config', input: 'activation', write: (c) => unlessDefault(c.activation, DEFAULTS.activation) },
  },
  {
    key: 'depth',
    name: 'number of layers (ignored when width is a list)',
    default: String(DEFAULTS.depth),
    range: range(LIMITS.depth),
    place: {
      to: 'config',
      input: 'depth',
      write: (c) => (isConstant(c.widths) && !isResidual(c) ? unlessDefault(c.widths.length, DEFAULTS.depth) : null),
    },
  },
  {
    key: 'width',
    name: 'units per layer, or a comma list of each layer’s width (which sets the depth)',
    default: String(DEFAULTS.width),
    range: range(LIMITS.width),
    place: {
      to: 'config',
      input: 'width',
      write: (c) => (isConstant(c.widths) ? unlessDefault(c.widths[0]!, DEFAULTS.width) : c.widths.join(',')),
    },
  },
  {
    key: 'in',
    name: 'input dimension',
    default: '',
    range: range(LIMITS.inputDim),
    place: { to: 'config', input: 'inputDim', write: (c) => unlessDefault(c.inputDim, c.widths[0]!) },
  },
  {
    key: 'batch',
    name: 'batch size',
    default: String(DEFAULTS.batch),
    range: range(LIMITS.batch),
    place: { to: 'config', input: 'batch', write: (c) => unlessDefault(c.batch, DEFAULTS.batch) },
  },
  {
    key: 'seed',
    name: 'random seed',
    default: String(DEFAULTS.seed),
    range: range(LIMITS.seed),
    place: { to: 'config', input: 'seed', write: (c) => unlessDefault(c.seed, DEFAULTS.seed) },
  },
  {
    key: 'bias',
    name: 'bias standard deviation σ_b',
    default: String(DEFAULTS.biasStd),
    range: range(LIMITS.biasStd),
    place: { to: 'config', input: 'biasStd', write: (c) => unlessDefault(c.biasStd, DEFAULTS.biasStd) },
  },
  {
    key: 'input',
    name: 'input distribution',
    default: DEFAULTS.input,
    range: 'normal, uniform',
    place: { to: 'config', input: 'input', write: (c) => unlessDefault(c.input, DEFAULTS.input) },
  },
  {
    key: 'res',
    name: 'residual network (its depth is the stem plus blocks × branch depth)',
    default: '0',
    range: '1 or 0',
    place: { to: 'config', input: 'residual', write: AW.residual },
  },
  {
    key: 'blocks',
    name: 'residual blocks K',
    default: String(AD.blocks),
    range: range(AL.blocks),
    place: { to: 'config', input: 'blocks', write: AW.blocks },
  },
  {
    key: 'bdepth',
    name: 'linear layers per residual branch m',
    default: String(AD.branchDepth),
    range: range(AL.branchDepth),
    place: { to: 'config', input: 'branchDepth', write: AW.branchDepth },
  },
  {
    key: 'bscale',
    name: 'branch scale α',
    default: String(AD.branchScale),
    range: 'a number 0…100, 1/sqrt(K) or 1/K',
    place: { to: 'config', input: 'branchScale', write: AW.branchScale },
  },
  {
    key: 'fixup',
    name: 'Fixup initialization of the branches',
    default: '0',
    range: '1 or 0 (branch depth ≥ 2)',
    place: { to: 'config', input: 'fixup', write: AW.fixup },
  },
  {
    key: 'norm',
    name: 'normalization layer',
    default: AD.norm,
    range: 'none, batch, layer, rms',
    place: { to: 'config', input: 'norm', write: AW.norm },
  },
  {
    key: 'npos',
    name: 'where the norm sits in a residual block',
    default: AD.normPosition,
    range: 'pre, post',
    place: { to: 'config', input: 'normPosition', write: AW.normPosition },
  },
  {
    key: 'eps',
    name: 'ε of the norm',
    default: String(AD.normEps),
    range: range(AL.normEps),
    place: { to: 'config', input: 'normEps', write: AW.normEps },
  },
  ...paramFields(),
  {
    key: 'acts',
    name: 'also plot the activation curve',
    default: formatValue(DEFAULT_VIEW.showActivations),
    range: '1 or 0',
    place: { to: 'view', view: 'showActivations', choices: null },
  },
  {
    key: 'grads',
    name: 'also plot the back-propagated gradient curve',
    default: formatValue(DEFAULT_VIEW.showGradients),
    range: '1 or 0',
    place: { to: 'view', view: 'showGradients', choices: null },
  },
  choiceField('hist', 'histogram style', 'histogram', ['ridgeline', 'heatmap']),
  choiceField('range', 'histogram x range', 'histRange', ['adaptive', 'fixed']),
  choiceField('values', 'the values the distributions show', 'histValues', HIST_VALUES),
  choiceField('axis', 'the signal chart of a residual network: per block or per linear layer', 'signalAxis', [
    'block',
    'layer',
  ]),
  {
    key: 'sweep',
    name: 'run and show the width sweep (standard, NTK, μP)',
    default: formatValue(DEFAULT_VIEW.showSweep),
    range: '1 or 0',
    place: { to: 'view', view: 'showSweep', choices: null },
  },
  {
    key: 'jacobian',
    name: 'compute and show the input–output Jacobian’s singular values',
    default: formatValue(DEFAULT_VIEW.showJacobian),
    range: '1 or 0',
    place: { to: 'view', view: 'showJacobian', choices: null },
  },
  {
    key: 'present',
    name: 'presentation mode',
    default: formatValue(DEFAULT_VIEW.presenting),
    range: '1 or 0',
    place: { to: 'view', view: 'presenting', choices: null },
  },
  ...TRAINING_KEYS.map(([key, field, name]): UrlField => ({
    key,
    name,
    default: field === 'dataSeed' || field === 'evalEvery' ? '' : formatValue(DEFAULT_TRAINING[field] as ParamValue),
    range: 'as the train command allows',
    place: { to: 'training', field },
  })),
  {
    key: 'embed',
    name: 'embed mode: one panel sized to its frame',
    default: formatValue(DEFAULT_VIEW.embed),
    range: '1 or 0',
    place: { to: 'view', view: 'embed', choices: null },
  },
  choiceField('panel', 'the panel an embed shows', 'panel', EMBED_PANELS),
  {
    key: 'controls',
    name: 'the settings an embed keeps, as a comma list',
    default: '',
    range: `any of ${EMBED_CONTROLS.join(', ')}`,
    place: {
      to: 'view-text',
      read: (raw, view) => take(readControls(raw), (v) => (view.controls = v)),
      write: (view) => writeControls(view.controls),
    },
  },
  {
    key: 'quiz',
    name: 'predict, then reveal: hide the measured curve behind a question',
    default: formatValue(DEFAULT_VIEW.quiz),
    range: '1 or 0',
    place: { to: 'view', view: 'quiz', choices: null },
  },
  {
    key: 'origin',
    name: 'the host page origin that may drive an embed by postMessage',
    default: '',
    range: 'one origin, e.g. https://example.org',
    place: {
      to: 'view-text',
      read: (raw, view) => take(readOrigin(raw), (v) => (view.origin = v)),
      write: (view) => view.origin || null,
    },
  },
  {
    key: PIN_KEY,
    name: 'a configuration pinned for comparison, as key:value pairs joined by ~ (repeat the key for more)',
    default: '',
    range: `at most ${MAX_PINS}`,
    place: { to: 'pin' },
  },
];

/** A view key whose value is one of `choices`: typed, so the table cannot list a word the setting lacks. */
function choiceField<K extends ChoiceView>(
  key: string,
  name: string,
  view: K,
  choices: readonly ViewSettings[K][],
): UrlField {
  return { key, name, default: DEFAULT_VIEW[view], range: choices.join(', '), place: { to: 'view', view, choices } };
}

/** Stores what a reader made of a value and hands back its problems. */
function take<T>(reading: Reading<T>, store: (value: T) => void): string[] {
  store(reading.value);
  return reading.problems;
}

function paramFields(): UrlField[] {
  return PARAM_KEYS.map(({ urlKey: key, param }) => ({
    key,
    name: `the "${param}" parameter of the chosen initializer or activation`,
    default: '',
    range: 'set by that parameter',
    place: { to: 'param', param },
  }));
}
