import { describe, expect, it } from 'vitest';
import { visibleRows } from './virtualWindow';

describe('visibleRows', () => {
  it('renders the rows in view plus a margin', () => {
    expect(visibleRows(0, 300, 30, 2000, 5)).toEqual({ start: 0, end: 16 });
    expect(visibleRows(3000, 300, 30, 2000, 5)).toEqual({ start: 95, end: 116 });
  });

  it('stays inside the list at the bottom and for short lists', () => {
    expect(visibleRows(60_000, 300, 30, 2000, 5)).toEqual({ start: 1984, end: 2000 });
    expect(visibleRows(0, 300, 30, 4, 5)).toEqual({ start: 0, end: 4 });
    expect(visibleRows(500, 300, 30, 0, 5)).toEqual({ start: 0, end: 0 });
  });
});
