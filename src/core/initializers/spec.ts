// What one entry of the initializer table must provide. Everything is a pure function of the
// layer's fans and the user's parameters, so the UI, the CLI and the theory agree by construction.

import type { Framework, ParamSpec, ParamValues, WeightLaw } from '../types';

export interface InitializerSpec {
  /** Stable identifier used by the URL and the CLI. */
  id: string;
  /** Plain-words name for people. */
  label: string;
  framework: Framework;
  params: readonly ParamSpec[];
  /** Exact law of one entry of the fanIn × fanOut kernel (h = x·W). */
  weightLaw(fanIn: number, fanOut: number, p: ParamValues): WeightLaw;
  /** Law of the bias, for initializers that define one; otherwise the caller's N(0, σ_b²) applies. */
  biasLaw?(fanIn: number, fanOut: number, p: ParamValues): WeightLaw;
  /** One line: the formula, then the same with this layer's numbers filled in. */
  rule(fanIn: number, fanOut: number, p: ParamValues): string;
  /** One line: the equivalent call in the framework. */
  snippet(p: ParamValues): string;
  /** One sentence: where it comes from and what it assumes. */
  note: string;
  /**
   * The weights' scale is found on data per run (LSUV), so `weightLaw` is only the start and a
   * layer's σ_w² is not a function of its fans: the run reports it (LayerStats.lsuv).
   */
  dataDependent?: true;
}
