// Everything that takes this view elsewhere, under the signal chart: the chart as PNG (2×) or
// standalone SVG with the settings and legend drawn in, the numbers as CSV or JSON, and the link.

import { useRef, useState } from 'react';
import { measuredVerdict, theoryVerdict } from '../../readings/verdict';
import { currentLink } from '../../state/urlSync';
import { store, useApp } from '../../state/store';
import { CopyButton } from '../CopyButton';
import { CopyEmbedButton } from '../embed/CopyEmbedButton';
import { downloadBlob, downloadText } from '../download';
import { DownloadButtons } from '../DownloadButtons';
import { exportFileName } from '../fileName';
import { exportCaption } from './exportCaption';
import { svgToPng } from './rasterize';
import { standaloneSvg, type ChartParts } from './standaloneSvg';
import './export.css';

type PictureFormat = 'png' | 'svg';

/** The chart that shares a card with the bar: the picture is made from what is on screen. */
function chartParts(bar: HTMLElement | null): ChartParts | null {
  const figure = bar?.closest('.chart-card')?.querySelector<HTMLElement>('[data-testid="signal-chart"]');
  const svg = figure?.querySelector<SVGSVGElement>('svg.signal-svg');
  if (!figure || !svg) return null;
  return {
    svg,
    legend: figure.querySelector<HTMLElement>('.chart-legend'),
    title: `Initscope — ${figure.querySelector('.chart-title')?.textContent ?? 'Signal through the layers'}`,
    summary: figure.querySelector('.chart-summary')?.textContent ?? '',
  };
}

async function exportPicture(format: PictureFormat, bar: HTMLElement | null): Promise<void> {
  const { run } = store.getState();
  const parts = chartParts(bar);
  if (!run.config || !parts) throw new Error('The chart is not on screen yet.');
  const measured = run.layers.length > 0 ? measuredVerdict(run.layers) : null;
  const theory = run.theory.length > 0 ? theoryVerdict(run.theory) : null;
  const svg = standaloneSvg(parts, exportCaption(run.config, measured, theory, run.theory.length > 0));
  const name = exportFileName(run.config, format);
  if (format === 'svg') downloadText(svg.text, name, 'image/svg+xml');
  else downloadBlob(await svgToPng(svg.text, svg.width, svg.height), name);
}

export function ExportBar() {
  const ready = useApp((s) => s.run.phase === 'done' && s.run.config !== null);
  const bar = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const why = ready ? undefined : 'Available when the run has finished';

  const save = (format: PictureFormat) => {
    setBusy(true);
    setError(null);
    exportPicture(format, bar.current)
      .catch((e: unknown) =>
        setError(`Could not save the ${format.toUpperCase()}: ${e instanceof Error ? e.message : String(e)}`),
      )
      .finally(() => setBusy(false));
  };

  return (
    <div className="export-bar" ref={bar} role="group" aria-label="Save or share this view">
      <div className="button-row">
        <button
          type="button"
          className="button"
          disabled={!ready || busy}
          title={why ?? 'The chart at twice its size on screen, with the settings, verdict and legend'}
          onClick={() => save('png')}
        >
          Download PNG
        </button>
        <button
          type="button"
          className="button"
          disabled={!ready || busy}
          title={why ?? 'The chart as a standalone vector drawing, with the settings, verdict and legend'}
          onClick={() => save('svg')}
        >
          Download SVG
        </button>
      </div>
      <DownloadButtons />
      <CopyButton
        getText={currentLink}
        label="Share link"
        doneLabel="Link copied"
        fallbackLabel="Link to share"
        className="button-quiet"
        title="Copy a link that opens exactly these settings"
      />
      <CopyEmbedButton />
      {error && (
        <p className="export-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
