// The typeset parts of the formula card: one layer's initializer rule with its numbers, and the
// length map with this network's σ_w² and σ_b².

import { useMemo } from 'react';
import { lawSecondMoment } from '../../core/distributions';
import type { InitializerSpec } from '../../core/initializers';
import { biasLawOf } from '../../core/network';
import type { ParamValues, SimConfig } from '../../core/types';
import { initializerTex } from './initializerTex';
import { lengthMapTex } from './lengthMapTex';
import { Tex } from './Tex';

interface RuleMathProps {
  spec: InitializerSpec;
  params: ParamValues;
  fanIn: number;
  fanOut: number;
}

/** The rule as display formulas, or the initializer's own one-line rule if it has no template. */
export function RuleMath({ spec, params, fanIn, fanOut }: RuleMathProps) {
  const math = useMemo(() => initializerTex(spec, fanIn, fanOut, params), [spec, fanIn, fanOut, params]);
  if (!math) {
    return (
      <p className="rule">
        <code>{spec.rule(fanIn, fanOut, params)}</code>
      </p>
    );
  }
  return (
    <div className="rule-math">
      {math.lines.map((line, i) => (
        <Tex key={i} tex={line} display />
      ))}
    </div>
  );
}

interface LengthMapProps {
  spec: InitializerSpec;
  config: SimConfig;
  activationLabel: string;
}

/** q^l = σ_w² E[φ(√q^{l−1} z)²] + σ_b² with the first layer's σ_w² and σ_b², explained in words. */
export function LengthMapMath({ spec, config, activationLabel }: LengthMapProps) {
  const fanIn = config.inputDim;
  const fanOut = config.widths[0] ?? fanIn;
  const lines = useMemo(() => {
    const sigmaW2 = initializerTex(spec, fanIn, fanOut, config.initParams)?.sigmaW2 ?? null;
    const bias = biasLawOf(spec, config, fanIn, fanOut);
    return lengthMapTex(sigmaW2, bias ? lawSecondMoment(bias, 1, fanOut) : 0);
  }, [spec, config, fanIn, fanOut]);
  const widthsVary = config.widths.some((w, i) => w !== (i === 0 ? config.inputDim : config.widths[i - 1]));

  return (
    <div className="length-map">
      <h3>Layer to layer (mean-field theory)</h3>
      {lines ? (
        <>
          {lines.map((line, i) => (
            <Tex key={i} tex={line} display />
          ))}
          <p className="note">
            q is the average square of a pre-activation, the quantity the chart plots; z is a standard normal number and
            φ is {activationLabel}. Each layer takes what survives φ, multiplies it by σ_w² and adds σ_b²; the signal
            keeps its size when the result equals the q it started from.
            {widthsVary && ' Numbers shown are layer 1’s; layers with other fans have their own σ_w².'}
          </p>
        </>
      ) : (
        <p className="note">
          Every weight has the same non-zero mean here, so all units move together and this map, which assumes weights
          centred on zero, does not describe the network.
        </p>
      )}
    </div>
  );
}
