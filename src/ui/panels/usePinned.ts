// The store's compare slice as the signal chart draws it (charts/pinnedSeries.ts): each pin named
// next to the live configuration, its results as series points, its verdict once done.
//
// Lives with the panels, not in src/state: like every hook here it shapes the store's or a worker's
// data into what one view draws (chart types such as SeriesPoint), and src/state knows no view.

import { useMemo } from 'react';
import { useStore } from 'zustand';
import { normalizeConfig } from '../../core/config';
import type { LayerStatus, SimConfig } from '../../core/types';
import { NO_PINS, type PinnedSeries, type PinnedView } from '../../charts/pinnedSeries';
import { pointOf, type PointKind } from '../../charts/signalSeries';
import { configNames } from '../../readings/pinNames';
import type { SignalUnit } from '../../charts/streamSeries';
import { streamMeasuredSize, streamSize } from '../../readings/streamVerdict';
import { judgeSignal } from '../../readings/verdict';
import type { CompareState, PinResult } from '../../state/compareState';
import { openedStore, type OpenedEntry } from '../../state/openedResults';
import type { OpenedBlocks } from '../../results/resultFile';
import { pinKey } from '../../state/pins';
import { useApp } from '../../state/store';

/** As in buildSeries: the engine's status wins over a statistic that came out finite. */
function forcedKind(status: LayerStatus | undefined): PointKind | undefined {
  return status === 'overflow' ? 'inf' : status === 'ok' || status === undefined ? undefined : 'zero';
}

/**
 * A residual pin on the per-block axis: its stream per block, judged as the run's verdict judges it
 * (streamVerdict.ts). A plain pin keeps its layers, each a block of one (charts/streamSeries.ts).
 */
function perBlock(
  config: SimConfig,
  result: PinResult | undefined,
): Pick<PinnedSeries, 'measured' | 'theory' | 'verdict' | 'span'> {
  const span = config.architecture!.blocks;
  const blocks = result?.phase === 'done' ? (result.blocks ?? []) : [];
  return {
    span,
    measured: blocks.map((b) => pointOf(b.block, b.stream.secondMoment)),
    theory: blocks.map((b) => pointOf(b.block, b.theory.streamSecondMoment)),
    verdict: blocks.length > 0 ? (streamSize({ blocks })?.measured ?? null) : null,
  };
}

/**
 * `live` is the configuration the live curve shows; names are made for it and the pins together.
 * `unit` is what the chart's x counts ('block': residual pins per block).
 */
export function buildPinned(compare: CompareState, live: SimConfig | null, unit: SignalUnit = 'layer'): PinnedView {
  if (compare.pins.length === 0) return NO_PINS;
  const names = configNames(live ? [live, ...compare.pins] : compare.pins);
  const first = live ? 1 : 0;
  return {
    currentName: live ? names[0]! : null,
    pins: compare.pins.map((config, slot) => {
      const key = pinKey(config);
      const result = compare.results[key];
      const done = result?.phase === 'done';
      const common = {
        key,
        slot,
        name: names[slot + first]!,
        config,
        phase: result?.phase ?? 'waiting',
        error: result?.error ?? null,
      };
      if (unit === 'block' && config.architecture?.kind === 'residual')
        return { ...common, ...perBlock(config, result) };
      return {
        ...common,
        measured: done ? result.measured.map((v, i) => pointOf(i + 1, v, forcedKind(result.statuses[i]))) : [],
        theory: done ? result.theory.map((v, i) => pointOf(i + 1, v)) : [],
        verdict: done && result.measured.length > 0 ? judgeSignal(result.measured, result.statuses) : null,
      };
    }),
  };
}

/** A residual file on the per-block axis: its stream per block and its own theory, as a residual pin. */
function fileBlocks(blocks: OpenedBlocks): Pick<PinnedSeries, 'measured' | 'theory' | 'verdict' | 'span'> {
  return {
    span: blocks.stream.length,
    measured: blocks.stream.map((v, k) => pointOf(k + 1, v)),
    theory: blocks.theory.map((v, k) => pointOf(k + 1, v)),
    verdict: streamMeasuredSize(blocks.stream),
  };
}

/**
 * Opened results files as series after the pins, in the next slots (their own patterns). On the
 * per-block axis a file with `blocks` is drawn per block; one without keeps its layers.
 */
export function withFiles(
  view: PinnedView,
  files: readonly OpenedEntry[],
  live: SimConfig | null,
  unit: SignalUnit = 'layer',
): PinnedView {
  if (files.length === 0) return view;
  const first = view.pins.length;
  const fileSeries: PinnedSeries[] = files.map((file, i) => ({
    key: file.key,
    kind: 'file',
    slot: first + i,
    name: file.name,
    // Only the axis depth reads a series' config; a file without a valid one spans its own layers.
    config: file.config ?? { ...(live ?? DEFAULT_FILE_CONFIG), widths: file.measured.map(() => 1) },
    phase: 'done',
    error: null,
    ...(unit === 'block' && file.blocks
      ? fileBlocks(file.blocks)
      : {
          measured: file.measured.map((v, l) => pointOf(l + 1, v, forcedKind(file.statuses[l]))),
          theory: file.theory.map((v, l) => pointOf(l + 1, v)),
          verdict: judgeSignal(file.measured, file.statuses),
        }),
  }));
  return {
    pins: [...view.pins, ...fileSeries],
    currentName: view.currentName ?? (live ? configNames([live])[0]! : null),
  };
}

const DEFAULT_FILE_CONFIG = normalizeConfig({}).config;

export function usePinned(unit: SignalUnit = 'layer'): PinnedView {
  const compare = useApp((s) => s.compare);
  const live = useApp((s) => s.run.config ?? s.config);
  const files = useStore(openedStore, (s) => s.files);
  return useMemo(() => withFiles(buildPinned(compare, live, unit), files, live, unit), [compare, live, files, unit]);
}
