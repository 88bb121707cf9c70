// Thin entry of a training worker: all the logic is in trainHandler.ts.

import { createTrainHandler } from './trainHandler';
import type { FromTrainWorker, ToTrainWorker } from './trainProtocol';

/** The part of DedicatedWorkerGlobalScope used here (the project compiles against the DOM lib). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ToTrainWorker>) => void) | null;
  postMessage(message: FromTrainWorker): void;
}

const scope = self as unknown as WorkerScope;
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();

const handle = createTrainHandler({
  post: (message) => scope.postMessage(message),
  now: () => performance.now(),
  yieldToEventLoop: () =>
    new Promise((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    }),
});

scope.onmessage = (event) => void handle(event.data);
