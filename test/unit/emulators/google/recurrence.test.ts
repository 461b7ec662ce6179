import { describe, expect, it } from 'vitest';
import { EVENTS, enc, type Harness, listAll, setup } from './helpers';

type Item = {
  id: string;
  status: string;
  summary?: string;
  recurrence?: string[];
  recurringEventId?: string;
  start: { dateTime?: string; date?: string; timeZone?: string };
  originalStartTime?: { dateTime?: string; date?: string };
};

/** A series body; by default 10:00–11:00 New York time from Monday 2025-03-03. */
function series(
  recurrence: string[],
  {
    from = '2025-03-03T10:00:00',
    to = '2025-03-03T11:00:00',
    zone = 'America/New_York',
    ...extra
  }: { from?: string; to?: string; zone?: string; [field: string]: unknown } = {},
) {
  return {
    start: { dateTime: from, timeZone: zone },
    end: { dateTime: to, timeZone: zone },
    recurrence,
    ...extra,
  };
}

/** POSTs a series and returns the created master. */
async function createSeries(h: Harness, ...args: Parameters<typeof series>) {
  return (await h.api('POST', EVENTS, series(...args))).body;
}

async function instances(h: Harness, query: string): Promise<Item[]> {
  return (await listAll(h, `${EVENTS}?singleEvents=true&orderBy=startTime&${query}`))
    .items as Item[];
}

describe('recurrence (spec §2)', () => {
  it('§2 a 09:00 America/New_York daily event stays 09:00 local across the March DST switch', async () => {
    const h = setup();
    const s = await createSeries(h, ['RRULE:FREQ=DAILY'], {
      from: '2025-03-07T09:00:00',
      to: '2025-03-07T09:30:00',
    });
    const items = await instances(h, 'timeMin=2025-03-07T00:00:00Z&timeMax=2025-03-12T00:00:00Z');
    expect(items.map((i) => i.start.dateTime)).toEqual([
      '2025-03-07T09:00:00-05:00',
      '2025-03-08T09:00:00-05:00',
      '2025-03-09T09:00:00-04:00',
      '2025-03-10T09:00:00-04:00',
      '2025-03-11T09:00:00-04:00',
    ]);
    // spec §2: instance ids are <seriesId>_<UTC stamp>; the stamp shifts with the offset.
    expect(items.map((i) => i.id)).toEqual([
      `${s.id}_20250307T140000Z`,
      `${s.id}_20250308T140000Z`,
      `${s.id}_20250309T130000Z`,
      `${s.id}_20250310T130000Z`,
      `${s.id}_20250311T130000Z`,
    ]);
  });

  it('§2 ...and across the November switch', async () => {
    const h = setup();
    await createSeries(h, ['RRULE:FREQ=DAILY;COUNT=5'], {
      from: '2025-10-31T09:00:00',
      to: '2025-10-31T10:00:00',
    });
    const items = await instances(h, 'timeMin=2025-10-30T00:00:00Z&timeMax=2025-11-10T00:00:00Z');
    expect(items.map((i) => i.start.dateTime)).toEqual([
      '2025-10-31T09:00:00-04:00',
      '2025-11-01T09:00:00-04:00',
      '2025-11-02T09:00:00-05:00',
      '2025-11-03T09:00:00-05:00',
      '2025-11-04T09:00:00-05:00',
    ]);
  });

  it('§2 a Europe/Berlin series keeps Berlin wall time when rendered in New York', async () => {
    const h = setup();
    await createSeries(h, ['RRULE:FREQ=WEEKLY;BYDAY=MO,TH;COUNT=4'], {
      from: '2025-03-06T09:30:00',
      to: '2025-03-06T09:45:00',
      zone: 'Europe/Berlin',
    });
    const items = await instances(h, 'timeZone=Europe/Berlin');
    expect(items.map((i) => i.start.dateTime)).toEqual([
      '2025-03-06T09:30:00+01:00',
      '2025-03-10T09:30:00+01:00',
      '2025-03-13T09:30:00+01:00',
      '2025-03-17T09:30:00+01:00',
    ]);
    expect(items.every((i) => i.start.timeZone === 'Europe/Berlin')).toBe(true);
  });

  it('§2 instances carry recurringEventId + originalStartTime and no recurrence', async () => {
    const h = setup();
    const s = await createSeries(h, ['RRULE:FREQ=DAILY;COUNT=2'], {
      from: '2025-03-06T10:00:00',
      to: '2025-03-06T11:00:00',
      summary: 'Daily',
    });
    const [first] = await instances(h, '');
    expect(first).toMatchObject({
      id: `${s.id}_20250306T150000Z`,
      recurringEventId: s.id,
      originalStartTime: { dateTime: '2025-03-06T10:00:00-05:00', timeZone: 'America/New_York' },
      summary: 'Daily',
      iCalUID: `${s.id}@google.com`,
    });
    expect(first?.recurrence).toBeUndefined();
  });

  it('§2 all-day series: instance ids end in _YYYYMMDD', async () => {
    const h = setup();
    const s = (
      await h.api('POST', EVENTS, {
        start: { date: '2025-03-06' },
        end: { date: '2025-03-07' },
        recurrence: ['RRULE:FREQ=WEEKLY;COUNT=3'],
      })
    ).body;
    const items = await instances(h, '');
    expect(items.map((i) => i.id)).toEqual([
      `${s.id}_20250306`,
      `${s.id}_20250313`,
      `${s.id}_20250320`,
    ]);
    expect(items[1]?.originalStartTime).toEqual({ date: '2025-03-13' });
  });

  it('§2 EXDATE, RDATE and EXRULE shape the set', async () => {
    const h = setup();
    await createSeries(h, [
      'RRULE:FREQ=DAILY;COUNT=7',
      'EXDATE;TZID=America/New_York:20250304T100000',
      'RDATE;TZID=America/New_York:20250317T100000',
      'EXRULE:FREQ=WEEKLY;BYDAY=SA,SU',
    ]);
    const items = await instances(h, '');
    expect(items.map((i) => i.start.dateTime?.slice(0, 10))).toEqual([
      '2025-03-03',
      '2025-03-05',
      '2025-03-06',
      '2025-03-07',
      '2025-03-17',
    ]);
  });

  it('§2 UNTIL ends a series', async () => {
    const h = setup();
    await createSeries(h, ['RRULE:FREQ=DAILY;UNTIL=20250305T235959Z']);
    expect(await instances(h, '')).toHaveLength(3);
  });

  it('§2 recurring events need a timeZone on start → 400', async () => {
    const h = setup();
    const res = await h.api('POST', EVENTS, {
      start: { dateTime: '2025-03-06T10:00:00-05:00' },
      end: { dateTime: '2025-03-06T11:00:00-05:00' },
      recurrence: ['RRULE:FREQ=DAILY'],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Missing time zone definition for start time.');
  });

  it('§2 malformed recurrence lines → 400 invalid', async () => {
    const h = setup();
    for (const rule of [
      'RRULE:FREQ=SOMETIMES',
      'RRULE:COUNT=3',
      'FOO:BAR',
      'RRULE:FREQ=DAILY;BOGUS=1',
      'EXDATE:notadate',
    ]) {
      const res = await h.api(
        'POST',
        EVENTS,
        series([rule], { from: '2025-03-06T10:00:00', to: '2025-03-06T11:00:00' }),
      );
      expect(res.status, rule).toBe(400);
      expect(res.body.error.errors[0].reason).toBe('invalid');
    }
  });

  it('§2 singleEvents=false returns the master plus exceptions as their own entries', async () => {
    const h = setup();
    const s = await createSeries(h, ['RRULE:FREQ=DAILY;COUNT=5']);
    await h.api('PATCH', `${EVENTS}/${s.id}_20250304T150000Z`, { summary: 'moved one' });
    await h.api('PATCH', `${EVENTS}/${s.id}_20250305T150000Z`, { status: 'cancelled' });
    const res = await h.api('GET', EVENTS);
    const items = res.body.items as Item[];
    expect(items.map((i) => i.id).sort()).toEqual([s.id, `${s.id}_20250304T150000Z`].sort());
    const master = items.find((i) => i.id === s.id);
    expect(master?.recurrence).toEqual(['RRULE:FREQ=DAILY;COUNT=5']);
    const withDeleted = await h.api('GET', `${EVENTS}?showDeleted=true`);
    expect(
      withDeleted.body.items.find((i: Item) => i.id === `${s.id}_20250305T150000Z`),
    ).toMatchObject({
      status: 'cancelled',
      recurringEventId: s.id,
    });
  });

  it('§2 modified and cancelled instances replace the rule instances with singleEvents=true', async () => {
    const h = setup();
    const s = await createSeries(h, ['RRULE:FREQ=DAILY;COUNT=4']);
    const moved = await h.api('PATCH', `${EVENTS}/${s.id}_20250304T150000Z`, {
      start: { dateTime: '2025-03-04T16:00:00-05:00' },
      end: { dateTime: '2025-03-04T17:00:00-05:00' },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.originalStartTime.dateTime).toBe('2025-03-04T10:00:00-05:00');
    await h.api('DELETE', `${EVENTS}/${s.id}_20250305T150000Z`);
    const items = await instances(h, '');
    expect(items.map((i) => i.start.dateTime)).toEqual([
      '2025-03-03T10:00:00-05:00',
      '2025-03-04T16:00:00-05:00',
      '2025-03-06T10:00:00-05:00',
    ]);
    // spec §1: with showDeleted the single cancelled instance is returned.
    const all = (await listAll(h, `${EVENTS}?singleEvents=true&showDeleted=true`)).items as Item[];
    expect(all.filter((i) => i.status === 'cancelled').map((i) => i.id)).toEqual([
      `${s.id}_20250305T150000Z`,
    ]);
    // Deleting the same instance again → 410.
    expect((await h.api('DELETE', `${EVENTS}/${s.id}_20250305T150000Z`)).status).toBe(410);
  });

  it('§2 an instance id the rule does not produce → 404', async () => {
    const h = setup();
    const s = await createSeries(h, ['RRULE:FREQ=DAILY;COUNT=2']);
    expect((await h.api('GET', `${EVENTS}/${s.id}_20250303T150000Z`)).status).toBe(200);
    expect((await h.api('GET', `${EVENTS}/${s.id}_20250303T160000Z`)).status).toBe(404);
    expect((await h.api('GET', `${EVENTS}/${s.id}_20250310T150000Z`)).status).toBe(404);
    expect(
      (await h.api('PATCH', `${EVENTS}/${s.id}_20250310T150000Z`, { summary: 'x' })).status,
    ).toBe(404);
  });

  it('§2 deleting a series removes all instances and exceptions', async () => {
    const h = setup();
    const s = await createSeries(h, ['RRULE:FREQ=DAILY;COUNT=3']);
    await h.api('PATCH', `${EVENTS}/${s.id}_20250304T150000Z`, { summary: 'exception' });
    await h.api('DELETE', `${EVENTS}/${s.id}`);
    expect(await instances(h, '')).toEqual([]);
    expect((await h.api('GET', `${EVENTS}/${s.id}_20250304T150000Z`)).body.status).toBe(
      'cancelled',
    );
  });

  it('§2 events.instances lists a series in start order, paged', async () => {
    const h = setup();
    const s = await createSeries(h, ['RRULE:FREQ=DAILY;COUNT=5']);
    const first = await h.api('GET', `${EVENTS}/${s.id}/instances?maxResults=3`);
    expect(first.body.kind).toBe('calendar#events');
    expect(first.body.items.map((i: Item) => i.id)).toEqual([
      `${s.id}_20250303T150000Z`,
      `${s.id}_20250304T150000Z`,
      `${s.id}_20250305T150000Z`,
    ]);
    expect(first.body.nextSyncToken).toBeUndefined();
    const second = await h.api(
      'GET',
      `${EVENTS}/${s.id}/instances?maxResults=3&pageToken=${enc(first.body.nextPageToken)}`,
    );
    expect(second.body.items).toHaveLength(2);
    expect(second.body.nextPageToken).toBeUndefined();
    const one = await h.api(
      'GET',
      `${EVENTS}/${s.id}/instances?originalStart=${enc('2025-03-04T10:00:00-05:00')}`,
    );
    expect(one.body.items.map((i: Item) => i.id)).toEqual([`${s.id}_20250304T150000Z`]);
  });

  it('§2 without timeMax an endless series expands to the documented horizon (730 days)', async () => {
    const h = setup();
    await createSeries(h, ['RRULE:FREQ=WEEKLY'], {
      from: '2025-03-05T10:00:00',
      to: '2025-03-05T11:00:00',
    });
    const items = await instances(h, '');
    const last = items[items.length - 1]?.start.dateTime ?? '';
    expect(items.length).toBeGreaterThan(100);
    expect(items.length).toBeLessThanOrEqual(106);
    expect(Date.parse(last)).toBeLessThan(Date.parse('2027-03-06T00:00:00Z'));
    expect(Date.parse(last)).toBeGreaterThan(Date.parse('2027-02-25T00:00:00Z'));
  });

  it('§2 a series in the window is listed as a master with singleEvents=false', async () => {
    const h = setup();
    const s = await createSeries(h, ['RRULE:FREQ=WEEKLY;BYDAY=MO'], {
      from: '2025-01-06T10:00:00',
      to: '2025-01-06T11:00:00',
    });
    const hit = await h.api(
      'GET',
      `${EVENTS}?timeMin=2025-03-10T00:00:00Z&timeMax=2025-03-11T00:00:00Z`,
    );
    expect(hit.body.items.map((i: Item) => i.id)).toEqual([s.id]);
    const miss = await h.api(
      'GET',
      `${EVENTS}?timeMin=2025-03-11T00:00:00Z&timeMax=2025-03-12T00:00:00Z`,
    );
    expect(miss.body.items).toEqual([]);
  });
});
