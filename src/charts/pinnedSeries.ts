// The pinned configurations as the signal chart draws them: named, in pin order, with the same
// point kinds as the live series (so a pin that overflowed gets its ▲ too). Built from the store's
// compare slice by ui/panels/usePinned.ts.

import type { SimConfig } from '../core/types';
import type { SeriesPoint } from './signalSeries';
import type { Verdict } from '../readings/verdict';

/** How far a pin's run is; the legend says it in words. */
export type PinnedPhase = 'waiting' | 'running' | 'done' | 'error';

export interface PinnedSeries {
  key: string;
  /** 'file': a results file opened on the page (no run; closed rather than unpinned). */
  kind?: 'file';
  /** Position in the pin list (0-based): its colour, dash and marker, and "pin N" in words. */
  slot: number;
  name: string;
  config: SimConfig;
  /** How far along x the pin reaches: its blocks on a per-block axis; its layers when absent. */
  span?: number;
  phase: PinnedPhase;
  error: string | null;
  /** Empty until the pin's run is done. */
  measured: SeriesPoint[];
  theory: SeriesPoint[];
  /** The same verdict the live run gets ("vanishing: ×0.50 per layer"); null until done. */
  verdict: Verdict | null;
}

export interface PinnedView {
  pins: PinnedSeries[];
  /** The live configuration's name next to the pins' (null without pins: the legend stays as it was). */
  currentName: string | null;
}

export const NO_PINS: PinnedView = { pins: [], currentName: null };
