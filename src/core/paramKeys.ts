// The one table of initializer and activation parameter names and how a person writes them: the
// URL key (short, since links get pasted into slides) and the CLI flag (the name with dashes). The
// URL field table, the CLI's parser and its --help all read it, so a new parameter is one row here.

export interface ParamKey {
  /** The name an initializer's or activation's ParamSpec declares. */
  param: string;
  /** The link's key, e.g. `nl` for nonlinearity. */
  urlKey: string;
  /** A yes/no parameter: its flag alone means yes (`--uniform`), `=false` no. */
  switch?: true;
}

export const PARAM_KEYS: readonly ParamKey[] = [
  { param: 'scale', urlKey: 'scale' },
  { param: 'mode', urlKey: 'mode' },
  { param: 'distribution', urlKey: 'dist' },
  { param: 'gain', urlKey: 'gain' },
  { param: 'std', urlKey: 'std' },
  { param: 'limit', urlKey: 'limit' },
  { param: 'a', urlKey: 'a' },
  { param: 'nonlinearity', urlKey: 'nl' },
  { param: 'factor', urlKey: 'factor' },
  { param: 'uniform', urlKey: 'uniform', switch: true },
  { param: 'negative_slope', urlKey: 'slope' },
  { param: 'alpha', urlKey: 'alpha' },
  { param: 'mean', urlKey: 'mean' },
  { param: 'b', urlKey: 'b' },
  { param: 'sparsity', urlKey: 'sparsity' },
];

/** The CLI flag of a parameter, without the dashes in front: underscores become dashes. */
export function paramFlag(param: string): string {
  return param.replace(/_/g, '-');
}

/** The flags as --help lists them, e.g. `--negative-slope`, `--uniform[=false]`. */
export function paramFlagUsage(): string[] {
  return PARAM_KEYS.map((k) => `--${paramFlag(k.param)}${k.switch ? '[=false]' : ''}`);
}
