import { describe, expect, it } from 'vitest';
import type { ActivationSpec } from '../activations';
import { getActivation } from '../activations';
import { gaussExpect2 } from '../quadrature';
import { correlationMap, depthScales } from './correlation';
import { gaussianMoments } from './gaussianMoments';
import { expectQuoted } from './quoted.testutil';

function act(id: string): ActivationSpec {
  const spec = getActivation(id);
  if (!spec) throw new Error(`missing activation ${id}`);
  return spec;
}

describe('correlationMap(act, p, sigmaW2, sigmaB2, q, c)', () => {
  it('iterates the ReLU/He map from c = 0 (vector 10)', () => {
    const quoted: Record<number, string> = {
      1: '0.318310',
      2: '0.493731',
      3: '0.604826',
      5: '0.735946',
      10: '0.871536',
      20: '0.948428',
      50: '0.987862',
      100: '0.996423',
      200: '0.999016',
    };
    let c = 0;
    for (let k = 1; k <= 200; k++) {
      c = correlationMap(act('relu'), {}, 2, 0, 2, c);
      const text = quoted[k];
      if (text) expectQuoted(c, text, `c^(${k})`);
    }
    expect(correlationMap(act('relu'), {}, 2, 0, 2, 0)).toBeCloseTo(1 / Math.PI, 15);
  });

  it('uses the arc-cosine kernel E[relu(u)relu(v)] at q = 1 (vector 10)', () => {
    const m = gaussianMoments(act('relu'), {});
    expectQuoted(m.kernel(1, 1, 0), '0.159154943');
    expectQuoted(m.kernel(1, 1, 0.5), '0.304498891');
    expectQuoted(m.kernel(1, 1, 0.9), '0.454769199');
  });

  it('integrates activations without a closed-form kernel', () => {
    const tanh = act('tanh');
    const q = 0.8;
    const c = 0.35;
    const kernel = gaussExpect2((u, v) => Math.tanh(u) * Math.tanh(v), q, q, c);
    const second = gaussianMoments(tanh, {}).secondMoment(q);
    expect(correlationMap(tanh, {}, 1.7, 0.2, q, c)).toBeCloseTo((1.7 * kernel + 0.2) / (1.7 * second + 0.2), 13);
  });

  it('keeps c = 1, sends c = 0 to 0 for odd φ without bias, and is NaN without signal', () => {
    expect(correlationMap(act('tanh'), {}, 2, 0.1, 1, 1)).toBe(1);
    expect(correlationMap(act('tanh'), {}, 2, 0, 1, 0)).toBeCloseTo(0, 15);
    expect(correlationMap(act('relu'), {}, 2, 0, 0, 0.5)).toBeNaN();
  });

  it('matches the sin closed form e^{−q}·sinh(q·c)/E[sin²]', () => {
    const q = 1.3;
    const c = -0.4;
    const expected = (Math.exp(-q) * Math.sinh(q * c)) / ((1 - Math.exp(-2 * q)) / 2);
    expect(correlationMap(act('sin'), {}, 2, 0, q, c)).toBeCloseTo(expected, 14);
  });
});

describe('depthScales(act, p, sigmaW2, sigmaB2)', () => {
  it('reproduces the tanh σ_b² = 0.05 table (vector 12): q*, χ₁, c*, ξ_c', () => {
    const rows: [number, string, string, string, string][] = [
      [1.0, '0.19359', '0.7590', '1', '3.63'],
      [1.5, '0.41804', '0.9386', '1', '15.8'],
      [2.0, '0.72176', '1.0477', '0.7440', '25.2'],
      [2.5, '1.06396', '1.1335', '0.4468', '11.8'],
      [3.0, '1.42801', '1.2089', '0.2993', '9.05'],
      [4.0, '2.19549', '1.3424', '0.1651', '6.98'],
    ];
    for (const [sigmaW2, qStar, chi1, cStar, xiC] of rows) {
      const d = depthScales(act('tanh'), {}, sigmaW2, 0.05);
      const at = `σ_w² = ${sigmaW2}`;
      expectQuoted(d?.qStar, qStar, `${at}: q*`);
      expectQuoted(d?.chi1, chi1, `${at}: χ₁`);
      // c* is good to one unit in its last quoted digit: independent Gauss–Hermite quadrature
      // gives c* = 0.744082 at σ_w² = 2, quoted as 0.7440.
      if (cStar === '1') expect(d?.cStar, at).toBe(1);
      else expect(Math.abs(d!.cStar! - Number(cStar)), `${at}: c*`).toBeLessThanOrEqual(1e-4);
      expectQuoted(d?.xiC, xiC, `${at}: ξ_c`);
    }
  });

  it('gives ξ_c = 12.1 and 21.7 for tanh without bias at σ_w² = 25/9 and 2 (c* = 0)', () => {
    const gain = depthScales(act('tanh'), {}, 25 / 9, 0);
    expect(gain?.cStar).toBe(0);
    expectQuoted(gain?.xiC, '12.1');
    expectQuoted(depthScales(act('tanh'), {}, 2, 0)?.xiC, '21.7');
  });

  it('has ξ_q = −1/ln(slope) and infinite scales on the ReLU/He critical point', () => {
    const tanh = depthScales(act('tanh'), {}, 25 / 9, 0);
    expect(tanh?.xiQ).toBeCloseTo(-1 / Math.log(tanh!.slope), 14);
    expect(depthScales(act('relu'), {}, 2, 0)).toMatchObject({
      cStar: 1,
      xiQ: Infinity,
      xiC: Infinity,
      everyQFixed: true,
    });
    const ordered = depthScales(act('gelu'), {}, 2, 0);
    expect(ordered).toMatchObject({ qStar: 0, cStar: 1 });
    expect(ordered?.xiC).toBeCloseTo(1 / Math.LN2, 8);
  });

  it('leaves undefined scales null', () => {
    // ELU/He: the only fixed point, q* = 0, repels, and correlations of a vanishing signal mean nothing.
    expect(depthScales(act('elu'), {}, 2, 0)).toMatchObject({ qStar: 0, xiQ: null, cStar: null, xiC: null });
    expect(depthScales(act('relu'), {}, 3, 0.1)).toBeNull();
  });
});
