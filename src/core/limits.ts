// The ranges every boundary (CLI flags, URL keys, worker messages) enforces. One table, so the
// UI's sliders, the URL decoder and the CLI can never disagree about what is allowed.

export const LIMITS = {
  depth: { min: 1, max: 2000 },
  width: { min: 1, max: 4096 },
  inputDim: { min: 1, max: 4096 },
  batch: { min: 1, max: 4096 },
  seed: { min: 0, max: 4294967295 },
  biasStd: { min: 0, max: 100 },
} as const;

export type LimitedField = keyof typeof LIMITS;

export const DEFAULTS = {
  init: 'he_normal',
  activation: 'relu',
  depth: 30,
  width: 256,
  batch: 128,
  seed: 1,
  biasStd: 0,
  input: 'normal',
} as const;
