import { describe, expect, it } from 'vitest';
import { layoutColumns, type Slot, type Span } from '../../../extension/ui/agenda/overlap-layout';

const span = (key: string, top: number, bottom: number): Span => ({ key, top, bottom });
const slots = (spans: Span[], minHeight = 0) =>
  Object.fromEntries(
    [...layoutColumns(spans, minHeight)].map(([k, s]) => [
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
    expect(layoutColumns([]).size).toBe(0);
  });
});

/** No two overlapping items' boxes share a column, widened or not; and an item stops widening
 * only at the cluster's edge or at a column where something it overlaps sits. */
function expectWidest(spans: readonly Span[], layout: Map<string, Slot>, minHeight: number) {
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

describe('overlap layout on crowded days', () => {
  it('places every item where a scan of the columns would, on seeded random days', () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let day = 0; day < 200; day++) {
      const count = 1 + Math.floor(rand() * 150);
      const spans = Array.from({ length: count }, (_, i) => {
        const top = Math.floor(rand() * 96) * 15;
        return span(`e${i}`, top, top + Math.floor(rand() * 12) * 15);
      });
      const layout = layoutColumns(spans, 25);
      const columnsOnly = Object.fromEntries(
        [...layout].map(([k, slot]) => [k, `${slot.column}/${slot.columns}`]),
      );
      expect(columnsOnly).toEqual(scanLayout(spans, 25));
      expectWidest(spans, layout, 25);
    }
  });
});
