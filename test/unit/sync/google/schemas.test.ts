import { describe, expect, it } from 'vitest';
import { calendarListSchema, eventsListSchema } from '../../../../extension/sync/google/schemas';

const live = {
  kind: 'calendar#event',
  id: 'abc123',
  etag: '"1"',
  status: 'confirmed',
  start: { dateTime: '2025-01-02T10:00:00Z' },
  end: { dateTime: '2025-01-02T11:00:00Z' },
  colorId: '5',
};

describe('Google schemas', () => {
  it('keeps unknown fields (raw resource) and defaults items', () => {
    const parsed = eventsListSchema.parse({
      kind: 'calendar#events',
      items: [live],
      nextSyncToken: 't',
      defaultReminders: [],
    });
    expect(parsed.items[0]).toMatchObject({ colorId: '5' });
    expect(parsed).toMatchObject({ defaultReminders: [] });
    expect(eventsListSchema.parse({ kind: 'calendar#events', nextSyncToken: 't' }).items).toEqual(
      [],
    );
  });

  it('requires exactly one of nextPageToken and nextSyncToken', () => {
    expect(eventsListSchema.safeParse({ kind: 'calendar#events', items: [] }).success).toBe(false);
    const both = { kind: 'calendar#events', items: [], nextPageToken: 'p', nextSyncToken: 's' };
    expect(eventsListSchema.safeParse(both).success).toBe(false);
    const list = { kind: 'calendar#calendarList', items: [], nextPageToken: 'p' };
    expect(calendarListSchema.safeParse(list).success).toBe(true);
  });

  it('accepts a bare cancelled entry but not a live event without times', () => {
    const cancelled = { id: 'gone', status: 'cancelled' };
    const ok = eventsListSchema.safeParse({
      kind: 'calendar#events',
      items: [cancelled],
      nextSyncToken: 't',
    });
    expect(ok.success).toBe(true);
    const { start: _s, ...noStart } = live;
    const bad = eventsListSchema.safeParse({
      kind: 'calendar#events',
      items: [noStart],
      nextSyncToken: 't',
    });
    expect(bad.success).toBe(false);
  });

  it('rejects a time with both or neither of date and dateTime', () => {
    const both = { ...live, start: { date: '2025-01-02', dateTime: '2025-01-02T10:00:00Z' } };
    const list = { kind: 'calendar#events', items: [both], nextSyncToken: 't' };
    expect(eventsListSchema.safeParse(list).success).toBe(false);
  });
});
