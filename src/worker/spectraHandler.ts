// What the spectra worker does with a request, apart from the Worker entry so the main-thread
// fallback and the tests run the same code. The product chain yields to the event loop after every
// layer, so a newer request (the person changed a setting) stops the older one within a layer.

import { jacobianLayers, jacobianSteps } from '../core/spectra/jacobian';
import { jacobianTheory } from '../core/spectra/jacobianTheory';
import { weightSpectrum } from '../core/spectra/marchenkoPastur';
import { DEFAULT_SWEEP, PARAMETERIZATIONS, widthSweep } from '../core/spectra/widthSweep';
import { summarizeSpectrum } from '../core/spectra/spectrumSummary';
import type { FromSpectraWorker, ToSpectraWorker } from './spectraProtocol';

export interface SpectraHost {
  post(message: FromSpectraWorker, transfer?: Transferable[]): void;
  yieldToEventLoop(): Promise<void>;
}

export function createSpectraHandler(host: SpectraHost): (msg: ToSpectraWorker) => void {
  let active = 0;
  let activeSweep = 0;

  async function sweep(msg: Extract<ToSpectraWorker, { type: 'sweep' }>): Promise<void> {
    activeSweep = msg.id;
    for (const parameterization of PARAMETERIZATIONS) {
      for (const point of widthSweep({ ...DEFAULT_SWEEP, activation: msg.activation, parameterization })) {
        host.post({ type: 'sweepPoint', id: msg.id, parameterization, point });
        await host.yieldToEventLoop();
        if (activeSweep !== msg.id) return;
      }
    }
    host.post({ type: 'done', id: msg.id });
  }

  async function run(msg: Extract<ToSpectraWorker, { type: 'jacobian' }>): Promise<void> {
    active = msg.id;
    const { config } = msg;
    const depth = config.widths.length;
    const layers = jacobianLayers(depth);
    const theory = new Map(jacobianTheory(config, layers).map((t) => [t.layer, t]));
    // The middle layer's weights first: one Gram matrix, a fraction of the products' time.
    const weights = weightSpectrum(config, Math.max(1, Math.round(depth / 2)));
    host.post({ type: 'weights', id: msg.id, ...weights }, [weights.eigenvalues.buffer]);
    for (const step of jacobianSteps(config, { layers })) {
      if (step.kind === 'layer') {
        host.post({ type: 'progress', id: msg.id, layer: step.layer, depth });
        await host.yieldToEventLoop();
        if (active !== msg.id) return;
        continue;
      }
      const values = step.singularValues;
      host.post(
        {
          type: 'spectrum',
          id: msg.id,
          layer: step.layer,
          fanIn: step.fanIn,
          fanOut: step.fanOut,
          values,
          finite: step.finite,
          summary: summarizeSpectrum(values),
          theory: theory.get(step.layer)!,
        },
        [values.buffer],
      );
    }
    host.post({ type: 'done', id: msg.id });
  }

  return (msg) => {
    (msg.type === 'sweep' ? sweep(msg) : run(msg)).catch((e: unknown) =>
      host.post({ type: 'error', id: msg.id, message: e instanceof Error ? e.message : String(e) }),
    );
  };
}
