// The mean-field length map (Poole et al. 2016) with this network's σ_w² and σ_b² filled in:
// how the second moment q of the pre-activations moves from one layer to the next.

import { tex, type Tex } from './tex';

/** E[x²] of the input: both input distributions the engine draws have unit variance. */
const INPUT_SECOND_MOMENT = 1;

/** null when the weights have a non-zero mean: then the map does not describe the network. */
export function lengthMapTex(sigmaW2: number | null, sigmaB2: number): Tex[] | null {
  if (sigmaW2 === null) return null;
  const expectation = tex`\mathbb{E}_{z\sim\mathcal{N}(0,1)}\big[\phi(\sqrt{q^{l-1}}\,z)^2\big]`;
  const q1 = sigmaW2 * INPUT_SECOND_MOMENT + sigmaB2;
  return [
    tex`q^{l} = \sigma_w^2\,${expectation} + \sigma_b^2`,
    tex`q^{l} = ${sigmaW2}\,${expectation} + ${sigmaB2}`,
    tex`q^{1} = \sigma_w^2\,\mathbb{E}[x^2] + \sigma_b^2 = ${sigmaW2}\cdot ${INPUT_SECOND_MOMENT} + ${sigmaB2} = ${q1}`,
  ];
}
