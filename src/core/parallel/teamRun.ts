// A forward run split across a team: what the leader sends each member, and what each side
// calls. Nothing here depends on the environment: Node's worker_threads (src/node/) and a
// browser's Web Workers post the same TeamRun and call the same functions — the leader (the
// thread that wants the layers; in a browser a worker, since a page may not Atomics.wait)
// `leadTeamRun`, every other member `followTeamRun`, each with its own matmul kernel.

import type { MatmulKernel } from '../kernels/types';
import type { ForwardOptions, LayerResult } from '../networkSpec';
import type { SimConfig } from '../types';
import { Barrier } from './barrier';
import { forwardMember, type TeamSeat } from './forwardMember';
import { forwardShared, sharedBytes } from './sharedLayout';

/** One member's assignment: structured-cloneable, the buffer is shared, not copied. */
export interface TeamRun {
  config: SimConfig;
  options: ForwardOptions;
  buffer: SharedArrayBuffer;
  members: number;
  rank: number;
}

/** The assignments of members 0 … members − 1 for one run, on a fresh shared buffer. */
export function planTeamRun(config: SimConfig, options: ForwardOptions, members: number): TeamRun[] {
  if (!Number.isInteger(members) || members < 1)
    throw new RangeError(`a team needs a whole number ≥ 1 of members, got ${members}`);
  const buffer = new SharedArrayBuffer(sharedBytes(config, members));
  return Array.from({ length: members }, (_, rank) => ({ config, options, buffer, members, rank }));
}

function seatOf(run: TeamRun): TeamSeat {
  const shared = forwardShared(run.buffer, run.config, run.members);
  return { rank: run.rank, members: run.members, shared, barrier: new Barrier(shared.control, run.members) };
}

/** The leader's side (rank 0): the layers, as simulateLayers gives them, over the leader's rows. */
export function* leadTeamRun(run: TeamRun, kernel: MatmulKernel): Generator<LayerResult, void, void> {
  if (run.rank !== 0) throw new Error(`leadTeamRun: rank ${run.rank} is not the leader`);
  for (const result of forwardMember(run.config, seatOf(run), kernel, run.options)) {
    if (result) yield result;
  }
}

/** Any other member's side: runs to the end of the network, or until the run is stopped. */
export function followTeamRun(run: TeamRun, kernel: MatmulKernel): void {
  if (run.rank === 0) throw new Error('followTeamRun: rank 0 leads');
  for (const result of forwardMember(run.config, seatOf(run), kernel, run.options)) void result;
}
