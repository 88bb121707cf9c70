// The postMessage API of an embed, for the host page the link names (origin=): set settings, step
// the layer-by-layer reveal, read the results. Only messages from that exact origin AND from the
// window that frames this page are read; anything else is ignored and never answered, so a page the
// embedder did not name learns nothing, not even that the API exists. Every reply goes to that
// origin only (never '*'); a `ready` message says the page listens, and a `result` message follows
// each finished run, so hosts need not poll.
// Loaded on its own (ui/App.tsx) only when the page is framed and the link opted in.

import { toJson } from '../../core/records';
import { readHostMessage, HOST_API_VERSION, type HostRequest, type RequestId } from '../../state/hostMessage';
import { decodeSettings } from '../../state/hostSettings';
import { replaceSettings } from '../../state/actions';
import { setPins } from '../../state/pins';
import { store } from '../../state/store';
import { replaceTraining, trainingStore } from '../../state/training';
import { finishedRunRecord } from '../finishedRun';
import { revealTo } from '../reveal/revealController';
import { sameConfig } from '../sameConfig';

export type HostReply =
  | { type: 'ready'; id: null }
  | { type: 'ok'; id: RequestId; request: 'set'; runs: boolean }
  | { type: 'ok'; id: RequestId; request: 'step'; shown: number; depth: number }
  | { type: 'result'; id: RequestId; phase: string; results: unknown }
  | { type: 'error'; id: RequestId; error: string };

/** The results as the JSON download has them (±Infinity and NaN as null), or null until the run is done. */
function results(): { phase: string; results: unknown } {
  const { run } = store.getState();
  const record = finishedRunRecord(run);
  return { phase: run.preview ? 'running' : run.phase, results: record ? JSON.parse(toJson(record)) : null };
}

function applySet(id: RequestId, settings: Record<string, string>): HostReply {
  const state = store.getState();
  const read = decodeSettings(
    { config: state.config, view: state.view, pins: state.compare.pins, training: trainingStore.getState().choice },
    settings,
  );
  if (!read.ok) return { type: 'error', id, error: read.problem };
  const { config, view, pins, training } = read.decoded;
  // The same network keeps its run (and a quiz its answer): only a new network runs again.
  const runs = !sameConfig(config, state.config);
  replaceSettings(runs ? config : state.config, view);
  setPins(pins);
  replaceTraining(training);
  return { type: 'ok', id, request: 'set', runs };
}

function applyStep(request: Extract<HostRequest, { type: 'step' }>): HostReply {
  const depth = store.getState().config.widths.length;
  const shown = store.getState().revealUpTo ?? depth;
  let next: number;
  if ('by' in request) next = Math.min(depth, Math.max(1, shown + request.by));
  else if (request.to === 'all') next = depth;
  else if (request.to > depth)
    return { type: 'error', id: request.id, error: `to is ${request.to}; this network has ${depth} layers` };
  else next = request.to;
  revealTo(next);
  return { type: 'ok', id: request.id, request: 'step', shown: next, depth };
}

function answer(request: HostRequest): HostReply {
  switch (request.type) {
    case 'set':
      return applySet(request.id, request.settings);
    case 'step':
      return applyStep(request);
    case 'get':
      return { type: 'result', id: request.id, ...results() };
  }
}

/** Starts listening for `origin`'s messages from the framing window; returns a function that stops. */
export function listenToHost(origin: string): () => void {
  const host = window.parent;
  const reply = (message: HostReply) => host.postMessage({ initscope: HOST_API_VERSION, ...message }, origin);
  const onMessage = (e: MessageEvent) => {
    if (e.origin !== origin || e.source !== host) return;
    const read = readHostMessage(e.data);
    reply(read.ok ? answer(read.request) : { type: 'error', id: read.id, error: read.problem });
  };
  window.addEventListener('message', onMessage);
  // Messages sent before this listener existed are lost: the host waits for this one.
  reply({ type: 'ready', id: null });
  const unsubscribe = store.subscribe((state, previous) => {
    const finished = state.run.phase === 'done' && !state.run.preview;
    if (finished && (previous.run.phase !== 'done' || previous.run.id !== state.run.id))
      reply({ type: 'result', id: null, ...results() });
  });
  return () => {
    window.removeEventListener('message', onMessage);
    unsubscribe();
  };
}
