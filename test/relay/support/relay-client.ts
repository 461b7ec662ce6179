// A small client for the relay's routes, over any fetch (SELF.fetch on workerd, app.fetch in
// Node), plus the provider side: Todoist webhooks signed with a real HMAC, Google messages.
import {
  AUTHORIZATION,
  LAST_EVENT_ID,
  RELAY_ROUTES,
  type SubscriberCreated,
  subscriberCreatedSchema,
} from '../../../shared/relay-protocol';
import { SseReader } from './sse-reader';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export const RELAY_BASE = 'https://relay.test';

/** base64(HMAC-SHA256(raw body, client secret)), computed here rather than taken from fixtures. */
export async function todoistSignature(body: string, clientSecret: string): Promise<string> {
  const enc = new TextEncoder();
  const key = await crypto.subtle.importKey(
    'raw',
    enc.encode(clientSecret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, enc.encode(body)));
  return btoa(String.fromCharCode(...mac));
}

/** A webhook body shaped like Todoist's (spec §7), with content the relay must never forward. */
export function todoistWebhookBody(opts: {
  userId: string | number;
  eventName?: string;
  objectId?: string;
  content?: string;
  updatedAt?: string;
}): string {
  return JSON.stringify({
    event_name: opts.eventName ?? 'item:updated',
    user_id: opts.userId,
    event_data: {
      id: opts.objectId ?? '6X7rM8997g3RQmvh',
      content: opts.content ?? 'Buy milk',
      description: 'secret plans',
      project_id: '6Jf8VQXxpwv56VQ7',
      updated_at: opts.updatedAt ?? '2026-05-01T10:00:00.000000Z',
    },
    initiator: { id: String(opts.userId), email: 'someone@example.com', full_name: 'Someone' },
    triggered_at: '2026-05-01T10:00:00.000000Z',
    version: '1',
  });
}

let deliveryCounter = 0;
export function newDeliveryId(): string {
  deliveryCounter += 1;
  return `delivery-${Date.now()}-${deliveryCounter}`;
}

export function relayClient(fetchFn: FetchLike, base = RELAY_BASE) {
  const url = (path: string) => `${base}${path}`;
  const bearer = (sub: SubscriberCreated) => ({ [AUTHORIZATION]: `Bearer ${sub.secret}` });
  const json = (sub: SubscriberCreated, body: unknown) => ({
    headers: { ...bearer(sub), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

  return {
    url,
    bearer,
    async createSubscriber(): Promise<SubscriberCreated> {
      const res = await fetchFn(url(RELAY_ROUTES.subscribers), { method: 'POST' });
      if (res.status !== 201) throw new Error(`create subscriber: ${res.status}`);
      return subscriberCreatedSchema.parse(await res.json());
    },
    linkTodoist(sub: SubscriberCreated, userId: string, method: 'PUT' | 'DELETE' = 'PUT') {
      return fetchFn(url(RELAY_ROUTES.todoistLink(sub.subscriberId)), {
        method,
        ...json(sub, { userId }),
      });
    },
    async channelToken(sub: SubscriberCreated, channelId: string): Promise<string> {
      const res = await fetchFn(url(RELAY_ROUTES.channelTokens(sub.subscriberId)), {
        method: 'POST',
        ...json(sub, { channelId }),
      });
      if (res.status !== 200) throw new Error(`channel token: ${res.status}`);
      return ((await res.json()) as { token: string }).token;
    },
    deleteSubscriber(sub: SubscriberCreated) {
      return fetchFn(url(RELAY_ROUTES.subscriber(sub.subscriberId)), {
        method: 'DELETE',
        headers: bearer(sub),
      });
    },
    /** Opens the events stream; the caller must `sse.cancel()` when done. */
    async openEvents(sub: SubscriberCreated, lastEventId?: string) {
      const res = await fetchFn(url(RELAY_ROUTES.events(sub.subscriberId)), {
        headers: {
          ...bearer(sub),
          ...(lastEventId === undefined ? {} : { [LAST_EVENT_ID]: lastEventId }),
        },
      });
      if (res.status !== 200) throw new Error(`events: ${res.status} ${await res.text()}`);
      return { res, sse: new SseReader(res.body) };
    },
    async postTodoist(
      body: string,
      opts: { clientSecret: string; deliveryId?: string; signature?: string | null },
    ) {
      const signature =
        opts.signature === undefined
          ? await todoistSignature(body, opts.clientSecret)
          : opts.signature;
      return fetchFn(url(RELAY_ROUTES.todoistHook), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Todoist-Webhooks',
          'x-todoist-delivery-id': opts.deliveryId ?? newDeliveryId(),
          ...(signature === null ? {} : { 'x-todoist-hmac-sha256': signature }),
        },
        body,
      });
    },
    postGoogle(headers: Record<string, string>) {
      return fetchFn(url(RELAY_ROUTES.googleHook), { method: 'POST', headers });
    },
  };
}

/** The headers of a Google watch-channel message (spec §4), as the emulator sends them. */
export function googleHeaders(opts: {
  channelId: string;
  token?: string;
  messageNumber?: number;
  state?: string;
}): Record<string, string> {
  return {
    'X-Goog-Channel-ID': opts.channelId,
    'X-Goog-Channel-Expiration': 'Fri, 08 May 2026 10:00:00 GMT',
    ...(opts.token === undefined ? {} : { 'X-Goog-Channel-Token': opts.token }),
    'X-Goog-Message-Number': String(opts.messageNumber ?? 1),
    'X-Goog-Resource-ID': 'ret08u3rv24htgh289g',
    'X-Goog-Resource-URI':
      'https://www.googleapis.com/calendar/v3/calendars/someone%40example.com/events?alt=json',
    'X-Goog-Resource-State': opts.state ?? 'exists',
  };
}
