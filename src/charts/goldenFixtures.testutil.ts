// Fixed inputs for the charts' golden files: small, rounded, and built without the engine (except
// the phase grid, from a 6 × 4 grid of the theory), so a golden file changes only when a chart does.

import { createElement, type ReactElement } from 'react';
import { getActivation } from '../core/activations';
import { normalizeConfig } from '../core/config';
import { buildPhaseGrid, type PhaseGrid } from '../core/phaseGrid';
import type { GradientStats, LayerStats, LayerTheory } from '../core/types';
import { judgeSignal } from '../readings/verdict';
import { CorrelationChart } from './CorrelationChart';
import { Distributions, type DistributionsProps } from './Distributions';
import { PhaseDiagram } from './PhaseDiagram';
import { NO_PINS, type PinnedView } from './pinnedSeries';
import type { SeedBands } from './seedBand';
import { SignalChart, type SignalChartProps } from './SignalChart';
import { pointOf } from './signalSeries';
import type { StreamView } from './streamSeries';
import type { BlockGradient } from '../core/architecture/backward';
import type { BlockStats } from '../core/architecture/blockStats';
import { fakeLayers, geometric, seededNormal, theoryLayer } from './testData';

export const SIGNAL_SIZE = { width: 640, height: 320 };
const DEPTH = 12;
const round3 = (v: number) => Math.round(v * 1000) / 1000;
const noop = () => undefined;

/** ≈ 1 at every layer, wobbling by a few per cent as a finite network does. */
export const STABLE = Array.from({ length: DEPTH }, (_, i) => round3(1 + 0.03 * Math.sin(3 * (i + 1))));

export function signalChart(
  layers: LayerStats[],
  props: Partial<SignalChartProps> = {},
  theory?: LayerTheory[],
): ReactElement {
  const base: SignalChartProps = {
    phase: 'done',
    depth: layers.length,
    layers,
    theory: theory ?? layers.map((l) => l.theory),
    preview: null,
    failure: null,
    showActivations: false,
    gradientsChecked: false,
    gradientsDrawn: false,
    gradients: [],
    revealUpTo: null,
    pinned: NO_PINS,
    bands: null,
    size: SIGNAL_SIZE,
    onShowActivations: noop,
    onShowGradients: noop,
  };
  return createElement(SignalChart, { ...base, ...props });
}

export const stableLayers = (): LayerStats[] => fakeLayers(STABLE);
export const stableTheory = (): LayerTheory[] => STABLE.map(() => theoryLayer(1));

/** δ² halving towards the input, from 1 at the top (as with a vanishing backward pass). */
export function vanishingGradients(): GradientStats[] {
  return Array.from({ length: DEPTH }, (_, i) => {
    const v = 0.5 ** (DEPTH - 1 - i);
    return {
      status: 'ok',
      mean: 0,
      variance: v,
      secondMoment: v,
      min: -3 * Math.sqrt(v),
      max: 3 * Math.sqrt(v),
      nonFinite: { posInf: 0, negInf: 0, nan: 0 },
      histogram: { lo: 0, hi: 0, counts: [] },
      weightGradientSecondMoment: v,
      theorySecondMoment: round3(v * 1.05),
    };
  });
}

/** A pinned vanishing and a pinned exploding configuration next to the live one. */
export function twoPins(): PinnedView {
  const pin = (slot: number, g: number, name: string, init: string) => {
    const measured = geometric(1, g, DEPTH).map(round3);
    return {
      key: `pin-${slot}`,
      slot,
      name,
      config: normalizeConfig({ init, depth: DEPTH }).config,
      phase: 'done' as const,
      error: null,
      measured: measured.map((v, i) => pointOf(i + 1, v)),
      theory: measured.map((v, i) => pointOf(i + 1, v)),
      verdict: judgeSignal(measured),
    };
  };
  return {
    currentName: 'He normal · ReLU · w256',
    pins: [
      pin(0, 0.7, 'LeCun normal · ReLU · w256', 'lecun_normal'),
      pin(1, 1.4, 'Plain normal N(0, σ²) · ReLU · w256', 'random_normal'),
    ],
  };
}

/** 8 seeds around the stable run: the measured 10–90 % band and the one theory predicts. */
export function seedBands(): SeedBands {
  const band = (spread: number) =>
    STABLE.map((v, i) => ({
      layer: i + 1,
      lo: round3(v * (1 - spread * (i + 1))),
      hi: round3(v * (1 + spread * (i + 1))),
      mid: v,
    }));
  return { measured: band(0.01), theory: band(0.012), seeds: 8 };
}

/**
 * A residual stream of 8 blocks whose second moment grows by `g` per block (He init, α = 1: × 2),
 * its theory `g^k`, and with `gradients` the stream's gradient growing toward the input as well.
 */
export function streamView(g: number, withGradients = false): StreamView {
  const K = 8;
  const wobble = (k: number) => round3(1 + 0.02 * Math.sin(5 * k));
  const blocks: BlockStats[] = Array.from({ length: K }, (_, i) => {
    const q = round3(g ** (i + 1) * wobble(i + 1));
    return {
      block: i + 1,
      stream: { secondMoment: q, channelMeanSquared: round3(q / 3), channelVariance: round3(q - round3(q / 3)) },
      branch: { secondMoment: round3(q / 2) },
      theory: { streamSecondMoment: round3(g ** (i + 1)), branchSecondMoment: round3(g ** i) },
    };
  });
  const gradients: BlockGradient[] = withGradients
    ? blocks.map((b) => ({
        block: b.block,
        streamSecondMoment: round3(g ** (K - b.block)),
        theory: round3(g ** (K - b.block)),
      }))
    : [];
  return { blocks, count: K, theory: blocks.map((b) => b.theory.streamSecondMoment), gradients };
}

/** A plain 12-layer network pinned next to a residual one: its layers are blocks of one on the block axis. */
export function plainPin(): PinnedView {
  const measured = geometric(1, 0.7, DEPTH).map(round3);
  return {
    currentName: 'He normal · ReLU · w256 · residual 8 blocks',
    pins: [
      {
        key: 'pin-plain',
        slot: 0,
        name: 'He normal · ReLU · w256 · plain',
        config: normalizeConfig({ init: 'lecun_normal', depth: DEPTH }).config,
        phase: 'done',
        error: null,
        measured: measured.map((v, i) => pointOf(i + 1, v)),
        theory: measured.map((v, i) => pointOf(i + 1, v)),
        verdict: judgeSignal(measured),
      },
    ],
  };
}

/** Correlations climbing towards 1, measured and as the map predicts. */
export function correlationChart(): ReactElement {
  const layers = fakeLayers(STABLE).map((l, i) => ({
    ...l,
    correlation: {
      measured: round3(1 - 0.5 * 0.8 ** (i + 1) + 0.01 * Math.sin(i)),
      theory: round3(1 - 0.5 * 0.8 ** (i + 1)),
    },
  }));
  return createElement(CorrelationChart, { layers, depth: DEPTH, size: { width: SIGNAL_SIZE.width } });
}

/** ReLU activations of 6 layers: half of each sample exactly 0, the rest a half-normal of growing scale. */
export function reluSamples(): Float32Array[] {
  const normal = seededNormal(7);
  return Array.from({ length: 6 }, (_, l) =>
    Float32Array.from({ length: 400 }, () => Math.max(0, Math.round(normal() * (1 + l / 5) * 100) / 100)),
  );
}

/** Mean-field q of six layers, growing by ×1.5 (exact in binary to 2 decimals after rounding). */
export const PRE_Q = Array.from({ length: 6 }, (_, l) => Math.round(2 * 1.5 ** l * 100) / 100);

/** Pre-activations of 6 layers: N(0, q^l) samples, rounded to 0.01. */
export function preactivationSamples(): Float32Array[] {
  const normal = seededNormal(11);
  return PRE_Q.map((q) => Float32Array.from({ length: 400 }, () => Math.round(normal() * Math.sqrt(q) * 100) / 100));
}

/** tanh outputs of 6 layers whose pre-activations grow from N(0, 0.5) to N(0, 50): saturating more and more. */
export function saturatedTanhSamples(): Float32Array[] {
  const normal = seededNormal(13);
  return Array.from({ length: 6 }, (_, l) => {
    const sd = Math.sqrt(0.5 * 2.5 ** l);
    return Float32Array.from({ length: 400 }, () => Math.round(Math.tanh(normal() * sd) * 1000) / 1000);
  });
}

export function distributions(props: Partial<DistributionsProps>): ReactElement {
  const forward = reluSamples();
  return createElement(Distributions, {
    forward,
    preactivations: [],
    theoryQ: [],
    backward: [],
    depth: forward.length,
    activation: 'relu',
    source: 'activations',
    mode: 'ridgeline',
    rangeMode: 'adaptive',
    size: { width: 640, height: 360 },
    onSource: noop,
    onMode: noop,
    onRange: noop,
    ...props,
  });
}

export function smallTanhGrid(): PhaseGrid {
  return buildPhaseGrid(getActivation('tanh')!, {}, { sigmaW2: [0.5, 1, 1.5, 2, 2.5, 3], sigmaB2: [0, 0.1, 0.2, 0.3] });
}

export function phaseDiagram(): ReactElement {
  return createElement(PhaseDiagram, {
    activation: 'tanh',
    state: { status: 'ready', grid: smallTanhGrid() },
    current: { sigmaW2: 1, sigmaB2: 0.05 },
    onApply: noop,
    size: { width: 480, height: 320 },
  });
}
