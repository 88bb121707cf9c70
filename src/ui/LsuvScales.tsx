// The formula card's part for LSUV (Mishkin & Matas 2016): the scale each layer's orthonormal
// weights were multiplied by and the passes it took, as measured by the run of these settings,
// and what the mean-field theory says LSUV converges to at infinite width.

import { useMemo } from 'react';
import { getActivation } from '../core/activations';
import { LSUV_MAX_PASSES, LSUV_TOLERANCE, type LsuvLayer } from '../core/lsuvConstants';
import { gaussianMoments } from '../core/theory';
import { lsuvSigmaW2 } from '../core/theory/lsuvTheory';
import type { SimConfig } from '../core/types';
import { formatNumber, plural } from '../readings/format';
import './lsuvScales.css';

interface Props {
  config: SimConfig;
  /** The run's LSUV record per layer, in layer order, when the run shown is of these settings; null otherwise. */
  layers: readonly LsuvLayer[] | null;
}

function fanInAt(config: SimConfig, layer: number): number {
  return layer === 1 ? config.inputDim : config.widths[layer - 2]!;
}

function Summary({ layers, depth }: { layers: readonly LsuvLayer[]; depth: number }) {
  const missed = layers.filter((l) => !l.converged).length;
  const most = layers.reduce((m, l) => Math.max(m, l.passes), 0);
  const total = layers.reduce((s, l) => s + l.passes, 0);
  const done = layers.length === depth;
  return (
    <p className="note" data-testid="lsuv-summary">
      {done ? `All ${depth} layers` : `${layers.length} of ${depth} layers so far`}: {plural(total, 'pass', 'passes')}{' '}
      in all, at most {most} for one layer;{' '}
      {missed === 0
        ? `every output variance within ${LSUV_TOLERANCE} of 1.`
        : `${plural(missed, 'layer')} did not reach ${LSUV_TOLERANCE} of 1 within ${LSUV_MAX_PASSES} passes (marked below).`}
    </p>
  );
}

/** What LSUV converges to at infinite width: σ_w² making q^l = 1, with the χ₁ that follows. */
function TheoryNote({ config }: { config: SimConfig }) {
  const facts = useMemo(() => {
    const act = getActivation(config.activation);
    if (!act) return null;
    const sigmaB2 = config.biasStd * config.biasStd;
    const deeper = config.widths.length > 1 ? lsuvSigmaW2(act, config.activationParams, 2, sigmaB2)[1]! : null;
    const chi1 = deeper === null ? null : deeper * gaussianMoments(act, config.activationParams).derivSecondMoment(1);
    return { sigmaB2, deeper, chi1, label: act.label };
  }, [config]);
  if (!facts) return null;
  if (facts.sigmaB2 >= 1)
    return (
      <p className="note">
        With σ_b² = {formatNumber(facts.sigmaB2)} ≥ 1 the bias alone gives each output a variance of at least 1, so no
        scale of the weights reaches the target: the mean-field theory has no σ_w² for LSUV here, and the passes run
        out.
      </p>
    );
  if (facts.deeper === null) return null;
  return (
    <p className="note">
      At infinite width LSUV’s scale is the one that makes the length map’s q = 1 in every layer: σ_w² = (1 −
      σ_b²)/E[φ(z)²] = {formatNumber(facts.deeper)} from layer 2 on for {facts.label} (z ~ N(0, 1)), and then χ₁ =
      σ_w²·E[φ′(z)²] = {formatNumber(facts.chi1)}
      {facts.chi1 !== null &&
        (facts.chi1 > 1.05
          ? ': chaotic, so inputs still decorrelate with depth'
          : facts.chi1 < 0.95
            ? ': ordered, so inputs still merge with depth'
            : ': at the edge of chaos')}
      . The theory line in the charts is this q = 1.
    </p>
  );
}

export function LsuvScales({ config, layers }: Props) {
  const depth = config.widths.length;
  return (
    <div className="lsuv-scales">
      <h3>Scales LSUV found</h3>
      <p className="note">
        Data-dependent: each layer’s scale is measured on the batch, which the seed ({config.seed}) draws, with the{' '}
        {config.batch} inputs passed through the layers below; another seed or batch size finds slightly different
        scales.
      </p>
      {layers && layers.length > 0 ? (
        <>
          <Summary layers={layers} depth={depth} />
          <div className="lsuv-table-scroll" tabIndex={0} role="region" aria-label="LSUV scale per layer">
            <table className="lsuv-table" data-testid="lsuv-table">
              <thead>
                <tr>
                  <th scope="col">layer</th>
                  <th scope="col" title="The factor the orthonormal weights were multiplied by">
                    scale s
                  </th>
                  <th scope="col" title="Rescaling passes (0: the orthonormal start was already within the tolerance)">
                    passes
                  </th>
                  <th scope="col" title="Variance of the layer's output on the batch with that scale">
                    Var(h)
                  </th>
                  <th scope="col" title="σ_w² = fan_in·s²/max(fan_in, fan_out), the weight spread the theory uses">
                    σ_w²
                  </th>
                </tr>
              </thead>
              <tbody>
                {layers.map((l) => {
                  const fanIn = fanInAt(config, l.layer);
                  const sigmaW2 = (fanIn * l.scale * l.scale) / Math.max(fanIn, config.widths[l.layer - 1]!, 1);
                  return (
                    <tr key={l.layer} className={l.converged ? undefined : 'lsuv-missed'}>
                      <th scope="row">{l.layer}</th>
                      <td>{formatNumber(l.scale)}</td>
                      <td>{l.passes}</td>
                      <td>
                        {formatNumber(l.variance)}
                        {!l.converged && <span className="lsuv-flag"> (not within {LSUV_TOLERANCE})</span>}
                      </td>
                      <td>{formatNumber(sigmaW2)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p className="note" data-testid="lsuv-pending">
          The scale of each layer and its passes are listed here as the run of these settings reaches it.
        </p>
      )}
      <TheoryNote config={config} />
    </div>
  );
}
