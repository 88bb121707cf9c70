// A worker_threads member of a forward team (see forwardTeam.ts): one matmul kernel for the
// worker's life, one TeamRun per message.

import { parentPort } from 'node:worker_threads';
import { createKernel } from '../core/kernels';
import { followTeamRun, type TeamRun } from '../core/parallel/teamRun';
import type { TeamWorkerReply } from './teamProtocol';

const port = parentPort;
if (!port) throw new Error('teamWorker.ts runs as a worker thread');
const kernel = createKernel();

function reply(message: TeamWorkerReply): void {
  port!.postMessage(message);
}

port.on('message', (run: TeamRun) => {
  try {
    followTeamRun(run, kernel);
    reply({ type: 'done' });
  } catch (err) {
    reply({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
});
reply({ type: 'ready', kernel: kernel.name });
