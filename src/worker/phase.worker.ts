// Thin entry of the phase worker: all the logic is in phaseHandler.ts.

import type { FromPhaseWorker, ToPhaseWorker } from './phaseProtocol';
import { createPhaseHandler } from './phaseHandler';

/** The part of DedicatedWorkerGlobalScope used here (the project compiles against the DOM lib). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ToPhaseWorker>) => void) | null;
  postMessage(message: FromPhaseWorker): void;
}

const scope = self as unknown as WorkerScope;

// A MessageChannel round trip is a plain task, free of setTimeout's 4 ms clamp once nested.
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();

const handle = createPhaseHandler({
  post: (message) => scope.postMessage(message),
  yieldToEventLoop: () =>
    new Promise((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    }),
});

scope.onmessage = (event) => handle(event.data);
