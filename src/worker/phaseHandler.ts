// What the phase worker does with each request, separate from the Worker entry so the
// main-thread fallback and the unit tests run exactly the same code. A grid is computed one row
// per task, so point requests (the readout panel) are answered between rows instead of waiting
// for the whole diagram, and a newer grid request stops an older one.

import { getActivation } from '../core/activations';
import { phaseGridSteps } from '../core/phaseGrid';
import { theoryPoint } from '../core/theoryPoint';
import type { FromPhaseWorker, ToPhaseWorker } from './phaseProtocol';

export interface PhaseHost {
  post(message: FromPhaseWorker): void;
  /** Lets queued messages in before the next row. */
  yieldToEventLoop(): Promise<void>;
}

export function createPhaseHandler(host: PhaseHost): (msg: ToPhaseWorker) => void {
  /** Id of the grid allowed to continue; a newer grid request changes it. */
  let activeGrid = 0;

  async function runGrid(msg: Extract<ToPhaseWorker, { type: 'grid' }>): Promise<void> {
    const act = getActivation(msg.activation);
    if (!act) {
      host.post({ type: 'error', id: msg.id, message: `Unknown activation "${msg.activation}".` });
      return;
    }
    activeGrid = msg.id;
    const steps = phaseGridSteps(act, msg.activationParams);
    for (;;) {
      const next = steps.next();
      if (next.done) {
        host.post({ type: 'grid', id: msg.id, grid: next.value });
        return;
      }
      host.post({ type: 'progress', id: msg.id, ...next.value });
      await host.yieldToEventLoop();
      if (activeGrid !== msg.id) return;
    }
  }

  function answerPoint(msg: Extract<ToPhaseWorker, { type: 'point' }>): void {
    const act = getActivation(msg.activation);
    if (!act) {
      host.post({ type: 'error', id: msg.id, message: `Unknown activation "${msg.activation}".` });
      return;
    }
    host.post({ type: 'point', id: msg.id, point: theoryPoint(act, msg.activationParams, msg.sigmaW2, msg.sigmaB2) });
  }

  return (msg) => {
    try {
      if (msg.type === 'grid') {
        runGrid(msg).catch((e: unknown) => host.post({ type: 'error', id: msg.id, message: String(e) }));
      } else {
        answerPoint(msg);
      }
    } catch (e) {
      host.post({ type: 'error', id: msg.id, message: String(e) });
    }
  };
}
