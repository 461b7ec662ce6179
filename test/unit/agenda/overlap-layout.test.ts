import { describe, expect, it } from 'vitest';
import { layoutColumns, type Span } from '../../../extension/ui/agenda/overlap-layout';

const span = (key: string, top: number, bottom: number): Span => ({ key, top, bottom });
const slots = (spans: Span[], minHeight = 0) =>
  Object.fromEntries(
    [...layoutColumns(spans, minHeight)].map(([k, s]) => [k, `${s.column}/${s.columns}`]),
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
    ).toEqual({ a: '0/3', b: '1/3', c: '2/3', d: '1/3' });
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
