// A helper of the simulation worker's team (see workerTeam.ts): it draws its share of each layer's
// weights and multiplies its share of the batch rows in shared memory, run after run. One matmul
// kernel for its life, like the simulation worker.

import { createKernel } from '../core/kernels';
import { followTeamRun } from '../core/parallel/teamRun';
import { isTeamRun, type FromTeamHelper } from './teamProtocol';

interface HelperScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: FromTeamHelper): void;
}

const scope = self as unknown as HelperScope;
const kernel = createKernel();

scope.onmessage = (event) => {
  const run = event.data;
  if (!isTeamRun(run)) {
    scope.postMessage({ type: 'error', message: 'A team helper received something that is not a team assignment.' });
    return;
  }
  try {
    // Returns when the network is done or the leader stopped the run (a cancel or a failure).
    followTeamRun(run, kernel);
    scope.postMessage({ type: 'done' });
  } catch (err) {
    scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
scope.postMessage({ type: 'ready' });
