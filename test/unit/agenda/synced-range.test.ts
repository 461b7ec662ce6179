// The note on a week outside the calendars' synced window (ui/agenda/synced-range.tsx).
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { CalendarRecord } from '../../../extension/store/records';
import {
  eventsCoverage,
  outsideCoverage,
  SyncedRangeNote,
} from '../../../extension/ui/agenda/synced-range';

const NY = 'America/New_York';
const ms = (iso: string) => Date.parse(iso);
const calendar = (window?: { startMs: number; endMs: number }) =>
  ({
    key: `g:${Math.random()}`,
    ...(window ? { cursor: { token: 't', window, fullSyncedAt: 0, savedAt: 0 } } : {}),
  }) as unknown as CalendarRecord;

describe('the calendars’ synced range', () => {
  const a = { startMs: ms('2026-10-23T12:00:00Z'), endMs: ms('2027-11-22T12:00:00Z') };
  const b = { startMs: ms('2026-10-20T12:00:00Z'), endMs: ms('2027-11-20T12:00:00Z') };

  it('is where every synced calendar holds its events; none synced, none known', () => {
    expect(eventsCoverage([calendar(a), calendar(b), calendar()])).toEqual({
      startMs: a.startMs,
      endMs: b.endMs,
    });
    expect(eventsCoverage([calendar()])).toBeUndefined();
    expect(eventsCoverage([])).toBeUndefined();
  });

  it('says nothing of a week inside it, and names its dates for a week reaching past it', () => {
    const week = (from: string, to: string) => ({
      startMs: ms(`${from}T05:00:00Z`),
      endMs: ms(`${to}T05:00:00Z`),
    });
    expect(outsideCoverage(week('2026-11-16', '2026-11-23'), a, NY)).toBeUndefined();
    // A year ahead, partly past its end; and a week before its start.
    expect(outsideCoverage(week('2027-11-15', '2027-11-22'), a, NY)).toBeUndefined();
    expect(outsideCoverage(week('2027-11-22', '2027-11-29'), a, NY)).toEqual({
      from: '2026-10-23',
      to: '2027-11-22',
    });
    expect(outsideCoverage(week('2026-10-12', '2026-10-19'), a, NY)?.from).toBe('2026-10-23');
    expect(outsideCoverage(week('2026-10-12', '2026-10-19'), undefined, NY)).toBeUndefined();
  });

  it('is said as a note', () => {
    const html = renderToStaticMarkup(createElement(SyncedRangeNote, { range: 'Oct 23 – Nov 22' }));
    expect(html).toContain('role="note"');
    expect(html).toContain('Calendar events are synced for Oct 23 – Nov 22');
    expect(html).toContain('tasks only');
  });
});
