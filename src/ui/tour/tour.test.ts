import { describe, expect, it } from 'vitest';
import { placeTourPanel } from './tourPlacement';
import { shouldStartTour, type TourEnvironment } from './tourState';

const firstVisit: TourEnvironment = { done: false, webdriver: false, search: '', presenting: false };

describe('shouldStartTour', () => {
  it('opens for a first-time visitor only', () => {
    expect(shouldStartTour(firstVisit)).toBe(true);
    expect(shouldStartTour({ ...firstVisit, done: true })).toBe(false);
  });

  it('stays away from automated browsers unless the link asks with tour=1', () => {
    expect(shouldStartTour({ ...firstVisit, webdriver: true })).toBe(false);
    expect(shouldStartTour({ ...firstVisit, webdriver: true, search: '?depth=5&tour=1' })).toBe(true);
    expect(shouldStartTour({ ...firstVisit, webdriver: true, search: '?tour=0' })).toBe(false);
    expect(shouldStartTour({ ...firstVisit, webdriver: true, search: '?tour=1', done: true })).toBe(false);
  });

  it('does not interrupt a presentation link', () => {
    expect(shouldStartTour({ ...firstVisit, presenting: true })).toBe(false);
  });
});

describe('placeTourPanel', () => {
  const viewport = { width: 1280, height: 800 };
  const panel = { width: 380, height: 200 };

  it('goes right of a narrow target', () => {
    expect(placeTourPanel({ top: 100, left: 20, width: 300, height: 40 }, panel, viewport)).toEqual({
      top: 100,
      left: 334,
    });
  });

  it('goes below a wide target when the right side is full', () => {
    expect(placeTourPanel({ top: 50, left: 20, width: 1240, height: 120 }, panel, viewport)).toEqual({
      top: 184,
      left: 20,
    });
  });

  it('takes the window corner when no side has room', () => {
    const pos = placeTourPanel({ top: 10, left: 10, width: 1260, height: 780 }, panel, viewport);
    expect(pos).toEqual({ top: 800 - 200 - 14, left: 1280 - 380 - 14 });
  });

  it('stays on screen for a target partly scrolled away', () => {
    const pos = placeTourPanel({ top: -300, left: 20, width: 300, height: 500 }, panel, viewport);
    expect(pos.top).toBeGreaterThanOrEqual(14);
    expect(pos.left).toBe(334);
  });
});
