// The contract between the relay (relay/) and the extension's push client (extension/sync/push/):
// routes, headers, and the shape of every SSE event. Both sides validate with these schemas, so a
// change here is a change to both — and an old extension meeting a newer relay fails loudly
// (zod error → "relay sent something we don't understand", fall back to polling), never silently.
//
// What crosses the relay (DESIGN.md §4): subscriber ids, channel ids, provider user ids, object ids
// and versions. Never OAuth tokens, event titles, task contents or any other user data.
import { z } from 'zod';

/** Routes, relative to the relay's base URL. `:id` is a subscriber id. */
export const RELAY_ROUTES = {
  /** POST → 201 SubscriberCreated. Anyone may create one; it is useless without its secret. */
  subscribers: '/v1/subscribers',
  /** DELETE (bearer) → 204: forgets the subscriber, its log and every link to it. */
  subscriber: (id: string) => `/v1/subscribers/${encodeURIComponent(id)}`,
  /** GET (bearer) → text/event-stream; resumes after the `Last-Event-ID` header. */
  events: (id: string) => `/v1/subscribers/${encodeURIComponent(id)}/events`,
  /** PUT (bearer, body TodoistLink) → 204 links; DELETE (same body) → 204 unlinks. */
  todoistLink: (id: string) => `/v1/subscribers/${encodeURIComponent(id)}/todoist`,
  /** POST (bearer, body ChannelTokenRequest) → 200 ChannelTokenIssued, for Google events.watch. */
  channelTokens: (id: string) => `/v1/subscribers/${encodeURIComponent(id)}/channel-tokens`,
  /** Todoist's webhook target (the app's "Webhook callback URL"). */
  todoistHook: '/hooks/todoist',
  /** Google's watch-channel `address`. */
  googleHook: '/hooks/google',
} as const;

/** The header carrying the subscriber secret: `Authorization: Bearer <secret>`. */
export const AUTHORIZATION = 'Authorization';
/** SSE resume header (WHATWG HTML §9.2): the id of the last event the client handled. */
export const LAST_EVENT_ID = 'Last-Event-ID';

const subscriberId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'a subscriber id');

export const subscriberCreatedSchema = z.strictObject({
  subscriberId,
  /** Shown once; the relay keeps only its hash. */
  secret: z.string().min(32).max(128),
});
export type SubscriberCreated = z.infer<typeof subscriberCreatedSchema>;

export const todoistLinkSchema = z.strictObject({
  /** The Todoist `user.id` the sync answer reports (spec §7: webhooks carry `user_id`). */
  userId: z.string().min(1).max(64),
});
export type TodoistLink = z.infer<typeof todoistLinkSchema>;

export const channelTokenRequestSchema = z.strictObject({
  /** The channel id the extension will pass to events.watch (Google: ≤ 64 chars, [A-Za-z0-9-_+/=]). */
  channelId: z.string().regex(/^[A-Za-z0-9\-_+/=]{1,64}$/, 'a watch channel id'),
});
export type ChannelTokenRequest = z.infer<typeof channelTokenRequestSchema>;

export const channelTokenIssuedSchema = z.strictObject({
  /** Opaque to the extension; Google echoes it in X-Goog-Channel-Token (≤ 256 chars). */
  token: z.string().min(1).max(256),
});
export type ChannelTokenIssued = z.infer<typeof channelTokenIssuedSchema>;

/** A Todoist webhook, reduced to what tells the client whether it already holds that version. */
export const todoistNotificationSchema = z.strictObject({
  provider: z.literal('todoist'),
  userId: z.string().min(1),
  /** e.g. `item:updated`, `project:added` (spec §7). */
  event: z.string().regex(/^[a-z_]+:[a-z_]+$/),
  /** `event_data.id`, when the payload had one. */
  objectId: z.string().optional(),
  /** `event_data.updated_at`, when present: the client compares it with the row it holds. */
  updatedAt: z.string().optional(),
  /** `X-Todoist-Delivery-ID`: the relay drops a redelivery of an id it already logged. */
  deliveryId: z.string().min(1),
  triggeredAt: z.string().optional(),
  /** When the relay received it (ms since epoch). */
  receivedAt: z.number().int(),
});
export type TodoistNotification = z.infer<typeof todoistNotificationSchema>;

/** A Google watch-channel notification: only ids and the resource state (spec: push). */
export const googleNotificationSchema = z.strictObject({
  provider: z.literal('google'),
  channelId: z.string().min(1),
  resourceId: z.string().min(1),
  resourceState: z.enum(['sync', 'exists', 'not_exists']),
  messageNumber: z.number().int().nonnegative(),
  /** X-Goog-Channel-Expiration when Google sent it. */
  channelExpiration: z.string().optional(),
  receivedAt: z.number().int(),
});
export type GoogleNotification = z.infer<typeof googleNotificationSchema>;

export const relayNotificationSchema = z.discriminatedUnion('provider', [
  todoistNotificationSchema,
  googleNotificationSchema,
]);
export type RelayNotification = z.infer<typeof relayNotificationSchema>;

/**
 * SSE event names on the events stream:
 * - `ready` (no id): sent first on every connection; `{ latestId }` is the newest id in the log.
 * - `notification` (id = the log's sequence number as a decimal string): a RelayNotification.
 * - `reset` (no id): the client's Last-Event-ID fell out of the bounded log (or is from another
 *   log); notifications may have been missed, so the client syncs every scope once. `latestId` is
 *   where to resume from.
 * Comment lines (`: ping`) keep idle connections open; clients ignore them.
 */
export const SSE_EVENTS = { ready: 'ready', notification: 'notification', reset: 'reset' } as const;

export const readyEventSchema = z.strictObject({ latestId: z.string() });
export const resetEventSchema = z.strictObject({
  reason: z.enum(['gap', 'unknown-id']),
  latestId: z.string(),
});

/** How often the relay writes a `: ping` comment on an idle stream. It also keeps the extension's
 * service worker alive: bytes on a fetch do NOT reset Chromium's 30 s idle timer (measured:
 * `npm run bench -- --scenario sw-lifetime`), but the extension API call the client makes on each
 * ping does — so this must stay well below 30 s; 15 s leaves room for one late ping. */
export const RELAY_PING_MS = 15_000;
/** The log keeps at most this many notifications per subscriber… */
export const RELAY_LOG_MAX_ENTRIES = 1_000;
/** …and none older than this. */
export const RELAY_LOG_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/** Error bodies from every relay route: `{ error, message }` with a stable `error` code. */
export const relayErrorSchema = z.strictObject({ error: z.string(), message: z.string() });
