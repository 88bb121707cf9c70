import { describe, expect, it } from 'vitest';
import { FlushPacer, MAX_INTERVAL_MS, MIN_INTERVAL_MS, type PacerClock } from './flushPacer';

/** A clock the test moves by hand: timers fire on advance(), frame callbacks on frame(). */
class ManualClock implements PacerClock {
  t = 0;
  private timers: { due: number; callback: () => void }[] = [];
  private frames: (() => void)[] = [];
  /** How long the next frame's work takes, as seen by the clock. */
  frameCost = 0;

  frame(callback: () => void) {
    this.frames.push(callback);
    return () => {
      this.frames = this.frames.filter((c) => c !== callback);
    };
  }
  after(ms: number, callback: () => void) {
    const timer = { due: this.t + ms, callback };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((x) => x !== timer);
    };
  }
  now() {
    return this.t;
  }
  runFrame(): void {
    const due = this.frames;
    this.frames = [];
    for (const callback of due) callback();
    this.t += this.frameCost;
    this.advance(0);
  }
  advance(ms: number): void {
    this.t += ms;
    for (;;) {
      const next = this.timers.filter((x) => x.due <= this.t).sort((a, b) => a.due - b.due)[0];
      if (!next) return;
      this.timers = this.timers.filter((x) => x !== next);
      next.callback();
    }
  }
}

function setup() {
  const clock = new ManualClock();
  const pacer = new FlushPacer(clock);
  const writes: number[] = [];
  const write = () => writes.push(clock.t);
  return { clock, pacer, writes, write };
}

describe('FlushPacer', () => {
  it('writes urgent replies on the next frame', () => {
    const { clock, pacer, writes, write } = setup();
    pacer.request(true, write);
    expect(writes).toEqual([]);
    clock.runFrame();
    expect(writes).toEqual([0]);
  });

  it('holds later replies until the interval has passed, then writes them on a frame', () => {
    const { clock, pacer, writes, write } = setup();
    pacer.request(true, write);
    clock.runFrame();
    clock.advance(10);
    pacer.request(false, write);
    pacer.request(false, write);
    clock.runFrame();
    expect(writes).toHaveLength(1);
    clock.advance(MIN_INTERVAL_MS);
    clock.runFrame();
    expect(writes).toEqual([0, MIN_INTERVAL_MS + 10]);
  });

  it('lets an urgent reply overtake a write that waits', () => {
    const { clock, pacer, writes, write } = setup();
    pacer.request(true, write);
    clock.runFrame();
    pacer.request(false, write);
    pacer.request(true, write);
    clock.runFrame();
    expect(writes).toHaveLength(2);
    clock.advance(MAX_INTERVAL_MS);
    clock.runFrame();
    expect(writes).toHaveLength(2);
  });

  it('spaces writes further apart when rendering them took long, up to a limit', () => {
    const { clock, pacer, write } = setup();
    expect(pacer.interval()).toBe(MIN_INTERVAL_MS);
    clock.frameCost = 30;
    pacer.request(true, write);
    clock.runFrame();
    expect(pacer.interval()).toBe(480);
    clock.frameCost = 200;
    pacer.request(true, write);
    clock.runFrame();
    expect(pacer.interval()).toBe(MAX_INTERVAL_MS);
  });

  it('drops a scheduled write when cancelled', () => {
    const { clock, pacer, writes, write } = setup();
    pacer.request(true, write);
    pacer.cancel();
    clock.runFrame();
    clock.advance(MAX_INTERVAL_MS);
    expect(writes).toEqual([]);
  });
});
