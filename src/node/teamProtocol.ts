// What a team worker (teamWorker.ts) tells the thread that started it.

import type { KernelName } from '../core/kernels/types';

export type TeamWorkerReply =
  { type: 'ready'; kernel: KernelName } | { type: 'done' } | { type: 'error'; message: string };
