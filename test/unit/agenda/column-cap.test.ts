import { describe, expect, it } from 'vitest';
import {
  columnCap,
  estimatedColumnPx,
  MAX_COLUMNS,
  MIN_LANE_PX,
} from '../../../extension/ui/agenda/column-cap';
import { OVERFLOW_COLUMN_PX } from '../../../extension/ui/agenda/grid-entries';

describe('the column cap of a crowded cluster', () => {
  it("keeps the view's bound in a wide window", () => {
    expect(columnCap('week', 165)).toBe(MAX_COLUMNS.week);
    expect(columnCap('day', 1160)).toBe(MAX_COLUMNS.day);
  });

  it('gives a narrow column fewer, readable lanes', () => {
    // A week in a 700 px window: ~83 px a day, room for one lane beside the "+N" column.
    expect(columnCap('week', 83)).toBe(2);
    expect(columnCap('week', 125)).toBe(3);
    // A day in a 480 px window (~360 px): eight lanes, not ten of 32 px.
    expect(columnCap('day', 360)).toBe(9);
  });

  it('leaves every lane of a crowded cluster at least the minimum, unless only one is left', () => {
    for (let px = 20; px <= 1400; px++) {
      for (const mode of ['week', 'day'] as const) {
        const cap = columnCap(mode, px);
        expect(cap).toBeGreaterThanOrEqual(2);
        expect(cap).toBeLessThanOrEqual(MAX_COLUMNS[mode]);
        const lane = (px - OVERFLOW_COLUMN_PX) / (cap - 1);
        if (cap > 2) expect(lane).toBeGreaterThanOrEqual(MIN_LANE_PX);
        // …and no more lanes are given up than the width asks for.
        if (cap < MAX_COLUMNS[mode])
          expect((px - OVERFLOW_COLUMN_PX) / cap).toBeLessThan(MIN_LANE_PX);
      }
    }
  });

  it("guesses a day's width from the window as agenda.css lays it out", () => {
    // 1,280 px and wider: the app's own width, 1,240 px less the gutter and the scrollbar.
    expect(estimatedColumnPx(1440, 7, 64)).toBeCloseTo(estimatedColumnPx(1280, 7, 64));
    expect(estimatedColumnPx(1280, 7, 64)).toBeCloseTo((1280 - 40 - 64 - 15) / 7 - 1);
    expect(estimatedColumnPx(1280, 1, 92)).toBeCloseTo(1280 - 40 - 92 - 15 - 1);
    expect(estimatedColumnPx(700, 7, 64)).toBeLessThan(estimatedColumnPx(1000, 7, 64));
  });
});
