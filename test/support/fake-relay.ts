// An in-process stand-in for the relay (shared/relay-protocol.ts), built with Hono, for the push
// client's engine, extension and bench tests: subscribers with bearer secrets, Todoist links, a
// bounded per-subscriber log, and event streams the test controls — it appends notifications,
// writes raw bytes (malformed events, pings, odd chunking), drops connections, forgets
// subscribers and fails requests. Every request is recorded.
import { Hono } from 'hono';
import {
  LAST_EVENT_ID,
  type RelayNotification,
  type TodoistNotification,
  todoistLinkSchema,
} from '../../shared/relay-protocol';
import { inProcessFetch } from '../emulators/common/in-process';

export interface RelayRequest {
  readonly method: string;
  readonly path: string;
  readonly lastEventId?: string;
  readonly body?: unknown;
}

interface Subscriber {
  readonly secret: string;
  readonly links: Set<string>;
  readonly log: { id: number; json: string }[];
  readonly streams: Set<ReadableStreamDefaultController<Uint8Array>>;
}

export interface FakeRelay {
  readonly url: string;
  readonly app: Hono;
  /** Routes every request into the app (whatever the host). */
  readonly fetch: typeof fetch;
  readonly requests: RelayRequest[];
  subscriberIds(): string[];
  links(subscriberId: string): string[];
  /** Appends to the log and writes to every open stream; returns the event id. */
  notify(subscriberId: string, notification: RelayNotification): number;
  /** Writes raw text to every open stream of the subscriber. */
  writeRaw(subscriberId: string, text: string): void;
  /** Ends every open stream (`error`: as a broken connection rather than a clean end). */
  drop(subscriberId: string, how?: 'end' | 'error'): void;
  openStreams(subscriberId: string): number;
  /** The relay loses the subscriber: its routes answer 401 from now on. */
  forget(subscriberId: string): void;
  /** The next `times` events requests answer `status` (with Retry-After when given). */
  failEvents(status: number, times: number, retryAfterSeconds?: number): void;
  /** The log keeps only ids above this one (older ones fell out: a resume behind it is a gap). */
  trimLogThrough(subscriberId: string, id: number): void;
}

const encoder = new TextEncoder();

export function createFakeRelay(url = 'https://relay.test'): FakeRelay {
  const app = new Hono();
  const subscribers = new Map<string, Subscriber>();
  const requests: RelayRequest[] = [];
  const failures: { status: number; retryAfter?: number }[] = [];
  let nextId = 1;
  let created = 0;
  const trimmed = new Map<string, number>();

  const write = (c: ReadableStreamDefaultController<Uint8Array>, text: string) => {
    try {
      c.enqueue(encoder.encode(text));
    } catch {
      // already closed by the client
    }
  };

  function authorized(id: string, header: string | undefined): Subscriber | undefined {
    const sub = subscribers.get(id);
    return sub && header === `Bearer ${sub.secret}` ? sub : undefined;
  }

  app.post('/v1/subscribers', (c) => {
    requests.push({ method: 'POST', path: c.req.path });
    created += 1;
    const subscriberId = `sub_${String(created).padStart(4, '0')}_abcdefghij`;
    const secret = `secret-${created}-${'x'.repeat(40)}`;
    subscribers.set(subscriberId, { secret, links: new Set(), log: [], streams: new Set() });
    return c.json({ subscriberId, secret }, 201);
  });

  app.delete('/v1/subscribers/:id', (c) => {
    const id = c.req.param('id');
    requests.push({ method: 'DELETE', path: c.req.path });
    if (!authorized(id, c.req.header('authorization'))) {
      return c.json({ error: 'unauthorized', message: 'no' }, 401);
    }
    subscribers.delete(id);
    return c.body(null, 204);
  });

  const link = (method: 'PUT' | 'DELETE') => async (c: import('hono').Context) => {
    const id = c.req.param('id') ?? '';
    const body = todoistLinkSchema.safeParse(await c.req.json().catch(() => undefined));
    requests.push({ method, path: c.req.path, body: body.success ? body.data : undefined });
    const sub = authorized(id, c.req.header('authorization'));
    if (!sub) return c.json({ error: 'unauthorized', message: 'no' }, 401);
    if (!body.success) return c.json({ error: 'bad_request', message: 'bad body' }, 400);
    if (method === 'PUT') sub.links.add(body.data.userId);
    else sub.links.delete(body.data.userId);
    return c.body(null, 204);
  };
  app.put('/v1/subscribers/:id/todoist', link('PUT'));
  app.delete('/v1/subscribers/:id/todoist', link('DELETE'));

  app.get('/v1/subscribers/:id/events', (c) => {
    const id = c.req.param('id');
    const lastEventId = c.req.header(LAST_EVENT_ID);
    requests.push({
      method: 'GET',
      path: c.req.path,
      ...(lastEventId === undefined ? {} : { lastEventId }),
    });
    const failure = failures.shift();
    if (failure) {
      const headers: Record<string, string> =
        failure.retryAfter === undefined ? {} : { 'retry-after': String(failure.retryAfter) };
      return c.json({ error: 'unavailable', message: 'down' }, failure.status as 503, headers);
    }
    const sub = authorized(id, c.req.header('authorization'));
    if (!sub) return c.json({ error: 'unauthorized', message: 'no' }, 401);
    let mine: ReadableStreamDefaultController<Uint8Array> | undefined;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        mine = controller;
        sub.streams.add(controller);
        const latest = sub.log.at(-1)?.id ?? trimmed.get(id) ?? 0;
        write(
          controller,
          `event: ready\ndata: ${JSON.stringify({ latestId: String(latest) })}\n\n`,
        );
        if (lastEventId === undefined) return;
        const last = /^\d+$/.test(lastEventId) ? Number(lastEventId) : Number.NaN;
        const oldest = trimmed.get(id) ?? 0;
        if (Number.isNaN(last) || last > latest) {
          const reset = { reason: 'unknown-id', latestId: String(latest) };
          write(controller, `event: reset\ndata: ${JSON.stringify(reset)}\n\n`);
          return;
        }
        if (last < oldest) {
          const reset = { reason: 'gap', latestId: String(latest) };
          write(controller, `event: reset\ndata: ${JSON.stringify(reset)}\n\n`);
          return;
        }
        for (const entry of sub.log) {
          if (entry.id > last) write(controller, frame(entry.id, entry.json));
        }
      },
      cancel() {
        if (mine) sub.streams.delete(mine);
      },
    });
    return c.body(stream, 200, { 'content-type': 'text/event-stream; charset=utf-8' });
  });

  app.notFound((c) => c.json({ error: 'not_found', message: c.req.path }, 404));

  return {
    url,
    app,
    fetch: inProcessFetch(app),
    requests,
    subscriberIds: () => [...subscribers.keys()],
    links: (id) => [...(subscribers.get(id)?.links ?? [])].sort(),
    notify(subscriberId, notification) {
      const sub = subscribers.get(subscriberId);
      if (!sub) throw new Error(`no subscriber ${subscriberId}`);
      const id = nextId++;
      const json = JSON.stringify(notification);
      sub.log.push({ id, json });
      for (const c of sub.streams) write(c, frame(id, json));
      return id;
    },
    writeRaw(subscriberId, text) {
      for (const c of subscribers.get(subscriberId)?.streams ?? []) write(c, text);
    },
    drop(subscriberId, how = 'end') {
      const sub = subscribers.get(subscriberId);
      for (const c of sub?.streams ?? []) {
        try {
          if (how === 'end') c.close();
          else c.error(new TypeError('network connection lost'));
        } catch {
          // already closed
        }
      }
      sub?.streams.clear();
    },
    openStreams: (id) => subscribers.get(id)?.streams.size ?? 0,
    forget(subscriberId) {
      subscribers.delete(subscriberId);
    },
    failEvents(status, times, retryAfterSeconds) {
      for (let i = 0; i < times; i++) {
        failures.push({
          status,
          ...(retryAfterSeconds === undefined ? {} : { retryAfter: retryAfterSeconds }),
        });
      }
    },
    trimLogThrough(subscriberId, id) {
      const sub = subscribers.get(subscriberId);
      if (!sub) return;
      trimmed.set(subscriberId, id);
      sub.log.splice(0, sub.log.length, ...sub.log.filter((e) => e.id > id));
    },
  };
}

function frame(id: number, json: string): string {
  return `id: ${id}\nevent: notification\ndata: ${json}\n\n`;
}

/** A Todoist notification as the relay reduces a webhook (spec §7) — test shorthand. */
export function todoistNotification(
  userId: string,
  event: string,
  fields: { objectId?: string; updatedAt?: string; deliveryId?: string; receivedAt?: number } = {},
): TodoistNotification {
  return {
    provider: 'todoist',
    userId,
    event,
    ...(fields.objectId === undefined ? {} : { objectId: fields.objectId }),
    ...(fields.updatedAt === undefined ? {} : { updatedAt: fields.updatedAt }),
    deliveryId: fields.deliveryId ?? `delivery-${event}-${fields.objectId ?? 'none'}`,
    receivedAt: fields.receivedAt ?? 0,
  };
}

/** A webhook body the Todoist emulator delivered (spec §7), reduced as the relay does. */
export function notificationFromWebhook(
  body: string,
  deliveryId: string,
  receivedAt: number,
): TodoistNotification {
  const hook = JSON.parse(body) as {
    event_name: string;
    user_id: string | number;
    event_data?: { id?: string | number; updated_at?: string | null };
  };
  const data = hook.event_data ?? {};
  return todoistNotification(String(hook.user_id), hook.event_name, {
    ...(data.id === undefined ? {} : { objectId: String(data.id) }),
    ...(typeof data.updated_at === 'string' ? { updatedAt: data.updated_at } : {}),
    deliveryId,
    receivedAt,
  });
}
