// The forward pass on several cores in a browser. The simulation worker leads the team (and works
// as its member 0: a page may not block in Atomics.wait, a worker may) and helper workers
// (team.worker.ts) follow, all sharing one SharedArrayBuffer (core/parallel/), kept from run to
// run while it is big enough (see sharedBufferFor). The layers
// are the same bits as the single-threaded pass for any number of members, so whether a run gets
// the team changes its speed only.
//
// A team needs a cross-origin isolated page (SharedArrayBuffer; see public/_headers) and more than
// one core. Runs that start before every helper is ready, small runs and runs after a helper broke
// take the single-threaded path instead.

import type { MatmulKernel } from '../core/kernels/types';
import type { ForwardOptions, LayerResult } from '../core/networkSpec';
import { sharedBytes } from '../core/parallel/sharedLayout';
import { leadTeamRun, type TeamRun } from '../core/parallel/teamRun';
import type { SimConfig } from '../core/types';
import { estimateFlops } from './runCost';
import type { FromTeamHelper, ToTeamHelper } from './teamProtocol';

/**
 * Below this much matmul work per layer (on average) a run stays on one thread: each layer costs
 * the team two barriers, and on a busy machine (the page draws while the run streams) a helper that
 * is not scheduled holds a barrier for a scheduler slice, milliseconds. 50 MFLOP is about 1.5 ms of
 * products at the kernel's ~35 GFLOP/s, plus the layer's sampling: W1's layers (134 MFLOP) are
 * split, the default view's (17 MFLOP) are not.
 */
export const TEAM_MIN_LAYER_FLOPS = 50e6;
/** More helpers than this add barrier traffic faster than they add speed at our layer sizes. */
export const MAX_TEAM_MEMBERS = 8;

export interface HelperLike {
  postMessage(message: ToTeamHelper): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<FromTeamHelper>) => void) | null;
  onerror: ((event: Event) => void) | null;
}

/** How many members (this worker included) a machine with `cores` logical cores gets. */
export function teamSizeFor(cores: number | undefined, isolated: boolean): number {
  if (!isolated || typeof SharedArrayBuffer === 'undefined') return 1;
  const n = Number.isInteger(cores) && cores! > 0 ? cores! : 1;
  return Math.min(n, MAX_TEAM_MEMBERS);
}

export class WorkerTeam {
  private readonly helpers: HelperLike[];
  private ready = 0;
  private broken: string | null = null;
  /** Assignments sent that the helpers have not yet answered with `done` or `error`. */
  private pending = 0;
  /** The memory of the last run, offered to the next (see sharedBufferFor). */
  private shared: SharedArrayBuffer | null = null;

  constructor(members: number, createHelper: () => HelperLike) {
    this.helpers = Array.from({ length: Math.max(0, members - 1) }, () => {
      const helper = createHelper();
      helper.onmessage = (event) => this.onReply(event.data);
      helper.onerror = (event) => {
        // Handled here: left alone, a helper's error would travel up to the page as the
        // simulation worker's own, and the page would replace a worker that is fine.
        event.preventDefault();
        this.breakTeam('a team helper could not start or crashed');
      };
      return helper;
    });
  }

  get members(): number {
    return this.helpers.length + 1;
  }

  /** Why the team stopped being used, or null. */
  get failure(): string | null {
    return this.broken;
  }

  /** Whether this run should be split: every helper ready, none broken, and layers big enough. */
  takes(config: SimConfig): boolean {
    const ready = this.helpers.length > 0 && this.broken === null && this.ready === this.helpers.length;
    return ready && estimateFlops(config) / config.widths.length >= TEAM_MIN_LAYER_FLOPS;
  }

  /**
   * The forward layers of one run, computed by the whole team. Closing the generator early (a
   * cancel) stops every member at its next barrier.
   */
  *forward(config: SimConfig, options: ForwardOptions, kernel: MatmulKernel): Generator<LayerResult, void, void> {
    const members = this.members;
    const buffer = this.sharedBufferFor(sharedBytes(config, members));
    const runs: TeamRun[] = Array.from({ length: members }, (_, rank) => ({ config, options, buffer, members, rank }));
    this.pending += this.helpers.length;
    this.helpers.forEach((helper, i) => helper.postMessage(runs[i + 1]!));
    yield* leadTeamRun(runs[0]!, kernel);
  }

  /**
   * The shared memory for a run of `bytes`. A fresh buffer per run (5 MB at width 1024, batch 64)
   * is garbage afterwards in this worker and in every helper, and a helper allocates so little that
   * its heap goes uncollected for many runs, so old buffers piled up. The last run's buffer is
   * reused, zeroed as a fresh one would be (barrier words, work counters), once every helper has
   * said it is done with it; a run that starts sooner, or needs more, gets a new one.
   */
  private sharedBufferFor(bytes: number): SharedArrayBuffer {
    const last = this.shared;
    if (last !== null && this.pending === 0 && last.byteLength >= bytes) {
      new Uint8Array(last, 0, bytes).fill(0);
      return last;
    }
    this.shared = new SharedArrayBuffer(bytes);
    return this.shared;
  }

  dispose(): void {
    for (const helper of this.helpers) helper.terminate();
    this.helpers.length = 0;
  }

  private onReply(reply: FromTeamHelper): void {
    if (reply.type === 'ready') this.ready++;
    else this.pending = Math.max(0, this.pending - 1);
    if (reply.type === 'error') this.breakTeam(reply.message);
  }

  /** A helper that failed once may fail again: later runs stay on one thread. */
  private breakTeam(reason: string): void {
    this.broken ??= reason;
  }
}
