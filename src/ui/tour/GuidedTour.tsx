// The guided tour: a small non-modal dialog next to the part of the page it explains, with a ring
// drawn around that part. Non-modal on purpose: the page stays usable (and readable by a screen
// reader) while the tour is open. Focus moves into the panel at each step and back where it came
// from when the tour closes; Esc closes it.

import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import { getPreset } from '../../state/presets';
import { openPreset } from '../presetSelection';
import { openShortcutDialog } from '../shortcuts/shortcutDialogState';
import { placeTourPanel, type Box } from './tourPlacement';
import { TOUR_STEPS, type TourExtra } from './tourSteps';
import { closeTour, goToStep, tourStore } from './tourState';

const COMPARED = ['xavier-relu', 'he-relu'] as const;

function Extra({ kind }: { kind: TourExtra }) {
  if (kind === 'show-shortcuts') {
    return (
      <button type="button" className="button-quiet" onClick={openShortcutDialog}>
        Show all shortcuts
      </button>
    );
  }
  return (
    <>
      {COMPARED.map((id) => {
        const preset = getPreset(id);
        return (
          preset && (
            <button key={id} type="button" className="button-quiet" onClick={() => openPreset(preset)}>
              Open {preset.title}
            </button>
          )
        );
      })}
    </>
  );
}

/** Room left between the target and the window edge, so the ring around it is not cut off. */
const SCROLL_MARGIN = 24;

/** Scrolls the page just enough to show the target, its top first if it is taller than the window. */
function bringIntoView(el: Element): void {
  const r = el.getBoundingClientRect();
  const below = r.bottom - (window.innerHeight - SCROLL_MARGIN);
  const above = r.top - SCROLL_MARGIN;
  if (above < 0) window.scrollBy({ top: above });
  else if (below > 0) window.scrollBy({ top: Math.min(below, above) });
}

function boxOf(el: Element | null): Box | null {
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return r.width === 0 && r.height === 0 ? null : { top: r.top, left: r.left, width: r.width, height: r.height };
}

function TourPanel({ step }: { step: number }) {
  const current = TOUR_STEPS[step]!;
  const last = step === TOUR_STEPS.length - 1;
  const panel = useRef<HTMLElement>(null);
  const titleId = useId();
  const [target, setTarget] = useState<Box | null>(null);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);

  // Follow the target through scrolling and resizing; measure once per frame at most.
  useLayoutEffect(() => {
    const el = document.querySelector(current.target);
    if (el) bringIntoView(el);
    let frame = 0;
    const measure = (): void => {
      frame = 0;
      const box = boxOf(el);
      const size = panel.current?.getBoundingClientRect() ?? { width: 0, height: 0 };
      setTarget(box);
      setPosition(placeTourPanel(box, size, { width: window.innerWidth, height: window.innerHeight }));
    };
    const schedule = (): void => {
      if (frame === 0) frame = requestAnimationFrame(measure);
    };
    measure();
    window.addEventListener('resize', schedule);
    window.addEventListener('scroll', schedule, true);
    return () => {
      window.removeEventListener('resize', schedule);
      window.removeEventListener('scroll', schedule, true);
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [current.target]);

  // Focus once the panel is placed: a panel still hidden while it is measured cannot take focus.
  const placed = position !== null;
  useEffect(() => {
    if (placed) panel.current?.focus({ preventScroll: true });
  }, [step, placed]);

  const onKeyDown = (e: KeyboardEvent<HTMLElement>): void => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    closeTour();
  };

  return (
    <>
      {target && (
        <div
          className="tour-ring"
          aria-hidden="true"
          style={{ top: target.top - 6, left: target.left - 6, width: target.width + 12, height: target.height + 12 }}
        />
      )}
      <section
        ref={panel}
        className="tour-panel"
        role="dialog"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
        style={position ? { top: position.top, left: position.left } : { visibility: 'hidden' }}
      >
        <div className="tour-head">
          <h2 id={titleId}>
            <span className="tour-count">
              Tour, step {step + 1} of {TOUR_STEPS.length}:
            </span>{' '}
            {current.title}
          </h2>
          <button type="button" className="button-quiet" onClick={closeTour}>
            Close tour
          </button>
        </div>
        <p>{current.text}</p>
        {current.extra && (
          <div className="button-row">
            <Extra kind={current.extra} />
          </div>
        )}
        <div className="tour-nav">
          {step > 0 && (
            <button type="button" className="button-quiet" onClick={() => goToStep(step - 1)}>
              Back
            </button>
          )}
          <button type="button" className="button" onClick={() => (last ? closeTour() : goToStep(step + 1))}>
            {last ? 'Done' : 'Next'}
          </button>
        </div>
      </section>
    </>
  );
}

export function GuidedTour() {
  const { open, step } = useStore(tourStore);
  const returnFocus = useRef<HTMLElement | null>(null);

  // A layout effect: it runs before the panel's own effect moves focus into the panel.
  useLayoutEffect(() => {
    if (open) {
      returnFocus.current =
        document.activeElement instanceof HTMLElement && document.activeElement !== document.body
          ? document.activeElement
          : null;
      return;
    }
    const back = returnFocus.current;
    returnFocus.current = null;
    if (back?.isConnected) back.focus();
  }, [open]);

  return open ? <TourPanel step={Math.min(step, TOUR_STEPS.length - 1)} /> : null;
}
