// A second entry of the built page, tiny on purpose, listed in index.html before the app's own
// (scripts/bootScript.ts). Module scripts run in document order, each once it has loaded, so this
// one runs while the app's code is still downloading and being parsed: the simulation worker's
// script and its WebAssembly then load in parallel with the app, and a cold link's first run
// finds the worker ready instead of waiting for it after the app has started.

import { startSimWorkerEarly } from './worker/simWorker';

startSimWorkerEarly();
