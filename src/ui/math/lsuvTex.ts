// TeX for LSUV (Mishkin & Matas 2016, Algorithm 1): the orthonormal start and the rescaling loop.
// The scale s_l itself is measured by the run, so it is listed from the run, not typeset here.

import { LSUV_MAX_PASSES, LSUV_TOLERANCE } from '../../core/lsuvConstants';
import { FAN_IN, FAN_OUT, tex, texList } from './tex';
import type { FamilyTex } from './varianceScalingTex';

export function lsuvTex(fanIn: number, fanOut: number): FamilyTex {
  const big = Math.max(fanIn, fanOut, 1);
  const orthonormal = fanIn >= fanOut ? tex`Q^\top Q = I` : tex`Q Q^\top = I`;
  return {
    lines: [
      texList([tex`W^l = s_l\,Q^l`, orthonormal, tex`s_l \leftarrow 1`]),
      tex`\text{while}\ |\mathrm{Var}(h^l) - 1| > ${LSUV_TOLERANCE}\ (\le ${LSUV_MAX_PASSES}\ \text{passes}):\ s_l \leftarrow s_l / \sqrt{\mathrm{Var}(h^l)}`,
      tex`\mathbb{E}[w^2] = s_l^2/\max(${FAN_IN}, ${FAN_OUT}) = s_l^2/${big}`,
    ],
    // Var(w) of the start (s_l = 1), the law the table gives for it.
    variance: 1 / big,
  };
}
