// The official `googleapis` client, pointed at the emulator over real HTTP, proves the emulator speaks
// Google's protocol (issue 2 §6): a paginated windowed full sync, incremental sync, patch with
// If-Match, quick add, watch and stop — with the client's own URL building, query encoding and
// error handling, not ours.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type calendar_v3, google } from 'googleapis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../emulators/common/clock';
import { startServer } from '../emulators/common/node-server';
import { createGoogleEmulator, type GoogleEmulator } from '../emulators/google/index';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-18T15:00:00Z');

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

describe('googleapis client against the Google emulator', () => {
  let emulator: GoogleEmulator;
  let server: { url: string; close(): Promise<void> };
  let calendar: calendar_v3.Calendar;
  let other: calendar_v3.Calendar;
  let receiver: Server;
  let receiverUrl: string;
  const received: Received[] = [];

  const client = (token: string) => {
    const auth = new google.auth.OAuth2();
    auth.setCredentials({ access_token: token });
    return google.calendar({ version: 'v3', rootUrl: `${server.url}/`, auth });
  };

  beforeAll(async () => {
    emulator = createGoogleEmulator({
      clock: new ManualClock(NOW),
      seed: 'demo',
      pushRetryDelaysMs: [10, 20],
    });
    server = await startServer(emulator.app, { port: 0 });
    calendar = client(emulator.issueToken('demo'));
    other = client(emulator.issueToken('demo')); // "another client" of the same user
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/push`;
  });

  afterAll(async () => {
    await server?.close();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  async function fullSync(calendarId: string, maxResults: number) {
    const items: calendar_v3.Schema$Event[] = [];
    let pageToken: string | undefined;
    let pages = 0;
    const query = {
      calendarId,
      singleEvents: true,
      maxResults,
      timeMin: new Date(NOW - 30 * DAY).toISOString(),
      timeMax: new Date(NOW + 365 * DAY).toISOString(),
    };
    for (;;) {
      const { data } = await calendar.events.list({ ...query, pageToken });
      pages++;
      items.push(...(data.items ?? []));
      // spec §1: exactly one of nextPageToken / nextSyncToken on every page.
      expect(Boolean(data.nextPageToken) !== Boolean(data.nextSyncToken)).toBe(true);
      if (data.nextSyncToken) return { items, pages, syncToken: data.nextSyncToken };
      pageToken = data.nextPageToken ?? undefined;
    }
  }

  it('lists the calendar list with the demo calendars, primary first-class', async () => {
    const { data } = await calendar.calendarList.list();
    expect(data.kind).toBe('calendar#calendarList');
    const primary = data.items?.find((c) => c.primary);
    expect(primary?.accessRole).toBe('owner');
    expect(data.items?.length).toBeGreaterThanOrEqual(3);
    expect(data.nextSyncToken).toBeTruthy();
  });

  it('does a paginated windowed full sync, then an incremental sync', async () => {
    const first = await fullSync('primary', 5);
    expect(first.pages).toBeGreaterThan(1);
    expect(first.items.length).toBeGreaterThan(5);
    expect(new Set(first.items.map((e) => e.id)).size).toBe(first.items.length);

    // Nothing changed: an incremental sync answers no items and a token.
    const quiet = await calendar.events.list({
      calendarId: 'primary',
      singleEvents: true,
      syncToken: first.syncToken,
    });
    expect(quiet.data.items).toEqual([]);
    expect(quiet.data.nextSyncToken).toBeTruthy();

    const created = await other.events.insert({
      calendarId: 'primary',
      requestBody: {
        summary: 'Conformance check',
        start: { dateTime: new Date(NOW + DAY).toISOString() },
        end: { dateTime: new Date(NOW + DAY + 3_600_000).toISOString() },
      },
    });
    const victim = first.items.find((e) => !e.recurringEventId)!;
    await other.events.delete({ calendarId: 'primary', eventId: victim.id! });

    // The emulator binds a token to its listing's singleEvents (the stricter [open] choice).
    const changes = await calendar.events.list({
      calendarId: 'primary',
      singleEvents: true,
      syncToken: first.syncToken,
    });
    const byId = new Map(changes.data.items?.map((e) => [e.id, e]));
    expect(byId.get(created.data.id)?.summary).toBe('Conformance check');
    expect(byId.get(victim.id)?.status).toBe('cancelled');
  });

  it('refuses a sync token used with restricting parameters (spec §1)', async () => {
    const { syncToken } = await fullSync('primary', 2500);
    await expect(
      calendar.events.list({
        calendarId: 'primary',
        singleEvents: true,
        syncToken,
        timeMin: new Date(NOW).toISOString(),
      }),
    ).rejects.toMatchObject({ status: 400 });
  });

  it('answers 410 fullSyncRequired for an expired sync token (spec §1)', async () => {
    const { syncToken } = await fullSync('primary', 2500);
    emulator.expireSyncTokens({});
    const error = await calendar.events
      .list({ calendarId: 'primary', singleEvents: true, syncToken })
      .then(() => null)
      .catch((e: { status?: number; response?: { data?: unknown } }) => e);
    expect(error?.status).toBe(410);
    expect(error?.response?.data).toEqual({
      error: {
        errors: [
          {
            domain: 'calendar',
            reason: 'fullSyncRequired',
            message: 'Sync token is no longer valid, a full sync is required.',
            locationType: 'parameter',
            location: 'syncToken',
          },
        ],
        code: 410,
        message: 'Sync token is no longer valid, a full sync is required.',
      },
    });
  });

  it('patches with If-Match, and a stale etag gets 412 (spec §3)', async () => {
    const { data: event } = await calendar.events.insert({
      calendarId: 'primary',
      requestBody: {
        summary: 'Etag guarded',
        start: { dateTime: new Date(NOW + 2 * DAY).toISOString() },
        end: { dateTime: new Date(NOW + 2 * DAY + 1_800_000).toISOString() },
      },
    });
    const patched = await calendar.events.patch(
      {
        calendarId: 'primary',
        eventId: event.id!,
        requestBody: { summary: 'Etag guarded (moved)' },
      },
      { headers: { 'If-Match': event.etag! } },
    );
    expect(patched.data.summary).toBe('Etag guarded (moved)');
    expect(patched.data.etag).not.toBe(event.etag);
    await expect(
      calendar.events.patch(
        { calendarId: 'primary', eventId: event.id!, requestBody: { summary: 'lost update' } },
        { headers: { 'If-Match': event.etag! } },
      ),
    ).rejects.toMatchObject({ status: 412 });
  });

  it('quick-adds an event from text (spec §3)', async () => {
    const { data } = await calendar.events.quickAdd({
      calendarId: 'primary',
      text: 'Lunch with Sam tomorrow 1pm',
    });
    expect(data.summary).toBe('Lunch with Sam');
    expect(data.start?.dateTime).toBeTruthy();
  });

  it('watches a calendar, delivers sync then exists, and stops (spec §4)', async () => {
    const { data: channel } = await calendar.events.watch({
      calendarId: 'primary',
      requestBody: {
        id: 'conformance-channel-1',
        type: 'web_hook',
        address: receiverUrl,
        token: 'tok',
      },
    });
    expect(channel.kind).toBe('api#channel');
    expect(channel.resourceId).toBeTruthy();
    await emulator.push.idle();
    await other.events.insert({
      calendarId: 'primary',
      requestBody: {
        summary: 'Triggers a push',
        start: { dateTime: new Date(NOW + 3 * DAY).toISOString() },
        end: { dateTime: new Date(NOW + 3 * DAY + 3_600_000).toISOString() },
      },
    });
    await emulator.push.idle();
    const states = received.map((r) => r.headers['x-goog-resource-state']);
    expect(states.slice(0, 2)).toEqual(['sync', 'exists']);
    expect(received[0]?.headers['x-goog-message-number']).toBe('1');
    expect(received[0]?.headers['x-goog-channel-id']).toBe('conformance-channel-1');
    expect(received[0]?.headers['x-goog-channel-token']).toBe('tok');

    const stop = await calendar.channels.stop({
      requestBody: { id: channel.id!, resourceId: channel.resourceId! },
    });
    expect(stop.status).toBe(204);
    const before = received.length;
    await other.events.insert({
      calendarId: 'primary',
      requestBody: {
        summary: 'After stop',
        start: { dateTime: new Date(NOW + 4 * DAY).toISOString() },
        end: { dateTime: new Date(NOW + 4 * DAY + 3_600_000).toISOString() },
      },
    });
    await emulator.push.idle();
    expect(received.length).toBe(before);
  });
});
