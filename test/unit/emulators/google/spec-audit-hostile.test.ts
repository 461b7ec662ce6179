import { describe, expect, it } from 'vitest';
import { type ApiResult, BASE, EVENTS, enc, insertTimed, setup, timed } from './helpers';

/**
 * Audit of the Google emulator against hostile input (spec §6 error body): every refusal is the
 * documented envelope with `code` equal to the HTTP status, and nothing a client can send makes
 * the emulator answer 500 from a bug of its own.
 */
const NOT_FOUND = {
  error: {
    errors: [{ domain: 'global', reason: 'notFound', message: 'Not Found' }],
    code: 404,
    message: 'Not Found',
  },
};
const PARSE_ERROR = {
  error: {
    errors: [{ domain: 'global', reason: 'parseError', message: 'Parse Error' }],
    code: 400,
    message: 'Parse Error',
  },
};

/** The spec §6 envelope, exactly: one error item, code = status, message repeated. */
function expectEnvelope(res: ApiResult, status: number, reason?: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/json; charset=UTF-8');
  expect(Object.keys(res.body)).toEqual(['error']);
  expect(Object.keys(res.body.error)).toEqual(['errors', 'code', 'message']);
  expect(res.body.error.code).toBe(status);
  expect(res.body.error.errors).toHaveLength(1);
  const item = res.body.error.errors[0];
  expect(item.message).toBe(res.body.error.message);
  expect(typeof item.domain).toBe('string');
  if (reason !== undefined) expect(item.reason).toBe(reason);
}

describe('spec audit: hostile input to the Google emulator', () => {
  it('§1 maxResults: huge clamps, negative / decimal / hex / empty / non-numeric → 400 invalidParameter', async () => {
    const h = setup();
    await h.api('POST', EVENTS, timed('2025-03-06T10:00:00', '2025-03-06T11:00:00'));
    const huge = await h.api('GET', `${EVENTS}?maxResults=99999999999999999999999`);
    expect(huge.status).toBe(200);
    expect(huge.body.items).toHaveLength(1);
    for (const v of ['-5', '1.5', '0x10', '', 'abc', '1e3', ' 5']) {
      const res = await h.api('GET', `${EVENTS}?maxResults=${enc(v)}`);
      expectEnvelope(res, 400, 'invalidParameter');
      expect(res.body.error.errors[0]).toEqual({
        domain: 'global',
        reason: 'invalidParameter',
        message: `Invalid value '${v}' for maxResults.`,
        locationType: 'parameter',
        location: 'maxResults',
      });
    }
    for (const path of ['/users/me/calendarList', `${EVENTS}/nope12345/instances`]) {
      expectEnvelope(await h.api('GET', `${path}?maxResults=-1`), 400, 'invalidParameter');
    }
  });

  it('§1 booleans, times and zones are strict: anything else is 400 naming the parameter', async () => {
    const h = setup();
    const cases: [string, string][] = [
      ['singleEvents=yes', 'singleEvents'],
      ['showDeleted=1', 'showDeleted'],
      ['timeMin=2025-02-30T00:00:00Z', 'timeMin'],
      ['timeMax=2025-03-01T25:00:00Z', 'timeMax'],
      ['updatedMin=yesterday', 'updatedMin'],
      [`timeZone=${enc('😀')}`, 'timeZone'],
      ['orderBy=random', 'orderBy'],
      ['privateExtendedProperty=%3Dx', 'privateExtendedProperty'],
    ];
    for (const [q, location] of cases) {
      const res = await h.api('GET', `${EVENTS}?${q}`);
      expectEnvelope(res, 400, 'invalidParameter');
      expect(res.body.error.errors[0].location, q).toBe(location);
    }
  });

  it('§1 repeated parameters never crash, and a page token must repeat them all', async () => {
    const h = setup();
    for (let i = 0; i < 3; i++)
      await h.api('POST', EVENTS, timed('2025-03-06T10:00:00', '2025-03-06T11:00:00'));
    const q = 'maxResults=1&maxResults=2&singleEvents=true&singleEvents=false';
    const first = await h.api('GET', `${EVENTS}?${q}`);
    expect(first.status).toBe(200);
    const token = enc(first.body.nextPageToken);
    expect((await h.api('GET', `${EVENTS}?${q}&pageToken=${token}`)).status).toBe(200);
    const partial = await h.api(
      'GET',
      `${EVENTS}?maxResults=1&singleEvents=true&pageToken=${token}`,
    );
    expectEnvelope(partial, 400, 'invalid');
    expect(partial.body.error.errors[0].location).toBe('pageToken');
  });

  it('§1 §3 unknown, unicode, %2F and over-long calendar and event ids → 404 notFound, exactly', async () => {
    const h = setup();
    const paths = [
      `/calendars/${enc('a/b')}/events`,
      `/calendars/${enc('😀')}/events`,
      `/calendars/${enc('%E0%A4%A')}/events`,
      `/calendars/${'x'.repeat(5000)}/events`,
      `${EVENTS}/%2F`,
      `${EVENTS}/${enc('😀')}`,
      `${EVENTS}/${'a'.repeat(5000)}`,
      // An instance id whose stamp is no date, and one of a series that does not exist.
      `${EVENTS}/abcde_99999999T999999Z`,
      `${EVENTS}/abcde_20250305T150000Z`,
      `${EVENTS}/nope12345/instances`,
      `/users/me/calendarList/${enc('😀')}`,
      `/calendars/${enc('😀')}`,
    ];
    for (const path of paths) {
      const res = await h.api('GET', path);
      expect(res.status, path).toBe(404);
      expect(res.body, path).toEqual(NOT_FOUND);
    }
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const res = await h.api(
        method,
        `${EVENTS}/${enc('😀')}`,
        method === 'DELETE' ? undefined : {},
      );
      expect(res.body, method).toEqual(NOT_FOUND);
    }
  });

  it('§6 every JSON endpoint answers malformed JSON, arrays, scalars and non-JSON types with parseError', async () => {
    const h = setup();
    const series = await insertTimed(h, '2025-03-06T10:00:00', '2025-03-06T11:00:00');
    const targets: [string, string][] = [
      ['POST', EVENTS],
      ['PUT', `${EVENTS}/${series.id}`],
      ['PATCH', `${EVENTS}/${series.id}`],
      ['POST', `${EVENTS}/watch`],
      ['POST', '/users/me/calendarList/watch'],
      ['POST', '/channels/stop'],
      ['POST', '/freeBusy'],
      ['POST', '/calendars'],
      ['PATCH', '/calendars/primary'],
      ['POST', '/users/me/calendarList'],
      ['PATCH', '/users/me/calendarList/primary'],
    ];
    const bodies: [string, Record<string, string>][] = [
      ['{"summary": ', { 'content-type': 'application/json' }],
      ['[]', { 'content-type': 'application/json' }],
      ['[{"start":{}}]', { 'content-type': 'application/json' }],
      ['null', { 'content-type': 'application/json' }],
      ['"text"', { 'content-type': 'application/json' }],
      ['42', { 'content-type': 'application/json' }],
      ['\u00ff\u00fe', { 'content-type': 'application/json' }],
      ['{"summary":"x"}', { 'content-type': 'text/plain' }],
      ['{"summary":"x"}', { 'content-type': 'application/xml' }],
    ];
    for (const [method, path] of targets) {
      for (const [body, headers] of bodies) {
        const res = await h.api(method, path, body, headers);
        expect(res.body, `${method} ${path} ${headers['content-type']} ${body}`).toEqual(
          PARSE_ERROR,
        );
      }
    }
    // The event was never touched by any of them.
    expect((await h.api('GET', `${EVENTS}/${series.id}`)).body.etag).toBe(series.etag);
  });

  it('§6 a body sent with no Content-Type at all is not JSON either', async () => {
    const h = setup();
    const res = await h.g.fetch(`${BASE}${EVENTS}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.token}` },
      body: new Blob([JSON.stringify(timed('2025-03-06T10:00:00', '2025-03-06T11:00:00'))]),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual(PARSE_ERROR);
  });

  it('§6 an empty body is `{}`: the method reports what is missing, as `required`', async () => {
    const h = setup();
    const insert = await h.api('POST', EVENTS, '', { 'content-type': 'application/json' });
    expectEnvelope(insert, 400, 'required');
    expect(insert.body.error.errors[0]).toMatchObject({ message: 'Missing start time.' });
    const stop = await h.api('POST', '/channels/stop', '', { 'content-type': 'application/json' });
    expectEnvelope(stop, 400, 'required');
    expect(stop.body.error.errors[0]).toEqual({
      domain: 'global',
      reason: 'required',
      message: 'Required',
      locationType: 'parameter',
      location: 'id',
    });
    const watch = await h.api('POST', `${EVENTS}/watch`, {});
    expectEnvelope(watch, 400, 'required');
  });

  it('§6 objects where other types belong → 400 invalid naming the field', async () => {
    const h = setup();
    const cases: [Record<string, unknown>, string][] = [
      [{ ...timed('2025-03-06T10:00:00', '2025-03-06T11:00:00'), start: [] }, 'start'],
      [{ ...timed('2025-03-06T10:00:00', '2025-03-06T11:00:00'), attendees: {} }, 'attendees'],
      [
        { ...timed('2025-03-06T10:00:00', '2025-03-06T11:00:00'), recurrence: 'RRULE' },
        'recurrence',
      ],
      [{ ...timed('2025-03-06T10:00:00', '2025-03-06T11:00:00'), summary: ['x'] }, 'summary'],
      [
        {
          ...timed('2025-03-06T10:00:00', '2025-03-06T11:00:00'),
          extendedProperties: { private: { a: 1 } },
        },
        'extendedProperties.private.a',
      ],
    ];
    for (const [body, location] of cases) {
      const res = await h.api('POST', EVENTS, body);
      expectEnvelope(res, 400, 'invalid');
      expect(res.body.error.errors[0].location).toBe(location);
    }
  });

  it('§6 [open] 2 MiB bodies → 413 uploadTooLarge on every JSON endpoint, before any work', async () => {
    const h = setup();
    const big = JSON.stringify({ summary: 'x'.repeat(2 * 1024 * 1024) });
    for (const [method, path] of [
      ['POST', EVENTS],
      ['PATCH', `${EVENTS}/abcdefgh`],
      ['POST', `${EVENTS}/watch`],
      ['POST', '/freeBusy'],
      ['POST', '/calendars'],
    ] as const) {
      const res = await h.api(method, path, big);
      expectEnvelope(res, 413, 'uploadTooLarge');
      expect(res.body.error.errors[0]).toEqual({
        domain: 'global',
        reason: 'uploadTooLarge',
        message: 'Request payload size exceeds the limit: 1048576 bytes.',
      });
    }
    // Exactly 1 MiB is still read (and then judged on its content).
    const limit = `{"summary":"${'x'.repeat(1024 * 1024 - 14)}"}`;
    expect(new TextEncoder().encode(limit).byteLength).toBe(1024 * 1024);
    expect((await h.api('POST', EVENTS, limit)).status).toBe(400);
    // A lying Content-Length over the limit is refused without reading the body.
    const declared = await h.g.fetch(`${BASE}${EVENTS}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${h.token}`,
        'content-type': 'application/json',
        'content-length': String(3 * 1024 * 1024),
      },
      body: '{}',
    });
    expect(declared.status).toBe(413);
  });

  it('§3 ids with a prototype name and other odd strings are ordinary ids', async () => {
    const h = setup();
    for (const id of ['__proto__', 'constructor', 'toString']) {
      const res = await h.api('GET', `${EVENTS}/${id}`);
      expect(res.body, id).toEqual(NOT_FOUND);
    }
    // `constructor` happens to be base32hex (a–v): a valid client id like any other.
    const insert = await h.api('POST', EVENTS, {
      ...timed('2025-03-06T10:00:00', '2025-03-06T11:00:00'),
      id: 'constructor',
    });
    expect(insert.status).toBe(200);
    expect((await h.api('GET', `${EVENTS}/constructor`)).body.id).toBe('constructor');
    const proto = await h.api('POST', EVENTS, {
      ...timed('2025-03-06T10:00:00', '2025-03-06T11:00:00'),
      id: '__proto__',
    });
    expectEnvelope(proto, 400, 'invalid');
    expect(proto.body.error.errors[0].location).toBe('id');
    const fb = await h.api('POST', '/freeBusy', {
      timeMin: '2025-03-06T00:00:00Z',
      timeMax: '2025-03-07T00:00:00Z',
      items: [{ id: '__proto__' }, { id: 'primary' }],
    });
    expect(fb.status).toBe(200);
    expect(Object.keys(fb.body.calendars)).toEqual(['__proto__', 'primary']);
    expect(new Map(Object.entries(fb.body.calendars)).get('__proto__')).toEqual({
      errors: [{ domain: 'global', reason: 'notFound' }],
      busy: [],
    });
  });

  it('§5 freeBusy: an invalid timeZone is refused, not silently read as UTC', async () => {
    const h = setup();
    const res = await h.api('POST', '/freeBusy', {
      timeMin: '2025-03-06T00:00:00Z',
      timeMax: '2025-03-07T00:00:00Z',
      timeZone: 'Mars/Olympus_Mons',
      items: [{ id: 'primary' }],
    });
    expectEnvelope(res, 400, 'invalid');
    expect(res.body.error.errors[0].location).toBe('timeZone');
  });

  it('§6 a table of hostile requests: never a 500, always the envelope', async () => {
    const h = setup({ seed: 'demo' });
    const requests: [string, string, unknown?][] = [
      ['GET', `${EVENTS}?singleEvents=true&timeMax=9999-12-31T23:59:59Z`],
      ['GET', `${EVENTS}?singleEvents=true&timeMin=0001-01-01T00:00:00Z`],
      ['GET', `${EVENTS}?timeMin=9999-12-31T00:00:00Z`],
      ['GET', `${EVENTS}?updatedMin=2999-01-01T00:00:00Z`],
      ['GET', `${EVENTS}?syncToken=${enc('😀')}`],
      ['GET', `${EVENTS}?pageToken=${enc('😀')}`],
      ['GET', `${EVENTS}?q=${enc('\u0000')}`],
      ['GET', `${EVENTS}?iCalUID=${enc('😀')}`],
      ['POST', `${EVENTS}/quickAdd?text=${enc('x'.repeat(20_000))}`],
      ['POST', `${EVENTS}/quickAdd?text=${enc('\u0000')}`],
      [
        'POST',
        '/freeBusy',
        {
          timeMin: '2025-03-01T00:00:00Z',
          timeMax: '2099-03-01T00:00:00Z',
          items: [{ id: 'primary' }, { id: h.g.calendarIds.personal }],
        },
      ],
      [
        'POST',
        `${EVENTS}/watch`,
        {
          id: 'huge',
          type: 'web_hook',
          address: 'https://e.example',
          params: { ttl: '9'.repeat(30) },
        },
      ],
      ['POST', `${EVENTS}/watch`, { id: 'js', type: 'web_hook', address: 'javascript:alert(1)' }],
      ['POST', EVENTS, { start: { date: '0000-01-01' }, end: { date: '0000-01-02' } }],
      ['POST', EVENTS, { start: { date: '2025-02-30' }, end: { date: '2025-03-01' } }],
    ];
    for (const [method, path, body] of requests) {
      const res = await h.api(method, path, body);
      expect(res.status, `${method} ${path}`).toBeLessThan(500);
      if (res.status >= 400) expectEnvelope(res, res.status);
    }
  }, 60_000);
});
