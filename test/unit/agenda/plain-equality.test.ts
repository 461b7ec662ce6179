// samePlainData (plain-equality.ts) decides whether a re-read found anything new: a false "equal"
// would leave a stale view on screen, a false "different" only costs a render. So most cases here
// are near misses that must come out different.
import { describe, expect, it } from 'vitest';
import { samePlainData } from '../../../extension/store/plain-equality';

// A stored row's shape: nested objects and arrays, optional fields, null.
const row = () => ({
  day: 20_415,
  calendarKey: 'g1:work@example.com',
  events: [
    { id: 'a', startMs: 1, endMs: 2, allDay: false, summary: 'Standup' },
    { id: 'b', startMs: 3, endMs: 4, allDay: true, tags: ['x', 'y'], extra: null },
  ],
});

describe('samePlainData', () => {
  it('finds two separately built copies equal, however deep', () => {
    expect(samePlainData(row(), row())).toBe(true);
    expect(samePlainData([row(), [row()]], [row(), [row()]])).toBe(true);
    // Structured clone is what IndexedDB hands back: a copy sharing no object.
    expect(samePlainData(row(), structuredClone(row()))).toBe(true);
  });

  it('ignores key order, which a stored row does not keep meaningfully', () => {
    expect(samePlainData({ a: 1, b: { c: 2, d: 3 } }, { b: { d: 3, c: 2 }, a: 1 })).toBe(true);
  });

  it('finds a change anywhere in a nested row', () => {
    const changed = row();
    changed.events[1]?.tags?.push('z');
    expect(samePlainData(row(), changed)).toBe(false);

    const renamed = structuredClone(row());
    if (renamed.events[0]) renamed.events[0].summary = 'Stand-up';
    expect(samePlainData(row(), renamed)).toBe(false);
  });

  it('tells a missing key from one holding undefined, both ways', () => {
    expect(samePlainData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(samePlainData({ a: 1, b: undefined }, { a: 1 })).toBe(false);
    // Same number of keys, different names: a count alone would call these equal.
    expect(samePlainData({ a: undefined }, { b: undefined })).toBe(false);
  });

  it('tells an array from an object with index keys, both ways', () => {
    expect(samePlainData([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(samePlainData({ 0: 1, 1: 2 }, [1, 2])).toBe(false);
    expect(samePlainData({ list: [] }, { list: {} })).toBe(false);
  });

  it('compares arrays by length and position', () => {
    expect(samePlainData([1, 2], [1, 2, 3])).toBe(false);
    expect(samePlainData([1, 2, 3], [1, 2])).toBe(false);
    expect(samePlainData([1, 2], [2, 1])).toBe(false);
    expect(samePlainData([], [])).toBe(true);
    // A trailing undefined still counts: a prefix check would miss it.
    expect(samePlainData([1], [1, undefined])).toBe(false);
  });

  it('finds NaN equal to itself, so a stored NaN does not look like a change on every read', () => {
    expect(samePlainData(Number.NaN, Number.NaN)).toBe(true);
    expect(samePlainData({ v: [Number.NaN] }, { v: [Number.NaN] })).toBe(true);
    expect(samePlainData(Number.NaN, 0)).toBe(false);
  });

  it('tells null from an empty object, undefined, and other nulls’ neighbours', () => {
    expect(samePlainData(null, null)).toBe(true);
    expect(samePlainData({ v: null }, { v: null })).toBe(true);
    expect(samePlainData(null, {})).toBe(false);
    expect(samePlainData({}, null)).toBe(false);
    expect(samePlainData(null, undefined)).toBe(false);
    expect(samePlainData({ v: null }, { v: {} })).toBe(false);
    expect(samePlainData([null], [[]])).toBe(false);
  });

  it('does not equate values that only look alike', () => {
    expect(samePlainData(1, '1')).toBe(false);
    expect(samePlainData(true, 1)).toBe(false);
    expect(samePlainData('', 0)).toBe(false);
    expect(samePlainData({ n: 1 }, { n: '1' })).toBe(false);
  });

  it('counts any other object equal only to itself: a wrong "different" costs a render, a wrong "same" a stale view', () => {
    const when = new Date(0);
    expect(samePlainData(when, when)).toBe(true);
    expect(samePlainData(new Date(0), new Date(0))).toBe(false);
    expect(samePlainData(new Date(0), new Date(1))).toBe(false);
    expect(samePlainData(new Map([[1, 1]]), new Map([[1, 2]]))).toBe(false);
    expect(samePlainData(0, -0)).toBe(false);
  });
});
