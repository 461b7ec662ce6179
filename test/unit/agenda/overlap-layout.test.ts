import { describe, expect, it } from 'vitest';
import {
  layoutColumns,
  OVERFLOW_GROUP_MINUTES,
  type Slot,
  type Span,
} from '../../../extension/ui/agenda/overlap-layout';

const span = (key: string, top: number, bottom: number): Span => ({ key, top, bottom });
const slots = (spans: Span[], minHeight = 0) =>
  Object.fromEntries(
    [...layoutColumns(spans, minHeight).slots].map(([k, s]) => [
      k,
      `${s.span > 1 ? `${s.column}-${s.column + s.span - 1}` : s.column}/${s.columns}`,
    ]),
  );

describe('overlap layout', () => {
  it('gives separate items the full width', () => {
    expect(slots([span('a', 60, 120), span('b', 180, 240)])).toEqual({ a: '0/1', b: '0/1' });
  });

  it('does not treat touching items as overlapping', () => {
    expect(slots([span('a', 600, 660), span('b', 660, 720)])).toEqual({ a: '0/1', b: '0/1' });
  });

  it('puts two overlapping items side by side', () => {
    expect(slots([span('b', 570, 630), span('a', 540, 600)])).toEqual({ a: '0/2', b: '1/2' });
  });

  it('reuses a column freed inside a chain, and sizes the whole chain alike', () => {
    // a 9–10, b 9:30–10:30, c 10–11: c takes a's column; all three share two columns.
    expect(slots([span('a', 540, 600), span('b', 570, 630), span('c', 600, 660)])).toEqual({
      a: '0/2',
      b: '1/2',
      c: '0/2',
    });
  });

  it('opens as many columns as items overlap at once', () => {
    expect(
      slots([span('a', 540, 720), span('b', 560, 600), span('c', 580, 620), span('d', 700, 760)]),
    ).toEqual({ a: '0/3', b: '1/3', c: '2/3', d: '1-2/3' });
  });

  it('widens an item over the columns to its right that nothing it overlaps uses', () => {
    // a 9–12, c 9–10:30, b 9–10 take columns 0, 1, 2 (the longer first); d 10:15–11 takes b's
    // freed column 2; e 11–12 takes column 1 (c is gone) and widens over column 2 (d ended at
    // 11), while c cannot widen over b, which it overlaps.
    expect(
      slots([
        span('a', 540, 720),
        span('b', 540, 600),
        span('c', 540, 630),
        span('d', 615, 660),
        span('e', 660, 720),
      ]),
    ).toEqual({ a: '0/3', c: '1/3', b: '2/3', d: '2/3', e: '1-2/3' });
  });

  it('sizes separate clusters independently', () => {
    const result = slots([span('a', 60, 120), span('b', 90, 150), span('c', 300, 360)]);
    expect(result).toEqual({ a: '0/2', b: '1/2', c: '0/1' });
  });

  it('puts the longer of two same-start items first', () => {
    expect(slots([span('short', 540, 570), span('long', 540, 660)])).toEqual({
      long: '0/2',
      short: '1/2',
    });
  });

  it('lays short items side by side when their drawn boxes would collide', () => {
    const short = [span('a', 540, 545), span('b', 550, 555)];
    expect(slots(short)).toEqual({ a: '0/1', b: '0/1' });
    expect(slots(short, 20)).toEqual({ a: '0/2', b: '1/2' });
  });

  it('handles nothing', () => {
    expect(layoutColumns([])).toEqual({ slots: new Map(), overflow: [] });
  });
});

/** No two overlapping items' boxes share a column, widened or not; and an item stops widening
 * only at the cluster's edge or at a column where something it overlaps sits. */
function expectWidest(
  spans: readonly Span[],
  layout: ReadonlyMap<string, Slot>,
  minHeight: number,
) {
  const boxes = spans.map((s) => ({ ...s, bottom: Math.max(s.bottom, s.top + minHeight) }));
  const overlap = (a: Span, b: Span) => a.key !== b.key && a.top < b.bottom && b.top < a.bottom;
  for (const item of boxes) {
    const mine = layout.get(item.key)!;
    expect(mine.span).toBeGreaterThanOrEqual(1);
    const others = boxes.filter((o) => overlap(item, o)).map((o) => layout.get(o.key)!);
    for (const other of others) {
      const disjoint =
        mine.column + mine.span <= other.column || other.column + other.span <= mine.column;
      expect(disjoint).toBe(true);
    }
    const next = mine.column + mine.span;
    if (next < mine.columns) expect(others.some((o) => o.column === next)).toBe(true);
  }
}

/** The plain definition: scan the cluster's columns for the leftmost one free at the top. */
function scanLayout(spans: readonly Span[], minHeight: number) {
  const sorted = spans
    .map((s) => ({ ...s, bottom: Math.max(s.bottom, s.top + minHeight) }))
    .sort((a, b) => a.top - b.top || b.bottom - a.bottom || a.key.localeCompare(b.key));
  const out: Record<string, string> = {};
  let cluster: { key: string; column: number }[] = [];
  let ends: number[] = [];
  let clusterEnd = Number.NEGATIVE_INFINITY;
  const close = () => {
    for (const item of cluster) out[item.key] = `${item.column}/${ends.length}`;
    cluster = [];
    ends = [];
  };
  for (const s of sorted) {
    if (s.top >= clusterEnd) close();
    let column = ends.findIndex((end) => end <= s.top);
    if (column === -1) column = ends.push(s.bottom) - 1;
    else ends[column] = s.bottom;
    cluster.push({ key: s.key, column });
    clusterEnd = Math.max(clusterEnd, s.bottom);
  }
  close();
  return out;
}

/** A seeded random number source in [0, 1). */
function seeded(start: number): () => number {
  let seed = start;
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

/** Up to 150 items on quarter hours, up to three hours long (zero-length ones too). */
function randomDay(rand: () => number): Span[] {
  return Array.from({ length: 1 + Math.floor(rand() * 150) }, (_, i) => {
    const top = Math.floor(rand() * 96) * 15;
    return span(`e${i}`, top, top + Math.floor(rand() * 12) * 15);
  });
}

describe('overlap layout on crowded days', () => {
  it('places every item where a scan of the columns would, on seeded random days', () => {
    const rand = seeded(7);
    for (let day = 0; day < 200; day++) {
      const spans = randomDay(rand);
      const layout = layoutColumns(spans, 25).slots;
      const columnsOnly = Object.fromEntries(
        [...layout].map(([k, slot]) => [k, `${slot.column}/${slot.columns}`]),
      );
      expect(columnsOnly).toEqual(scanLayout(spans, 25));
      expectWidest(spans, layout, 25);
    }
  });
});

describe('overlap layout with a column cap', () => {
  const hour = (h: number) => h * 60;

  it('keeps a cluster at the cap as it is', () => {
    const four = ['a', 'b', 'c', 'd'].map((k) => span(k, hour(9), hour(10)));
    const capped = layoutColumns(four, 0, 4);
    expect(capped.overflow).toEqual([]);
    expect(capped.slots).toEqual(layoutColumns(four).slots);
  });

  it('gives the last column of a crowded cluster to a marker for the items past it', () => {
    // Five at 9–10 (e the longest): three columns of items, the other two behind "+2".
    const five = [
      span('a', hour(9), hour(10)),
      span('b', hour(9), hour(10)),
      span('c', hour(9), hour(10)),
      span('d', hour(9) + 15, hour(10)),
      span('e', hour(9) + 30, hour(11)),
    ];
    const { slots: shown, overflow } = layoutColumns(five, 0, 4);
    expect(Object.fromEntries([...shown].map(([k, s]) => [k, `${s.column}/${s.columns}`]))).toEqual(
      { a: '0/4', b: '1/4', c: '2/4' },
    );
    expect(overflow).toEqual([
      {
        top: hour(9) + 15,
        bottom: hour(11),
        column: 3,
        columns: 4,
        span: 1,
        crowded: true,
        keys: ['d', 'e'],
      },
    ]);
  });

  it('lets an item widen over the markers’ column where no marker is', () => {
    // Five at 9 overflow two into a marker (9–10); f at 10:30–11, in the cluster through a,
    // has only a beside it, so it widens over the markers' column too.
    const spans = [
      span('a', hour(9), hour(11)),
      span('b', hour(9), hour(10)),
      span('c', hour(9), hour(10)),
      span('d', hour(9), hour(10)),
      span('e', hour(9), hour(10)),
      span('f', hour(10) + 30, hour(11)),
    ];
    const { slots: shown, overflow } = layoutColumns(spans, 0, 4);
    expect(overflow.map((m) => [m.top, m.bottom, m.keys])).toEqual([
      [hour(9), hour(10), ['d', 'e']],
    ]);
    expect(shown.get('f')).toEqual({ column: 1, columns: 4, span: 3, crowded: true });
  });

  it('starts a new marker an hour on, cutting the one before where the next begins', () => {
    // Four columns' worth all afternoon: the fourth column overflows, one marker an hour.
    const spans = Array.from({ length: 4 * 6 }, (_, i) => {
      const top = hour(12) + Math.floor(i / 4) * 40;
      return span(`e${i}`, top, top + 60);
    });
    const { overflow } = layoutColumns(spans, 0, 3);
    expect(overflow.length).toBeGreaterThan(1);
    for (const [i, marker] of overflow.entries()) {
      const next = overflow[i + 1];
      if (next) {
        expect(marker.bottom).toBe(next.top);
        expect(marker.bottom - marker.top).toBeGreaterThanOrEqual(OVERFLOW_GROUP_MINUTES);
      }
      expect(marker.keys.length).toBeGreaterThan(0);
    }
  });

  it('accounts for every item, once, and overlaps nothing, on seeded random days', () => {
    const rand = seeded(11);
    for (let day = 0; day < 200; day++) {
      const cap = 2 + Math.floor(rand() * 8);
      const spans = randomDay(rand);
      const { slots: shown, overflow } = layoutColumns(spans, 25, cap);
      const hidden = overflow.flatMap((m) => m.keys);
      expect(new Set([...shown.keys(), ...hidden]).size).toBe(spans.length);
      expect(shown.size + hidden.length).toBe(spans.length);
      const drawn = new Map(
        spans.map((s) => [s.key, { ...s, bottom: Math.max(s.bottom, s.top + 25) }]),
      );
      // Boxes: the items shown and the markers, none overlapping another in a shared column.
      const boxes = [
        ...[...shown].map(([key, slot]) => ({ ...drawn.get(key)!, ...slot })),
        ...overflow.map((m) => ({ ...m, key: `+${m.keys[0]}` })),
      ];
      for (const box of boxes) {
        expect(box.columns).toBeLessThanOrEqual(cap);
        expect(box.column + box.span).toBeLessThanOrEqual(box.columns);
        for (const other of boxes) {
          if (other === box || !(other.top < box.bottom && box.top < other.bottom)) continue;
          const apart =
            box.column + box.span <= other.column || other.column + other.span <= box.column;
          expect(apart).toBe(true);
        }
      }
      // A marker stands for items that start within it.
      for (const marker of overflow) {
        for (const key of marker.keys) {
          const item = drawn.get(key)!;
          expect(item.top).toBeGreaterThanOrEqual(marker.top);
          expect(item.top).toBeLessThan(marker.bottom);
        }
      }
    }
  });
});
