// The chosen initializer's rule with this network's numbers filled in, next to what the
// sampler actually drew, and the framework call that produces the same law.

import { useDeferredValue } from 'react';
import { getActivation } from '../core/activations';
import { realizedVariance } from '../core/distributions';
import { getInitializer, type InitializerSpec } from '../core/initializers';
import type { LsuvLayer } from '../core/lsuvConstants';
import type { LayerStats, ParamValues, SimConfig } from '../core/types';
import { useApp } from '../state/store';
import { CopyButton } from './CopyButton';
import { InitializerOriginNote } from './explanations/InitializerOriginNote';
import { formatNumber } from '../readings/format';
import { lawFacts, representativeLayer } from './lawSummary';
import { LsuvScales } from './LsuvScales';
import { LengthMapMath, RuleMath } from './math/FormulaMath';
import { useOverflowTabStop } from './math/useOverflowTabStop';
import { sameConfig } from './sameConfig';

const NO_LAYERS: readonly LayerStats[] = [];

function fansOf(config: SimConfig): [number, number][] {
  return config.widths.map((fanOut, i) => [i === 0 ? config.inputDim : config.widths[i - 1]!, fanOut]);
}

interface LayerRuleProps {
  spec: InitializerSpec;
  params: ParamValues;
  layer: number;
  fanIn: number;
  fanOut: number;
  /** Measured Var(w) of this layer from the last run, if it belongs to these settings. */
  measured: number | null;
}

function LayerRule({ spec, params, layer, fanIn, fanOut, measured }: LayerRuleProps) {
  const law = spec.weightLaw(fanIn, fanOut, params);
  const variance = realizedVariance(law, fanIn, fanOut);
  return (
    <div className="layer-rule">
      <h3>
        Layer {layer}{' '}
        <span className="muted">
          (fan_in {fanIn} → fan_out {fanOut})
        </span>
      </h3>
      <RuleMath spec={spec} params={params} fanIn={fanIn} fanOut={fanOut} />
      <dl className="facts">
        <div>
          <dt>fan_in</dt>
          <dd>{fanIn}</dd>
        </div>
        <div>
          <dt>fan_out</dt>
          <dd>{fanOut}</dd>
        </div>
        {lawFacts(law).map((f) => (
          <div key={f.name}>
            <dt>{f.name}</dt>
            <dd>{f.value}</dd>
          </div>
        ))}
        <div title="Exact variance of one weight under this law (a truncated normal's is smaller than its std²)">
          <dt>Var(w)</dt>
          <dd>{formatNumber(variance)}</dd>
        </div>
        {measured !== null && (
          <div title="Variance of the weights actually drawn for this layer">
            <dt>measured Var(w)</dt>
            <dd>{formatNumber(measured)}</dd>
          </div>
        )}
        <div title="The weight spread the mean-field theory uses; 2 keeps ReLU networks stable, 1 suits tanh and linear">
          <dt>σ_w² = fan_in·Var(w)</dt>
          <dd>{formatNumber(fanIn * variance)}</dd>
        </div>
      </dl>
    </div>
  );
}

/** The LSUV record of each layer the run has reported so far. */
function lsuvOf(layers: readonly LayerStats[]): LsuvLayer[] {
  const out: LsuvLayer[] = [];
  for (const l of layers) if (l.lsuv) out.push(l.lsuv);
  return out;
}

/** The framework call. A long one scrolls sideways on a phone, and then the keyboard can reach it. */
function SnippetCode({ text }: { text: string }) {
  const [scrollRef, focusable] = useOverflowTabStop(true, text);
  return (
    <pre ref={scrollRef} tabIndex={focusable ? 0 : undefined}>
      <code>{text}</code>
    </pre>
  );
}

export function FormulaCard() {
  // Typesetting the formulas anew takes several milliseconds; deferred, React renders them after
  // the controls, in slices that leave room for input, so a settings change never blocks the page.
  const config = useDeferredValue(useApp((s) => s.config));
  // The measured Var(w) follows each run in the same background renders.
  const runConfig = useDeferredValue(useApp((s) => s.run.config));
  const firstLayer = useDeferredValue(useApp((s) => s.run.layers[0]));
  // Every layer's record only for a data-dependent initializer: otherwise the card would render
  // again for each layer a run streams, for nothing.
  const runLayers = useDeferredValue(
    useApp((s) => (getInitializer(s.config.init)?.dataDependent ? s.run.layers : NO_LAYERS)),
  );
  const spec = getInitializer(config.init);
  const activation = getActivation(config.activation);
  if (!spec) return null;

  const fans = fansOf(config);
  const other = representativeLayer(fans);
  // Only a run of exactly these settings has measured weights that belong next to the rule.
  const ofThese = sameConfig(runConfig, config);
  const measured = firstLayer && ofThese ? firstLayer.weights.variance : null;
  const snippet = spec.snippet(config.initParams);

  return (
    <section className="card formula-card" aria-labelledby="formula-title">
      <h2 id="formula-title">{spec.label}</h2>
      {spec.dataDependent ? (
        <>
          <div className="layer-rule">
            <RuleMath spec={spec} params={config.initParams} fanIn={fans[0]![0]} fanOut={fans[0]![1]} />
          </div>
          <LsuvScales config={config} layers={ofThese ? lsuvOf(runLayers) : null} />
        </>
      ) : (
        <>
          <LayerRule
            spec={spec}
            params={config.initParams}
            layer={1}
            fanIn={fans[0]![0]}
            fanOut={fans[0]![1]}
            measured={measured}
          />
          {other !== null && (
            <LayerRule
              spec={spec}
              params={config.initParams}
              layer={other + 1}
              fanIn={fans[other]![0]}
              fanOut={fans[other]![1]}
              measured={null}
            />
          )}
          <LengthMapMath spec={spec} config={config} activationLabel={activation?.label ?? config.activation} />
        </>
      )}
      <div className="snippet">
        <SnippetCode text={snippet} />
        <CopyButton
          getText={() => snippet}
          label="Copy code"
          doneLabel="Code copied"
          fallbackLabel="Framework call"
          className="button-quiet"
          title="Copy the framework call"
        />
      </div>
      <p className="note">{spec.note}</p>
      <InitializerOriginNote id={spec.id} />
      {activation && (
        <p className="note">
          <strong>{activation.label}:</strong> {activation.note}
        </p>
      )}
    </section>
  );
}
