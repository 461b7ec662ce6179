import { describe, expect, it } from 'vitest';
import { toPage as calendarListPage } from '../../../../extension/sync/google/calendar-list';
import { toPage as eventsPage } from '../../../../extension/sync/google/calendar-sync';
import { calendarListSchema, eventsListSchema } from '../../../../extension/sync/google/schemas';

const window = { startMs: Date.UTC(2025, 0, 1), endMs: Date.UTC(2025, 2, 1) };
const at = (day: number, hour = 10) => new Date(Date.UTC(2025, 0, day, hour)).toISOString();
const event = (id: string, day: number, extra: Record<string, unknown> = {}) => ({
  id,
  etag: `"${id}-1"`,
  start: { dateTime: at(day) },
  end: { dateTime: at(day, 11) },
  ...extra,
});

describe('events page (calendar-sync toPage)', () => {
  it('upserts live events in the window, deletes cancelled and out-of-window ones', () => {
    const list = eventsListSchema.parse({
      kind: 'calendar#events',
      timeZone: 'Europe/Berlin',
      items: [
        event('inside', 5, { recurringEventId: 'series' }),
        { id: 'gone', status: 'cancelled' },
        event('later', 400),
        event('allday', 0, { start: { date: '2025-01-10' }, end: { date: '2025-01-11' } }),
      ],
      nextSyncToken: 'tok',
    });
    const page = eventsPage('me:primary', list, window);
    expect(page.upserts.map((e) => e.id)).toEqual(['inside', 'allday']);
    expect(page.upserts[0]).toMatchObject({ calendarKey: 'me:primary', seriesId: 'series' });
    expect(page.upserts[1]).toMatchObject({ allDay: true, startMs: Date.UTC(2025, 0, 9, 23) });
    expect(page.upserts[0]?.raw).toMatchObject({ id: 'inside', etag: '"inside-1"' });
    expect(page.deletes).toEqual(['gone', 'later']);
    expect(page.received).toBe(4);
    expect(page.nextCursor).toBe('tok');
  });

  it('lets the last occurrence of an id win and has no cursor on a middle page', () => {
    const list = eventsListSchema.parse({
      kind: 'calendar#events',
      items: [
        event('x', 5),
        { id: 'x', status: 'cancelled' },
        { id: 'y', status: 'cancelled' },
        event('y', 6),
      ],
      nextPageToken: 'p2',
    });
    const page = eventsPage('me:primary', list, window);
    expect(page.deletes).toEqual(['x']);
    expect(page.upserts.map((e) => e.id)).toEqual(['y']);
    expect(page.nextCursor).toBeUndefined();
  });
});

describe('calendar list page', () => {
  it('maps entries, deletes deleted ones, and fingerprints entries without an etag', () => {
    const list = calendarListSchema.parse({
      kind: 'calendar#calendarList',
      items: [
        { id: 'primary@x', summary: 'Me', primary: true, selected: true, accessRole: 'owner' },
        { id: 'old@x', deleted: true },
        { id: 'team@x', etag: '"7"', summary: 'Team', hidden: true },
      ],
      nextSyncToken: 'c1',
    });
    const page = calendarListPage('me', list);
    expect(page.deletes).toEqual(['old@x']);
    expect(page.upserts).toHaveLength(2);
    expect(page.upserts[0]).toMatchObject({
      key: 'me:primary@x',
      id: 'primary@x',
      primary: true,
      googleSelected: true,
      hidden: false,
      accessRole: 'owner',
    });
    expect(page.upserts[0]?.etag).toMatch(/^json:/);
    expect(page.upserts[1]).toMatchObject({ etag: '"7"', hidden: true, googleSelected: false });
    expect(page.nextCursor).toBe('c1');
  });
});
