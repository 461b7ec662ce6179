import { z } from 'zod';
import type { PushDeliverer } from '../../common/push-delivery';
import { errors } from '../errors';
import type { ChangeTarget, GoogleState } from '../state';
import { httpDate } from '../time';

/**
 * Push channels (spec §4): `events.watch` / `calendarList.watch` create a channel, Google sends a
 * `sync` message (number 1) at once and an `exists` message after every change of the watched
 * collection, with rising message numbers that may skip values. Deliveries go through the shared
 * PushDeliverer (retries on 500/502/503/504, drop/delay/duplicate/reorder controls).
 */
export const DEFAULT_CHANNEL_TTL_MS = 7 * 86_400_000;
// [open] Google "may shorten" the TTL; we cap every channel at the 7-day default, so a client
// must always read the returned `expiration` (stricter than honouring longer requests).
export const MAX_CHANNEL_TTL_MS = DEFAULT_CHANNEL_TTL_MS;

export const watchBodySchema = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9\-_+/=]+$/),
  type: z.literal('web_hook'),
  address: z.string().min(1),
  token: z.string().max(256).optional(),
  expiration: z.union([z.string().regex(/^\d+$/), z.int().min(0)]).optional(),
  params: z.object({ ttl: z.string().regex(/^\d+$/).optional() }).optional(),
});
export type WatchBody = z.infer<typeof watchBodySchema>;

export interface Channel {
  id: string;
  resourceId: string;
  resourceUri: string;
  token?: string;
  address: string;
  expiration: number;
  userId: string;
  target: ChangeTarget;
  lastMessage: number;
}

function sameTarget(a: ChangeTarget, b: ChangeTarget): boolean {
  if (a.kind === 'events' && b.kind === 'events') return a.calendarId === b.calendarId;
  if (a.kind === 'calendarList' && b.kind === 'calendarList') return a.userId === b.userId;
  return false;
}

function checkAddress(address: string): void {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw errors.invalid(`Invalid value for: ${address} is not a valid URL.`, 'address');
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  // spec §4: https only; plain http is allowed for a receiver on this machine (tests).
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local))
    throw errors.webhookUrlNotHttps(address);
}

export class ChannelRegistry {
  readonly #state: GoogleState;
  readonly #push: PushDeliverer;
  #channels = new Map<string, Channel>();

  constructor(state: GoogleState, push: PushDeliverer) {
    this.#state = state;
    this.#push = push;
  }

  watch(
    userId: string,
    target: ChangeTarget,
    body: WatchBody,
    resource: { id: string; uri: string },
  ): Channel {
    if (this.#channels.has(body.id)) throw errors.channelIdNotUnique();
    checkAddress(body.address);
    const now = this.#state.now();
    let expiration = now + DEFAULT_CHANNEL_TTL_MS;
    if (body.params?.ttl !== undefined) expiration = now + Number(body.params.ttl) * 1000;
    if (body.expiration !== undefined) expiration = Number(body.expiration);
    if (expiration <= now)
      throw errors.invalid('Invalid value for: expiration is in the past.', 'expiration');
    expiration = Math.min(expiration, now + MAX_CHANNEL_TTL_MS);
    const channel: Channel = {
      id: body.id,
      resourceId: resource.id,
      resourceUri: resource.uri,
      ...(body.token === undefined ? {} : { token: body.token }),
      address: body.address,
      expiration,
      userId,
      target,
      lastMessage: 0,
    };
    this.#channels.set(channel.id, channel);
    // spec §4: the `sync` message may arrive before the watch response does.
    this.#deliver(channel, 'sync');
    return channel;
  }

  /** spec §4: only the creator may stop a channel; unknown or foreign → 404. */
  stop(userId: string, id: string, resourceId: string): void {
    const channel = this.#channels.get(id);
    if (channel === undefined || channel.userId !== userId || resourceId !== channel.resourceId) {
      throw errors.notFound(`Channel '${id}' not found for project 'almanac-emulator'`);
    }
    this.#channels.delete(id);
  }

  /** Called after every commit: one `exists` message per live channel on a touched collection. */
  notify(targets: ChangeTarget[]): void {
    const now = this.#state.now();
    for (const channel of [...this.#channels.values()]) {
      if (now >= channel.expiration) {
        this.#channels.delete(channel.id); // expired channels stop delivering
        continue;
      }
      if (targets.some((t) => sameTarget(t, channel.target))) this.#deliver(channel, 'exists');
    }
  }

  list(): Channel[] {
    return [...this.#channels.values()].map((c) => ({ ...c }));
  }

  clear(): void {
    this.#channels.clear();
  }

  #deliver(channel: Channel, state: 'sync' | 'exists'): void {
    // Message numbers rise but may skip (spec §4); the first is always 1.
    channel.lastMessage = state === 'sync' ? 1 : channel.lastMessage + 1 + this.#state.prng.int(3);
    this.#push.enqueue({
      url: channel.address,
      headers: {
        'X-Goog-Channel-ID': channel.id,
        'X-Goog-Channel-Expiration': httpDate(channel.expiration),
        ...(channel.token === undefined ? {} : { 'X-Goog-Channel-Token': channel.token }),
        'X-Goog-Message-Number': String(channel.lastMessage),
        'X-Goog-Resource-ID': channel.resourceId,
        'X-Goog-Resource-URI': channel.resourceUri,
        'X-Goog-Resource-State': state,
      },
    });
  }
}
