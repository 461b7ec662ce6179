import { describe, expect, it } from 'vitest';
import { AuthExpired } from '../../../../extension/sync/errors';
import { createGoogleClient } from '../../../../extension/sync/google/client';
import { mapGoogleError } from '../../../../extension/sync/google/error-map';
import { createHttp } from '../../../../extension/sync/http';
import type { TokenPort } from '../../../../extension/sync/ports';
import { createFakeFetch, createFakeTime, googleError } from '../fake-fetch';

function fakeTokens(supply: (string | undefined)[]) {
  const invalidated: string[] = [];
  const tokens: TokenPort = {
    getAccessToken: async () => supply.shift(),
    invalidate: async (_source, token) => {
      invalidated.push(token);
    },
  };
  return { tokens, invalidated };
}

function setup(supply: (string | undefined)[]) {
  const fake = createFakeFetch();
  const http = createHttp({
    fetch: fake.fetch,
    ...createFakeTime(),
    random: () => 0,
    mapError: mapGoogleError,
  });
  const { tokens, invalidated } = fakeTokens(supply);
  const client = createGoogleClient({ http, tokens, sourceId: 'me', baseUrl: 'http://emu.test/' });
  return { fake, client, invalidated };
}

const emptyEvents = { kind: 'calendar#events', items: [], nextSyncToken: 's1' };
const unauthorized = { status: 401, body: googleError(401, 'authError', 'Invalid Credentials') };

describe('Google client', () => {
  it('builds /calendar/v3 URLs with the query and a bearer token', async () => {
    const { fake, client } = setup(['t1']);
    fake.push({ body: emptyEvents });
    await client.listEvents('team@group.calendar.google.com', {
      syncToken: 'a b',
      singleEvents: true,
    });
    const call = fake.calls[0];
    expect(call?.url).toBe(
      'http://emu.test/calendar/v3/calendars/team%40group.calendar.google.com/events?syncToken=a+b&singleEvents=true',
    );
    expect(call?.headers.authorization).toBe('Bearer t1');
  });

  it('on 401 invalidates the token and retries once with a renewed one', async () => {
    const { fake, client, invalidated } = setup(['old', 'new']);
    fake.push(unauthorized, {
      body: { kind: 'calendar#calendarList', items: [], nextSyncToken: 'c' },
    });
    await expect(client.listCalendarList({})).resolves.toMatchObject({ nextSyncToken: 'c' });
    expect(invalidated).toEqual(['old']);
    expect(fake.calls.map((c) => c.headers.authorization)).toEqual(['Bearer old', 'Bearer new']);
  });

  it('a second 401 surfaces as AuthExpired', async () => {
    const { fake, client, invalidated } = setup(['old', 'new']);
    fake.push(unauthorized, unauthorized);
    await expect(client.listEvents('primary', {})).rejects.toBeInstanceOf(AuthExpired);
    expect(invalidated).toEqual(['old']);
    expect(fake.calls).toHaveLength(2);
  });

  it('no token at all is AuthExpired without a request', async () => {
    const { fake, client } = setup([undefined]);
    await expect(client.listEvents('primary', {})).rejects.toBeInstanceOf(AuthExpired);
    expect(fake.calls).toHaveLength(0);
  });
});
