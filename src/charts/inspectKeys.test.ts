import { describe, expect, it } from 'vitest';
import { nextInspected } from './inspectKeys';

describe('nextInspected', () => {
  it('steps by one with the arrows and by ten with Page keys, from layer 1 when none is inspected', () => {
    expect(nextInspected('ArrowRight', null, 30)).toBe(2);
    expect(nextInspected('ArrowUp', 5, 30)).toBe(6);
    expect(nextInspected('ArrowLeft', 5, 30)).toBe(4);
    expect(nextInspected('PageUp', 5, 30)).toBe(15);
    expect(nextInspected('PageDown', 5, 30)).toBe(-5);
  });
  it('jumps to the ends, stops on Escape, and ignores other keys', () => {
    expect(nextInspected('Home', 12, 30)).toBe(1);
    expect(nextInspected('End', 12, 30)).toBe(30);
    expect(nextInspected('Escape', 12, 30)).toBeNull();
    expect(nextInspected('a', 12, 30)).toBeUndefined();
  });
});
