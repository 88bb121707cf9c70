// Module-level actions on the store. Settings actions go through normalizeConfig, so the store
// never holds a value the engine would refuse, whatever the caller passes.

import { architectureToInput } from '../core/architecture/config';
import { residualShape } from '../core/architecture/spec';
import { normalizeConfig, type ConfigInput, type Issue } from '../core/config';
import { getActivation } from '../core/activations';
import { getInitializer } from '../core/initializers';
import type { ParamValue, SimConfig } from '../core/types';
import { store, type Notice, type NoticeTone, type ViewSettings } from './store';

let nextNoticeId = 1;

function toInput(c: SimConfig): ConfigInput {
  return {
    init: c.init,
    initParams: { ...c.initParams },
    activation: c.activation,
    activationParams: { ...c.activationParams },
    width: c.widths.every((w) => w === c.widths[0]) ? c.widths[0] : [...c.widths],
    depth: c.widths.length,
    inputDim: c.inputDim === c.widths[0] ? undefined : c.inputDim,
    batch: c.batch,
    seed: c.seed,
    biasStd: c.biasStd,
    input: c.input,
    ...architectureToInput(c.architecture),
  };
}

/** Applies a partial change to the settings; returns the issues found (also shown as notices). */
export function updateConfig(patch: ConfigInput): Issue[] {
  const current = toInput(store.getState().config);
  const merged: ConfigInput = { ...current, ...patch };
  // Changing the first width moves the input dimension with it unless it was set on its own.
  if (patch.width !== undefined && patch.inputDim === undefined && current.inputDim === undefined)
    delete merged.inputDim;
  const { config, issues } = normalizeConfig(merged);
  store.setState({ config });
  for (const i of issues)
    pushNotice(i.field, `${i.field.replace(/^param:/, '')}: ${i.problem}; using ${i.using}`, 'warning');
  return issues;
}

export function setInitializer(id: string): void {
  const spec = getInitializer(id);
  if (!spec) return;
  updateConfig({ init: id, initParams: {} });
}

export function setInitParam(name: string, value: ParamValue): void {
  updateConfig({ initParams: { ...store.getState().config.initParams, [name]: value } });
}

export function setActivation(id: string): void {
  if (!getActivation(id)) return;
  updateConfig({ activation: id, activationParams: {} });
}

export function setActivationParam(name: string, value: ParamValue): void {
  updateConfig({ activationParams: { ...store.getState().config.activationParams, [name]: value } });
}

export function setDepth(depth: number): void {
  const { widths, architecture, inputDim } = store.getState().config;
  if (architecture?.kind === 'residual') {
    // A residual network's depth is its blocks'. Rounded in the direction of the change: one layer
    // fewer (the ← key, the slider's step) must give a block fewer, not round back to the same blocks.
    const stem = residualShape(architecture, inputDim, widths[0]!).stem;
    const blocks = (depth - stem) / architecture.branchDepth;
    updateConfig({ blocks: Math.max(1, depth < widths.length ? Math.floor(blocks) : Math.ceil(blocks)) });
    return;
  }
  const constant = widths.every((w) => w === widths[0]);
  if (constant) {
    updateConfig({ depth, width: widths[0] });
    return;
  }
  // A per-layer profile keeps its shape: stretch or cut it to the new depth.
  const next = Array.from(
    { length: depth },
    (_, i) => widths[Math.min(widths.length - 1, Math.floor((i * widths.length) / depth))]!,
  );
  updateConfig({ width: next });
}

export function setWidth(width: number): void {
  updateConfig({ width, depth: store.getState().config.widths.length });
}

export function setWidths(widths: number[] | string): void {
  updateConfig({ width: widths });
}

/** Changes architecture settings (ui/controls/ArchitectureControls.tsx). */
export function setArchitecture(
  patch: Pick<
    ConfigInput,
    'residual' | 'blocks' | 'branchDepth' | 'norm' | 'normPosition' | 'normEps' | 'branchScale' | 'fixup'
  >,
): void {
  // Back to a plain network: the residual-only settings go with it (they would be refused).
  const plain =
    patch.residual === false
      ? { blocks: undefined, branchDepth: undefined, branchScale: undefined, fixup: undefined }
      : {};
  updateConfig({ ...plain, ...patch });
}

export function setBatch(batch: number): void {
  updateConfig({ batch });
}

export function setSeed(seed: number): void {
  updateConfig({ seed });
}

export function newSeed(): void {
  // Any whole number in range; crypto keeps presses from repeating a recent seed.
  const buf = new Uint32Array(1);
  crypto.getRandomValues(buf);
  updateConfig({ seed: buf[0]! });
}

export function setBiasStd(biasStd: number): void {
  updateConfig({ biasStd });
}

export function replaceConfig(config: SimConfig): void {
  store.setState({ config });
}

/** Replaces config and view in one update (a link was opened), so subscribers see one change. */
export function replaceSettings(config: SimConfig, view: ViewSettings): void {
  store.setState({ config, view: { ...view } });
}

export function setView(patch: Partial<ViewSettings>): void {
  store.setState((s) => ({ view: { ...s.view, ...patch } }));
}

export function pushNotice(key: string, text: string, tone: NoticeTone = 'warning'): void {
  const notice: Notice = { id: nextNoticeId++, key, text, tone };
  store.setState((s) => ({ notices: [...s.notices.filter((n) => n.key !== key), notice] }));
}

export function dismissNotice(id: number): void {
  store.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
}

export function clearNotices(): void {
  store.setState({ notices: [] });
}
