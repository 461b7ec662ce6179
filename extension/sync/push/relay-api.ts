// The relay's REST routes (shared/relay-protocol.ts is the contract): create and delete a
// subscriber, link and unlink a Todoist user, get a Google channel token. Every answer is validated; a 401/404 means the relay
// no longer knows this subscriber (deleted, or its secret rotated away) and is its own error type,
// because the cure is a new subscriber, not a retry.
import type { z } from 'zod';
import {
  AUTHORIZATION,
  channelTokenIssuedSchema,
  channelTokenRequestSchema,
  RELAY_ROUTES,
  relayErrorSchema,
  type SubscriberCreated,
  subscriberCreatedSchema,
  todoistLinkSchema,
} from '../../../shared/relay-protocol';

/** Where a subscriber lives and how to prove it is ours. */
export interface RelayCredentials {
  /** The relay's base URL, without a trailing slash. */
  readonly relayUrl: string;
  readonly subscriberId: string;
  readonly secret: string;
}

export class RelayError extends Error {
  override readonly name: string = 'RelayError';
  constructor(
    message: string,
    readonly status?: number,
    /** The relay's stable `error` code, when its body had one. */
    readonly code?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** 401 / 404 on a subscriber route: the relay does not know this subscriber (any more). */
export class SubscriberGone extends RelayError {
  override readonly name = 'SubscriberGone';
}

export interface RelayApi {
  createSubscriber(relayUrl: string): Promise<SubscriberCreated>;
  deleteSubscriber(creds: RelayCredentials): Promise<void>;
  linkTodoist(creds: RelayCredentials, userId: string): Promise<void>;
  unlinkTodoist(creds: RelayCredentials, userId: string): Promise<void>;
  /** The `token` for a Google events.watch on `channelId`: the relay signs it for this
   * subscriber and this channel only, and checks it on every message (google spec §4). */
  channelToken(creds: RelayCredentials, channelId: string): Promise<string>;
}

export function createRelayApi(fetchFn: typeof fetch): RelayApi {
  async function send(
    url: string,
    init: RequestInit,
    what: string,
    subscriberRoute: boolean,
  ): Promise<Response> {
    let res: Response;
    try {
      res = await fetchFn(url, init);
    } catch (err) {
      throw new RelayError(`${what}: ${messageOf(err)}`, undefined, undefined, { cause: err });
    }
    if (res.ok) return res;
    const body = relayErrorSchema.safeParse(await res.json().catch(() => undefined));
    const detail = body.success ? body.data.message : res.statusText || 'no details';
    const code = body.success ? body.data.error : undefined;
    const message = `${what}: HTTP ${res.status} (${detail})`;
    if (subscriberRoute && (res.status === 401 || res.status === 404)) {
      throw new SubscriberGone(message, res.status, code);
    }
    throw new RelayError(message, res.status, code);
  }

  async function parsed<T>(res: Response, schema: z.ZodType<T>, what: string): Promise<T> {
    const result = schema.safeParse(await res.json().catch(() => undefined));
    if (!result.success) {
      throw new RelayError(`${what}: the relay answered something we don't understand`);
    }
    return result.data;
  }

  const auth = (creds: RelayCredentials) => ({ [AUTHORIZATION]: `Bearer ${creds.secret}` });

  async function link(creds: RelayCredentials, userId: string, method: 'PUT' | 'DELETE') {
    const body = JSON.stringify(todoistLinkSchema.parse({ userId }));
    const res = await send(
      creds.relayUrl + RELAY_ROUTES.todoistLink(creds.subscriberId),
      { method, headers: { ...auth(creds), 'content-type': 'application/json' }, body },
      method === 'PUT' ? 'link Todoist' : 'unlink Todoist',
      true,
    );
    await res.body?.cancel();
  }

  return {
    async createSubscriber(relayUrl) {
      const what = 'create subscriber';
      const res = await send(relayUrl + RELAY_ROUTES.subscribers, { method: 'POST' }, what, false);
      return parsed(res, subscriberCreatedSchema, what);
    },
    async deleteSubscriber(creds) {
      const res = await send(
        creds.relayUrl + RELAY_ROUTES.subscriber(creds.subscriberId),
        { method: 'DELETE', headers: auth(creds) },
        'delete subscriber',
        true,
      );
      await res.body?.cancel();
    },
    linkTodoist: (creds, userId) => link(creds, userId, 'PUT'),
    unlinkTodoist: (creds, userId) => link(creds, userId, 'DELETE'),
    async channelToken(creds, channelId) {
      const what = 'channel token';
      const body = JSON.stringify(channelTokenRequestSchema.parse({ channelId }));
      const res = await send(
        creds.relayUrl + RELAY_ROUTES.channelTokens(creds.subscriberId),
        { method: 'POST', headers: { ...auth(creds), 'content-type': 'application/json' }, body },
        what,
        true,
      );
      return (await parsed(res, channelTokenIssuedSchema, what)).token;
    },
  };
}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
