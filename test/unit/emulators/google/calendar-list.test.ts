import { describe, expect, it } from 'vitest';
import { enc, listAll, setup, timed } from './helpers';

const LIST = '/users/me/calendarList';
type Entry = {
  id: string;
  accessRole: string;
  deleted?: boolean;
  hidden?: boolean;
  primary?: boolean;
  summary?: string;
};

describe('calendarList and calendars (spec §5)', () => {
  it('§5 list: entries with accessRole, colors, primary flag; hidden ones only on request', async () => {
    const h = setup();
    const res = await h.api('GET', LIST);
    expect(res.status).toBe(200);
    expect(res.body.kind).toBe('calendar#calendarList');
    const byId = new Map((res.body.items as Entry[]).map((e) => [e.id, e]));
    expect(byId.get('demo@example.com')).toMatchObject({
      kind: 'calendar#calendarListEntry',
      summary: 'Work',
      timeZone: 'America/New_York',
      accessRole: 'owner',
      primary: true,
      selected: true,
      colorId: '16',
      backgroundColor: expect.stringMatching(/^#[0-9a-f]{6}$/),
      foregroundColor: expect.stringMatching(/^#[0-9a-f]{6}$/),
      defaultReminders: [{ method: 'popup', minutes: 10 }],
    });
    expect(byId.get(h.g.calendarIds.family)?.accessRole).toBe('writer');
    expect(byId.get(h.g.calendarIds.holidays)?.accessRole).toBe('reader');
    expect(byId.get(h.g.calendarIds.personal)?.primary).toBeUndefined();
    // alex's Work entry (free/busy) is hidden.
    const alex = h.as('alex');
    expect((await alex('GET', LIST)).body.items.map((e: Entry) => e.id)).not.toContain(
      'demo@example.com',
    );
    const shown = await alex('GET', `${LIST}?showHidden=true`);
    expect(shown.body.items.find((e: Entry) => e.id === 'demo@example.com')).toMatchObject({
      accessRole: 'freeBusyReader',
      hidden: true,
    });
  });

  it('§5 minAccessRole filters; maxResults is clamped to 250 and pages', async () => {
    const h = setup();
    const writers = await h.api('GET', `${LIST}?minAccessRole=writer`);
    expect(writers.body.items.map((e: Entry) => e.accessRole).sort()).toEqual([
      'owner',
      'owner',
      'writer',
    ]);
    expect(writers.body.nextSyncToken).toBeUndefined();
    expect((await h.api('GET', `${LIST}?minAccessRole=boss`)).status).toBe(400);
    expect((await h.api('GET', `${LIST}?maxResults=1000`)).status).toBe(200);
    const paged = await listAll(h, `${LIST}?maxResults=1`);
    expect(paged.pages).toHaveLength(4);
    expect(paged.last.nextSyncToken).toBeTypeOf('string');
  });

  it('§5 incremental sync returns hidden and deleted entries; minAccessRole forbidden', async () => {
    const h = setup();
    const token = (await listAll(h, LIST)).last.nextSyncToken;
    await h.api('PATCH', `${LIST}/${enc(h.g.calendarIds.personal)}`, { hidden: true });
    expect((await h.api('DELETE', `${LIST}/${enc(h.g.calendarIds.holidays)}`)).status).toBe(204);
    const inc = await h.api('GET', `${LIST}?syncToken=${enc(token)}`);
    expect(inc.status).toBe(200);
    const byId = new Map((inc.body.items as Entry[]).map((e) => [e.id, e]));
    expect(byId.size).toBe(2);
    expect(byId.get(h.g.calendarIds.personal)).toMatchObject({ hidden: true });
    expect(byId.get(h.g.calendarIds.holidays)).toEqual({
      kind: 'calendar#calendarListEntry',
      etag: expect.any(String),
      id: h.g.calendarIds.holidays,
      deleted: true,
    });
    const forbidden = await h.api(
      'GET',
      `${LIST}?syncToken=${enc(inc.body.nextSyncToken)}&minAccessRole=reader`,
    );
    expect(forbidden.status).toBe(400);
    const again = await h.api('GET', `${LIST}?syncToken=${enc(inc.body.nextSyncToken)}`);
    expect(again.body.items).toEqual([]);
    // A full list no longer shows the deleted one unless asked.
    expect((await h.api('GET', LIST)).body.items.map((e: Entry) => e.id)).not.toContain(
      h.g.calendarIds.holidays,
    );
    expect(
      (await h.api('GET', `${LIST}?showDeleted=true&showHidden=true`)).body.items,
    ).toHaveLength(4);
  });

  it('§5 calendarList sync token: forged or expired → 410', async () => {
    const h = setup();
    const forged = await h.api('GET', `${LIST}?syncToken=nonsense`);
    expect(forged.status).toBe(410);
    expect(forged.body.error.errors[0].reason).toBe('fullSyncRequired');
    const token = (await listAll(h, LIST)).last.nextSyncToken;
    h.g.expireSyncTokens();
    expect((await h.api('GET', `${LIST}?syncToken=${enc(token)}`)).status).toBe(410);
  });

  it('§5 calendars.insert adds an owner entry that shows up incrementally; delete removes it', async () => {
    const h = setup();
    const token = (await listAll(h, LIST)).last.nextSyncToken;
    const created = await h.api('POST', '/calendars', {
      summary: 'Side project',
      timeZone: 'Europe/Lisbon',
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      kind: 'calendar#calendar',
      summary: 'Side project',
      timeZone: 'Europe/Lisbon',
    });
    expect(created.body.id).toMatch(/@group\.calendar\.google\.com$/);
    const inc = await h.api('GET', `${LIST}?syncToken=${enc(token)}`);
    expect(inc.body.items).toEqual([
      expect.objectContaining({ id: created.body.id, accessRole: 'owner' }),
    ]);
    const id = enc(created.body.id);
    expect(
      (
        await h.api(
          'POST',
          `/calendars/${id}/events`,
          timed('2025-03-06T10:00:00', '2025-03-06T11:00:00'),
        )
      ).status,
    ).toBe(200);
    expect((await h.api('DELETE', `/calendars/${id}`)).status).toBe(204);
    expect((await h.api('GET', `/calendars/${id}/events`)).status).toBe(404);
    const after = await h.api('GET', `${LIST}?syncToken=${enc(inc.body.nextSyncToken)}`);
    expect(after.body.items).toEqual([
      expect.objectContaining({ id: created.body.id, deleted: true }),
    ]);
    const primary = await h.api('DELETE', '/calendars/primary');
    expect(primary.status).toBe(400);
    expect(primary.body.error.errors[0].reason).toBe('cannotDeletePrimaryCalendar');
  });

  it('§5 calendars.get and calendarList.get understand primary', async () => {
    const h = setup();
    const cal = await h.api('GET', '/calendars/primary');
    expect(cal.body).toMatchObject({
      id: 'demo@example.com',
      summary: 'Work',
      timeZone: 'America/New_York',
    });
    const entry = await h.api('GET', `${LIST}/primary`);
    expect(entry.body).toMatchObject({ id: 'demo@example.com', primary: true });
    expect((await h.api('GET', `${LIST}/${enc('nobody@example.com')}`)).status).toBe(404);
  });

  it('§5 a calendar rename bumps every subscriber entry', async () => {
    const h = setup();
    const alex = h.as('alex');
    const token = (await listAll(h, LIST)).last.nextSyncToken;
    const family = enc(h.g.calendarIds.family);
    expect((await h.api('PATCH', `/calendars/${family}`, { summary: 'x' })).status).toBe(403); // writer, not owner
    expect((await alex('PATCH', `/calendars/${family}`, { summary: 'The Family' })).status).toBe(
      200,
    );
    const inc = await h.api('GET', `${LIST}?syncToken=${enc(token)}`);
    expect(inc.body.items).toEqual([
      expect.objectContaining({ id: h.g.calendarIds.family, summary: 'The Family' }),
    ]);
  });

  it('§1 setAccess: revoking a role hides the calendar and kills its sync tokens', async () => {
    const h = setup();
    const family = enc(h.g.calendarIds.family);
    const token = (await listAll(h, `/calendars/${family}/events`)).last.nextSyncToken;
    h.g.setAccess(h.g.calendarIds.family, 'demo', 'reader');
    expect((await h.api('GET', `/calendars/${family}/events?syncToken=${enc(token)}`)).status).toBe(
      410,
    );
    expect(
      (
        await h.api(
          'POST',
          `/calendars/${family}/events`,
          timed('2025-03-06T10:00:00', '2025-03-06T11:00:00'),
        )
      ).status,
    ).toBe(403);
    h.g.setAccess(h.g.calendarIds.family, 'demo', 'none');
    expect((await h.api('GET', `/calendars/${family}/events`)).status).toBe(404);
  });

  it('§5 freeBusy: busy spans merged; transparent, declined and unknown handled', async () => {
    const h = setup();
    const ev = '/calendars/primary/events';
    await h.api('POST', ev, timed('2025-03-06T10:00:00', '2025-03-06T11:00:00'));
    await h.api('POST', ev, timed('2025-03-06T10:30:00', '2025-03-06T12:00:00'));
    await h.api(
      'POST',
      ev,
      timed('2025-03-06T13:00:00', '2025-03-06T14:00:00', { transparency: 'transparent' }),
    );
    await h.api(
      'POST',
      ev,
      timed('2025-03-06T15:00:00', '2025-03-06T16:00:00', {
        attendees: [{ email: 'demo@example.com', responseStatus: 'declined' }],
      }),
    );
    const res = await h.api('POST', '/freeBusy', {
      timeMin: '2025-03-06T00:00:00Z',
      timeMax: '2025-03-07T00:00:00Z',
      items: [{ id: 'primary' }, { id: 'ghost@example.com' }],
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      kind: 'calendar#freeBusy',
      timeMin: '2025-03-06T00:00:00Z',
      timeMax: '2025-03-07T00:00:00Z',
      calendars: {
        primary: { busy: [{ start: '2025-03-06T15:00:00Z', end: '2025-03-06T17:00:00Z' }] },
        'ghost@example.com': { errors: [{ domain: 'global', reason: 'notFound' }], busy: [] },
      },
    });
  });

  it('§5 colors.get returns the calendar and event palettes', async () => {
    const h = setup();
    const res = await h.api('GET', '/colors');
    expect(res.body.kind).toBe('calendar#colors');
    expect(Object.keys(res.body.event)).toHaveLength(11);
    expect(Object.keys(res.body.calendar)).toHaveLength(24);
  });
});
