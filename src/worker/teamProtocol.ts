// What the simulation worker and its team helpers (team.worker.ts) say to each other. Requests are
// core/parallel's TeamRun assignments; a helper replies once when it can take work, then once per run.

import type { TeamRun } from '../core/parallel/teamRun';

export type ToTeamHelper = TeamRun;

export type FromTeamHelper = { type: 'ready' } | { type: 'done' } | { type: 'error'; message: string };

/**
 * A helper checks what it is handed before it blocks on shared memory: only its own simulation
 * worker can message it, but a malformed assignment would otherwise hang it in a barrier.
 */
export function isTeamRun(x: unknown): x is TeamRun {
  if (typeof x !== 'object' || x === null) return false;
  const run = x as Partial<TeamRun>;
  return (
    typeof SharedArrayBuffer !== 'undefined' &&
    run.buffer instanceof SharedArrayBuffer &&
    typeof run.config === 'object' &&
    run.config !== null &&
    typeof run.options === 'object' &&
    run.options !== null &&
    Number.isInteger(run.members) &&
    Number.isInteger(run.rank) &&
    run.rank! >= 1 &&
    run.rank! < run.members!
  );
}
