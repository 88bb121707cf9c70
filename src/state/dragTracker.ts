// Tells the runner whether settings are being dragged, and when the drag has ended: the settings
// have been still for PREVIEW_POLICY.settleMs, or the pointer or a held key was released.

import { continuesDrag, PREVIEW_POLICY } from './previewPolicy';

/** Events that end a drag at once: the slider's pointer lifted, a held arrow key let go. */
const RELEASE_EVENTS = ['pointerup', 'pointercancel', 'keyup'] as const;

export class DragTracker {
  private lastChangeAt = -Infinity;
  private settleTimer: ReturnType<typeof setTimeout> | null = null;
  private removeListeners: (() => void) | null = null;

  /** `onSettled` runs once per drag, when it ends. */
  constructor(private readonly onSettled: () => void) {}

  /** A drag is going on: a settled callback is still to come. */
  get dragging(): boolean {
    return this.settleTimer !== null;
  }

  /**
   * Records a settings change at `now` (`runInFlight`: the previous change's run is still going).
   * Returns whether it continues a drag; if so the drag's end moves to settleMs from now.
   */
  change(now: number, runInFlight: boolean): boolean {
    const drag = continuesDrag(now, this.lastChangeAt, runInFlight || this.dragging);
    this.lastChangeAt = now;
    this.clearTimer();
    if (drag) this.settleTimer = setTimeout(() => this.settle(), PREVIEW_POLICY.settleMs);
    return drag;
  }

  /** Ends the drag now, if one is going on (e.g. the pointer was released). */
  release(): void {
    if (this.dragging) this.settle();
  }

  /** Ends drags on pointer and key releases anywhere on `target` (the window), until stop(). */
  listen(target: EventTarget): void {
    this.removeListeners?.();
    const onRelease = () => this.release();
    // Capture: a control that stops propagation must not keep the drag going.
    for (const type of RELEASE_EVENTS) target.addEventListener(type, onRelease, { capture: true });
    this.removeListeners = () => {
      for (const type of RELEASE_EVENTS) target.removeEventListener(type, onRelease, { capture: true });
    };
  }

  stop(): void {
    this.clearTimer();
    this.removeListeners?.();
    this.removeListeners = null;
  }

  private settle(): void {
    this.clearTimer();
    this.onSettled();
  }

  private clearTimer(): void {
    if (this.settleTimer !== null) clearTimeout(this.settleTimer);
    this.settleTimer = null;
  }
}
