// Thin entry of the spectra worker: all the logic is in spectraHandler.ts.

import { createSpectraHandler } from './spectraHandler';
import type { FromSpectraWorker, ToSpectraWorker } from './spectraProtocol';

/** The part of DedicatedWorkerGlobalScope used here (the project compiles against the DOM lib). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ToSpectraWorker>) => void) | null;
  postMessage(message: FromSpectraWorker, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

// A MessageChannel round trip is a plain task, free of setTimeout's 4 ms clamp once nested.
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();

const handle = createSpectraHandler({
  post: (message, transfer = []) => scope.postMessage(message, transfer),
  yieldToEventLoop: () =>
    new Promise((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    }),
});

scope.onmessage = (event) => handle(event.data);
