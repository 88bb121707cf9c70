import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../core/activations';
import { normalizeConfig } from '../core/config';
import { INITIALIZERS } from '../core/initializers';
import { PARAM_KEYS, paramFlag } from '../core/paramKeys';
import { parseArgs } from './args';
import { URL_FIELDS, decodeQuery } from '../state/url';

const declared = new Set([...INITIALIZERS, ...ACTIVATIONS].flatMap((spec) => spec.params.map((p) => p.name)));

describe('the parameter key table', () => {
  it('names every parameter an initializer or activation declares, once (add a new one to PARAM_KEYS)', () => {
    const names = PARAM_KEYS.map((k) => k.param);
    expect(new Set(names).size).toBe(names.length);
    expect([...declared].filter((name) => !names.includes(name))).toEqual([]);
    expect(names.filter((name) => !declared.has(name))).toEqual([]);
  });

  it('gives each parameter a URL key no other field uses', () => {
    const keys = URL_FIELDS.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const { param, urlKey } of PARAM_KEYS) {
      const field = URL_FIELDS.find((f) => f.key === urlKey);
      expect(field?.place).toEqual({ to: 'param', param });
    }
  });

  // The same value reaches the same parameter through a link and through the CLI.
  it.each(PARAM_KEYS.filter((k) => !k.switch))(
    '$param: URL key and CLI flag set the same parameter',
    ({ param, urlKey }) => {
      const owner = [...INITIALIZERS, ...ACTIVATIONS].find((spec) => spec.params.some((p) => p.name === param))!;
      const spec = owner.params.find((p) => p.name === param)!;
      const value = String(spec.default);
      const isInit = INITIALIZERS.includes(owner as (typeof INITIALIZERS)[number]);
      const choose = isInit
        ? { url: `init=${owner.id}`, cli: ['--init', owner.id] }
        : { url: `act=${owner.id}`, cli: ['--activation', owner.id] };
      const fromUrl = decodeQuery(`?${choose.url}&${urlKey}=${encodeURIComponent(value)}`);
      expect(fromUrl.notices).toEqual([]);
      const fromCli = normalizeConfig(parseArgs([...choose.cli, `--${paramFlag(param)}`, value]).input);
      expect(fromCli.issues).toEqual([]);
      const params = (c: { initParams: object; activationParams: object }) =>
        isInit ? c.initParams : c.activationParams;
      expect(params(fromCli.config)).toEqual(params(fromUrl.config));
    },
  );
});
