// The forward pass on several cores in Node: this thread leads (and works as member 0), and
// members − 1 worker_threads follow, sharing one SharedArrayBuffer per run (core/parallel/).
// The results are the same bits as the single-threaded simulate() for any number of members.
//
// The backward pass is not split yet (run it with simulateWithGradients, on one thread). A worker
// that dies without throwing (killed, out of memory) leaves the leader waiting.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createKernel } from '../core/kernels';
import type { MatmulKernel } from '../core/kernels/types';
import type { ForwardOptions, LayerResult } from '../core/networkSpec';
import { leadTeamRun, planTeamRun } from '../core/parallel/teamRun';
import type { LayerStats, SimConfig } from '../core/types';
import type { TeamWorkerReply } from './teamProtocol';

export interface ForwardTeam {
  readonly members: number;
  /** Like network.ts simulateLayers (pre/post are views of the shared memory, the whole batch). */
  simulateLayers(config: SimConfig, options?: ForwardOptions): Generator<LayerResult, void, void>;
  simulate(config: SimConfig, options?: ForwardOptions): LayerStats[];
  /** Messages of members that failed, oldest first. */
  readonly failures: readonly string[];
  close(): Promise<void>;
}

/**
 * The workers run TypeScript sources, through tsx's scoped loader: a small inline bootstrap
 * imports tsx's ESM API (resolved here, from this package) and lets it import the entry.
 */
function bootstrapSource(): string {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(packageJson, 'utf8')) as {
    exports: Record<string, { import: { default: string } }>;
  };
  const api = pathToFileURL(join(dirname(packageJson), pkg.exports['./esm/api']!.import.default)).href;
  const entry = new URL('./teamWorker.ts', import.meta.url).href;
  return `import(${JSON.stringify(api)}).then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`;
}

function startWorker(source: string, failures: string[]): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, { eval: true });
    worker.once('error', reject);
    worker.on('message', (reply: TeamWorkerReply) => {
      if (reply.type === 'ready') resolve(worker);
      else if (reply.type === 'error') failures.push(reply.message);
    });
  });
}

/** Starts a team of `members` threads (this one included); default: one per core. */
export async function createForwardTeam(members = availableParallelism()): Promise<ForwardTeam> {
  if (!Number.isInteger(members) || members < 1)
    throw new RangeError(`a team needs a whole number ≥ 1 of members, got ${members}`);
  const failures: string[] = [];
  const source = bootstrapSource();
  const workers = await Promise.all(Array.from({ length: members - 1 }, () => startWorker(source, failures)));
  const kernel: MatmulKernel = createKernel();

  /** The run being read, if any: a run left open would keep the workers from the next one. */
  let open: Generator<LayerResult, void, void> | null = null;

  function* lead(config: SimConfig, options: ForwardOptions): Generator<LayerResult, void, void> {
    const runs = planTeamRun(config, options, members);
    workers.forEach((worker, i) => worker.postMessage(runs[i + 1]));
    yield* leadTeamRun(runs[0]!, kernel);
  }

  function simulateLayers(config: SimConfig, options: ForwardOptions = {}): Generator<LayerResult, void, void> {
    open?.return();
    open = lead(config, options);
    return open;
  }

  return {
    members,
    failures,
    simulateLayers,
    simulate(config, options) {
      const out: LayerStats[] = [];
      for (const r of simulateLayers(config, options)) out.push(r.stats);
      return out;
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
