// The residual workload of `npm run bench`: 64 blocks × branch depth 2 × width 512 × batch 128
// (He normal + ReLU, pre-LayerNorm), forward + backward with every statistic, on one thread (the
// architecture engine runs on one), against W1's forward + backward in the same run: the issue
// asks that it stay as interactive as W1.

import { simulateArchitecture } from '../src/core/architecture/run';
import { normalizeConfig } from '../src/core/config';
import { createKernel } from '../src/core/kernels';

export const RESIDUAL_WORKLOAD = { blocks: 64, branchDepth: 2, width: 512, batch: 128 };

/** Best of `repeats`, in seconds: forward only, and forward + backward. */
export function timeResidual(repeats: number, norm = 'layer'): { forward: number; both: number } {
  const { config, issues } = normalizeConfig({ residual: true, ...RESIDUAL_WORKLOAD, norm, seed: 1 });
  if (issues.length > 0) throw new Error(issues.map((i) => i.problem).join('; '));
  const kernel = createKernel();
  const best = (backward: boolean) => {
    let t = Infinity;
    for (let r = 0; r < repeats; r++) {
      const t0 = performance.now();
      simulateArchitecture(config, { backward, kernel });
      t = Math.min(t, (performance.now() - t0) / 1000);
    }
    return t;
  };
  return { forward: best(false), both: best(true) };
}
