import { describe, expect, it } from 'vitest';
import { EVENTS, insertTimed, setup, timed } from './helpers';

describe('events writes (spec §2, §3)', () => {
  it('§3 insert → 200 with the full resource shape', async () => {
    const h = setup();
    const res = await h.api(
      'POST',
      EVENTS,
      timed('2025-03-06T10:00:00', '2025-03-06T11:00:00', { summary: 'Plan' }),
    );
    expect(res.status).toBe(200);
    const e = res.body;
    expect(e.kind).toBe('calendar#event');
    expect(e.id).toMatch(/^[a-v0-9]{26}$/);
    expect(e.iCalUID).toBe(`${e.id}@google.com`);
    expect(e.etag).toMatch(/^"\d+"$/);
    expect(e.status).toBe('confirmed');
    expect(e.sequence).toBe(0);
    expect(e.created).toBe('2025-03-05T15:00:00.000Z');
    expect(e.updated).toBe('2025-03-05T15:00:00.000Z');
    expect(e.htmlLink).toMatch(/^https:\/\/www\.google\.com\/calendar\/event\?eid=/);
    expect(e.start).toEqual({
      dateTime: '2025-03-06T10:00:00-05:00',
      timeZone: 'America/New_York',
    });
    expect(e.creator).toEqual({ email: 'demo@example.com', self: true });
    expect(e.organizer).toEqual({ email: 'demo@example.com', self: true });
    expect(e.reminders).toEqual({ useDefault: true });
    expect(e.eventType).toBe('default');
  });

  it('§2 read-only fields in the body are ignored', async () => {
    const h = setup();
    const body = timed('2025-03-06T10:00:00', '2025-03-06T11:00:00', {
      etag: '"1"',
      created: '2000-01-01T00:00:00.000Z',
      htmlLink: 'x',
      kind: 'nope',
    });
    const res = await h.api('POST', EVENTS, body);
    expect(res.status).toBe(200);
    expect(res.body.created).toBe('2025-03-05T15:00:00.000Z');
    expect(res.body.etag).not.toBe('"1"');
    expect(res.body.kind).toBe('calendar#event');
  });

  it('§2 client ids must be base32hex, 5–1024 chars → else 400 invalid', async () => {
    const h = setup();
    for (const id of ['abc', 'UPPERCASE1', 'has_underscore', 'wxyz12345', 'a'.repeat(1025)]) {
      const res = await h.api(
        'POST',
        EVENTS,
        timed('2025-03-06T10:00:00', '2025-03-06T11:00:00', { id }),
      );
      expect(res.status, id).toBe(400);
      expect(res.body.error.errors[0].reason).toBe('invalid');
    }
    const ok = await h.api(
      'POST',
      EVENTS,
      timed('2025-03-06T10:00:00', '2025-03-06T11:00:00', { id: 'abcdv0123' }),
    );
    expect(ok.status).toBe(200);
    expect(ok.body.id).toBe('abcdv0123');
  });

  it('§2 reusing an id, even of a deleted event → 409 duplicate', async () => {
    const h = setup();
    const body = timed('2025-03-06T10:00:00', '2025-03-06T11:00:00', { id: 'reused01' });
    expect((await h.api('POST', EVENTS, body)).status).toBe(200);
    const again = await h.api('POST', EVENTS, body);
    expect(again.status).toBe(409);
    expect(again.body.error.errors[0]).toMatchObject({ domain: 'global', reason: 'duplicate' });
    expect((await h.api('DELETE', `${EVENTS}/reused01`)).status).toBe(204);
    expect((await h.api('POST', EVENTS, body)).status).toBe(409);
  });

  it('§2 end not after start → 400 calendar/timeRangeEmpty', async () => {
    const h = setup();
    const res = await h.api('POST', EVENTS, timed('2025-03-06T10:00:00', '2025-03-06T09:00:00'));
    expect(res.status).toBe(400);
    expect(res.body.error.errors[0]).toMatchObject({
      domain: 'calendar',
      reason: 'timeRangeEmpty',
    });
    const same = await h.api('POST', EVENTS, timed('2025-03-06T10:00:00', '2025-03-06T10:00:00'));
    expect(same.status).toBe(400);
    const allDay = await h.api('POST', EVENTS, {
      start: { date: '2025-03-06' },
      end: { date: '2025-03-06' },
    });
    expect(allDay.status).toBe(400);
  });

  it('§2 start/end are required and must agree in kind', async () => {
    const h = setup();
    const none = await h.api('POST', EVENTS, { summary: 'x' });
    expect(none.status).toBe(400);
    expect(none.body.error.errors[0].reason).toBe('required');
    const mixed = await h.api('POST', EVENTS, {
      start: { date: '2025-03-06' },
      end: { dateTime: '2025-03-06T10:00:00Z' },
    });
    expect(mixed.status).toBe(400);
  });

  it('§2 a dateTime without offset needs a timeZone; bad zones are rejected', async () => {
    const h = setup();
    const floating = await h.api('POST', EVENTS, {
      start: { dateTime: '2025-03-06T10:00:00' },
      end: { dateTime: '2025-03-06T11:00:00' },
    });
    expect(floating.status).toBe(400);
    expect(floating.body.error.message).toBe('Missing time zone definition for start time.');
    const badZone = await h.api('POST', EVENTS, {
      start: { dateTime: '2025-03-06T10:00:00Z', timeZone: 'Mars/Olympus' },
      end: { dateTime: '2025-03-06T11:00:00Z' },
    });
    expect(badZone.status).toBe(400);
  });

  it('§2 dateTimes render with the calendar offset (or the timeZone parameter)', async () => {
    const h = setup();
    const created = await h.api('POST', EVENTS, {
      start: { dateTime: '2025-03-06T09:00:00+01:00', timeZone: 'Europe/Berlin' },
      end: { dateTime: '2025-03-06T10:00:00+01:00', timeZone: 'Europe/Berlin' },
    });
    expect(created.body.start).toEqual({
      dateTime: '2025-03-06T03:00:00-05:00',
      timeZone: 'Europe/Berlin',
    });
    const inUtc = await h.api('GET', `${EVENTS}/${created.body.id}?timeZone=UTC`);
    expect(inUtc.body.start.dateTime).toBe('2025-03-06T08:00:00Z');
  });

  it('§3 get: unknown → 404 notFound; deleted → 200 cancelled', async () => {
    const h = setup();
    const missing = await h.api('GET', `${EVENTS}/doesnotexist1`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      error: {
        errors: [{ domain: 'global', reason: 'notFound', message: 'Not Found' }],
        code: 404,
        message: 'Not Found',
      },
    });
    const e = await insertTimed(h, '2025-03-06T10:00:00', '2025-03-06T11:00:00', {
      summary: 'gone',
    });
    await h.api('DELETE', `${EVENTS}/${e.id}`);
    const got = await h.api('GET', `${EVENTS}/${e.id}`);
    expect(got.status).toBe(200);
    expect(got.body.status).toBe('cancelled');
    expect(got.body.summary).toBe('gone');
  });

  it('§3 get with If-None-Match = current etag → 304; stale → 200', async () => {
    const h = setup();
    const e = await insertTimed(h, '2025-03-06T10:00:00', '2025-03-06T11:00:00');
    const same = await h.api('GET', `${EVENTS}/${e.id}`, undefined, { 'if-none-match': e.etag });
    expect(same.status).toBe(304);
    expect(same.text).toBe('');
    await h.api('PATCH', `${EVENTS}/${e.id}`, { summary: 'changed' });
    const stale = await h.api('GET', `${EVENTS}/${e.id}`, undefined, { 'if-none-match': e.etag });
    expect(stale.status).toBe(200);
    expect(stale.body.summary).toBe('changed');
  });

  it('§2 etag and updated change on every modification, even within one millisecond', async () => {
    const h = setup();
    const e = await insertTimed(h, '2025-03-06T10:00:00', '2025-03-06T11:00:00');
    const etags = new Set([e.etag]);
    for (let i = 0; i < 5; i++) {
      const res = await h.api('PATCH', `${EVENTS}/${e.id}`, { summary: `v${i}` });
      etags.add(res.body.etag);
    }
    expect(etags.size).toBe(6);
    h.clock.advance(60_000);
    const later = await h.api('PATCH', `${EVENTS}/${e.id}`, { summary: 'later' });
    expect(later.body.updated).toBe('2025-03-05T15:01:00.000Z');
    expect(later.body.created).toBe('2025-03-05T15:00:00.000Z');
  });

  it('§3 PUT replaces: fields left out are cleared', async () => {
    const h = setup();
    const body = timed('2025-03-06T10:00:00', '2025-03-06T11:00:00', {
      summary: 'a',
      description: 'd',
      location: 'l',
    });
    const e = (await h.api('POST', EVENTS, body)).body;
    const res = await h.api(
      'PUT',
      `${EVENTS}/${e.id}`,
      timed('2025-03-06T12:00:00', '2025-03-06T13:00:00', { summary: 'b' }),
    );
    expect(res.status).toBe(200);
    expect(res.body.summary).toBe('b');
    expect(res.body.description).toBeUndefined();
    expect(res.body.location).toBeUndefined();
    expect(res.body.id).toBe(e.id);
    expect(res.body.sequence).toBe(1); // the time moved
    const missingTimes = await h.api('PUT', `${EVENTS}/${e.id}`, { summary: 'no times' });
    expect(missingTimes.status).toBe(400);
  });

  it('§3 PATCH merges: arrays replace, extendedProperties merge per key, null clears', async () => {
    const h = setup();
    const e = await insertTimed(h, '2025-03-06T10:00:00', '2025-03-06T11:00:00', {
      summary: 's',
      description: 'keep me',
      attendees: [{ email: 'a@example.com' }, { email: 'b@example.com' }],
      extendedProperties: { private: { one: '1', two: '2' } },
    });
    const res = await h.api('PATCH', `${EVENTS}/${e.id}`, {
      attendees: [{ email: 'c@example.com', responseStatus: 'accepted' }],
      extendedProperties: { private: { two: 'II', three: '3' } },
      location: null,
    });
    expect(res.status).toBe(200);
    expect(res.body.description).toBe('keep me');
    expect(res.body.attendees).toEqual([{ email: 'c@example.com', responseStatus: 'accepted' }]);
    expect(res.body.extendedProperties).toEqual({ private: { one: '1', two: 'II', three: '3' } });
    expect(res.body.start.dateTime).toBe('2025-03-06T10:00:00-05:00');
    const cleared = await h.api('PATCH', `${EVENTS}/${e.id}`, { description: null });
    expect(cleared.body.description).toBeUndefined();
  });

  it('§3 PATCH of start keeps its timeZone and can switch to all-day', async () => {
    const h = setup();
    const e = await insertTimed(h, '2025-03-06T10:00:00', '2025-03-06T11:00:00');
    const moved = await h.api('PATCH', `${EVENTS}/${e.id}`, {
      start: { dateTime: '2025-03-06T10:30:00-05:00' },
    });
    expect(moved.body.start).toEqual({
      dateTime: '2025-03-06T10:30:00-05:00',
      timeZone: 'America/New_York',
    });
    const allDay = await h.api('PATCH', `${EVENTS}/${e.id}`, {
      start: { date: '2025-03-07' },
      end: { date: '2025-03-08' },
    });
    expect(allDay.status).toBe(200);
    expect(allDay.body.start).toEqual({ date: '2025-03-07' });
  });

  it('§3 If-Match with a stale etag → 412 conditionNotMet on PUT, PATCH and DELETE', async () => {
    const h = setup();
    const e = await insertTimed(h, '2025-03-06T10:00:00', '2025-03-06T11:00:00');
    const fresh = await h.api(
      'PATCH',
      `${EVENTS}/${e.id}`,
      { summary: 'x' },
      { 'if-match': e.etag },
    );
    expect(fresh.status).toBe(200);
    const stale = { 'if-match': e.etag };
    const expected = {
      error: {
        errors: [
          {
            domain: 'global',
            reason: 'conditionNotMet',
            message: 'Precondition Failed',
            locationType: 'header',
            location: 'If-Match',
          },
        ],
        code: 412,
        message: 'Precondition Failed',
      },
    };
    const put = await h.api(
      'PUT',
      `${EVENTS}/${e.id}`,
      timed('2025-03-06T10:00:00', '2025-03-06T11:00:00'),
      stale,
    );
    expect(put.status).toBe(412);
    expect(put.body).toEqual(expected);
    expect((await h.api('PATCH', `${EVENTS}/${e.id}`, { summary: 'y' }, stale)).status).toBe(412);
    expect((await h.api('DELETE', `${EVENTS}/${e.id}`, undefined, stale)).status).toBe(412);
    expect(
      (await h.api('DELETE', `${EVENTS}/${e.id}`, undefined, { 'if-match': fresh.body.etag }))
        .status,
    ).toBe(204);
  });

  it('§3 delete → 204 empty; deleting again → 410 deleted; updating a deleted event → 410', async () => {
    const h = setup();
    const e = await insertTimed(h, '2025-03-06T10:00:00', '2025-03-06T11:00:00');
    const first = await h.api('DELETE', `${EVENTS}/${e.id}`);
    expect(first.status).toBe(204);
    expect(first.text).toBe('');
    const second = await h.api('DELETE', `${EVENTS}/${e.id}`);
    expect(second.status).toBe(410);
    expect(second.body.error.errors[0]).toMatchObject({ domain: 'global', reason: 'deleted' });
    expect((await h.api('PATCH', `${EVENTS}/${e.id}`, { summary: 'zombie' })).status).toBe(410);
  });

  it('§3 PATCH status cancelled on a single event deletes it', async () => {
    const h = setup();
    const e = await insertTimed(h, '2025-03-06T10:00:00', '2025-03-06T11:00:00');
    expect((await h.api('PATCH', `${EVENTS}/${e.id}`, { status: 'cancelled' })).status).toBe(200);
    expect((await h.api('DELETE', `${EVENTS}/${e.id}`)).status).toBe(410);
  });

  it('§3 writes on a reader calendar → 403 requiredAccessLevel; reads work', async () => {
    const h = setup();
    const holidays = encodeURIComponent(h.g.calendarIds.holidays);
    const res = await h.api(
      'POST',
      `/calendars/${holidays}/events`,
      timed('2025-03-06T10:00:00', '2025-03-06T11:00:00'),
    );
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe(403);
    expect(res.body.error.errors[0]).toMatchObject({
      domain: 'calendar',
      reason: 'requiredAccessLevel',
    });
    expect((await h.api('GET', `/calendars/${holidays}/events`)).status).toBe(200);
  });

  it('§3 a writer may write to a shared calendar', async () => {
    const h = setup();
    const family = encodeURIComponent(h.g.calendarIds.family);
    const res = await h.api(
      'POST',
      `/calendars/${family}/events`,
      timed('2025-03-06T18:00:00', '2025-03-06T19:00:00'),
    );
    expect(res.status).toBe(200);
    expect(res.body.organizer.email).toBe(h.g.calendarIds.family);
  });

  it('§2 attendees carry responseStatus and self for the viewer', async () => {
    const h = setup();
    const e = await insertTimed(h, '2025-03-06T10:00:00', '2025-03-06T11:00:00', {
      attendees: [
        { email: 'demo@example.com', responseStatus: 'declined' },
        { email: 'x@example.com' },
      ],
    });
    expect(e.attendees).toEqual([
      { email: 'demo@example.com', responseStatus: 'declined', self: true },
      { email: 'x@example.com', responseStatus: 'needsAction' },
    ]);
  });

  it('§2 invalid enum values and colorId are rejected with 400', async () => {
    const h = setup();
    const base = timed('2025-03-06T10:00:00', '2025-03-06T11:00:00');
    expect((await h.api('POST', EVENTS, { ...base, transparency: 'see-through' })).status).toBe(
      400,
    );
    expect((await h.api('POST', EVENTS, { ...base, colorId: '12' })).status).toBe(400);
    const ok = await h.api('POST', EVENTS, {
      ...base,
      colorId: '11',
      visibility: 'private',
      transparency: 'transparent',
      source: { url: 'https://example.com/x', title: 'X' },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ colorId: '11', visibility: 'private', source: { title: 'X' } });
  });
});
