// A stand-in for the simulation Worker in unit tests: records what the client posts and lets
// the test reply, crash it, or see whether it was terminated.

import type { WorkerLike } from './client';
import type { FromWorker, ToWorker } from './protocol';

export class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  readonly received: ToWorker[] = [];
  terminated = false;

  postMessage(message: ToWorker): void {
    this.received.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(message: FromWorker): void {
    this.onmessage?.({ data: message } as MessageEvent<FromWorker>);
  }
  crash(message = 'boom'): void {
    this.onerror?.(Object.assign(new Event('error'), { message }) as ErrorEvent);
  }
  runs(): Extract<ToWorker, { type: 'run' }>[] {
    return this.received.filter((m) => m.type === 'run');
  }
  lastRun(): Extract<ToWorker, { type: 'run' }> {
    const runs = this.runs();
    const last = runs[runs.length - 1];
    if (!last) throw new Error('no run posted');
    return last;
  }
  cancels(): number[] {
    return this.received.flatMap((m) => (m.type === 'cancel' ? [m.id] : []));
  }
}
