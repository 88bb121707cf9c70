// The residual stream card (residual networks only): the stream per block with Brock et al.'s
// (2021) three curves and the theory dashed (charts/StreamChart), and the block's recursion with
// the live numbers of the last block finished, measured next to the theory.

import { useMemo } from 'react';
import { StreamChart, type StreamPoint } from '../../charts/StreamChart';
import type { BlockGradient } from '../../core/architecture/backward';
import type { BlockStats } from '../../core/architecture/blockStats';
import { architectureTheory } from '../../core/architecture/theory';
import type { SimConfig } from '../../core/types';
import { blockFormula, streamStory } from '../../readings/residualReading';
import { useApp } from '../../state/store';
import './residualPanel.css';

function pointsOf(blocks: readonly BlockStats[], gradients: readonly (BlockGradient | undefined)[]): StreamPoint[] {
  return blocks.map((b) => ({
    block: b.block,
    secondMoment: b.stream.secondMoment,
    channelMeanSquared: b.stream.channelMeanSquared,
    channelVariance: b.stream.channelVariance,
    theory: b.theory.streamSecondMoment,
    gradient: gradients[b.block - 1]?.streamSecondMoment ?? null,
    gradientTheory: gradients[b.block - 1]?.theory ?? null,
  }));
}

function Formula({ config, blocks }: { config: SimConfig; blocks: readonly BlockStats[] }) {
  const theory = useMemo(() => architectureTheory(config), [config]);
  const a = config.architecture!;
  const last = blocks.at(-1);
  if (!last) return null;
  const k = last.block;
  const t = theory.blocks[k - 1];
  const next = t?.streamSecondMoment ?? null;
  const branch = t?.branchSecondMoment ?? null;
  const prev =
    k > 1
      ? (theory.blocks[k - 2]?.streamSecondMoment ?? null)
      : next !== null && branch !== null && !(a.norm !== 'none' && a.normPosition === 'post')
        ? next - a.branchScale ** 2 * branch
        : null;
  const line =
    next !== null && branch !== null && prev !== null
      ? blockFormula(a, k, prev, branch, next, last.stream.secondMoment)
      : 'The theory has no closed form here.';
  return (
    <p className="stream-formula" data-testid="stream-formula">
      {line}
    </p>
  );
}

export function ResidualPanel() {
  const config = useApp((s) => s.run.config);
  const blocks = useApp((s) => s.run.blocks);
  const gradients = useApp((s) => s.run.blockGradients);
  const a = config?.architecture;
  if (!config || a?.kind !== 'residual') return null;
  return (
    <section className="card residual-panel" aria-labelledby="residual-title">
      <h2 id="residual-title">The residual stream, block by block</h2>
      <p>{streamStory(a)}</p>
      <StreamChart points={pointsOf(blocks, gradients)} blocks={a.blocks} />
      <Formula config={config} blocks={blocks} />
      <p className="panel-note">
        The signal chart plots each linear layer’s pre-activation h; this card follows the stream x^k that the skips
        carry. The correlation map’s theory describes plain stacks, not skips or norms: its curve is left out for this
        network.
      </p>
    </section>
  );
}
