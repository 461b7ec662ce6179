// What each calendar's watch channels need (google spec §4), decided from its row alone. Pure and
// free of API calls, so the watcher can look as often as it likes and pay only when something is
// due: a first channel, a renewal near expiry, a channel that must go.
//
// Spec facts this rests on: a channel lives until its `expiration` (Google may shorten the TTL we
// ask for, so the returned value is the truth); there is no renewal call — a new channel is made
// (overlap is allowed) and then the old one stopped; channels.stop needs the id and resourceId.
import type { CalendarWatch, WatchChannel } from '../../store/records';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface WatchPolicy {
  /** Asked for in `params.ttl`: Google's default, and the most the emulator grants. */
  readonly ttlMs: number;
  /** Renew once less than this is left… */
  readonly renewBeforeMs: number;
  /** …or less than this share of the channel's life, whichever is shorter: a channel Google
   * granted for an hour must not look due for renewal from its first minute. */
  readonly renewShare: number;
  /** Google refused the calendar (a 4xx: e.g. a calendar it will not watch): ask again after. */
  readonly refusedRetryMs: number;
  /** A passing failure (5xx, rate limit, network, sign-in needed): ask again after. */
  readonly failedRetryMs: number;
  /** A `pending` marker this old belongs to a worker that stopped mid-request: forget it. */
  readonly pendingStaleMs: number;
  /** How many stopped channel ids a row remembers (their late messages still route). */
  readonly keepStopped: number;
}

export const DEFAULT_WATCH_POLICY: WatchPolicy = {
  ttlMs: 7 * DAY,
  renewBeforeMs: DAY,
  renewShare: 0.25,
  refusedRetryMs: DAY,
  failedRetryMs: 30 * MINUTE,
  pendingStaleMs: 10 * MINUTE,
  keepStopped: 4,
};

/** Where channels must deliver: the relay's hook, with a token for this subscriber. */
export interface WatchTarget {
  readonly relayUrl: string;
  readonly subscriberId: string;
}

/** Where channels must point now. `none`: no relay is configured, so every channel goes.
 * `unsettled`: a relay is configured but its subscriber is not known this moment (being made,
 * or unreadable): channels are left as they are and none is made. */
export type WatchDestination = WatchTarget | 'none' | 'unsettled';

export interface WatchContext {
  readonly now: number;
  readonly target: WatchDestination;
  /** The relay's stream is live: channels may be made (renewals included). Stopping needs no
   * stream, only the account. */
  readonly live: boolean;
  readonly policy: WatchPolicy;
}

export interface CalendarPlan {
  /** The row's watch after the local corrections: expired channels and stale markers forgotten,
   * a current channel that must go moved to `retiring`. undefined = nothing left to keep. */
  readonly watch: CalendarWatch | undefined;
  /** Make a channel now (the first one, a renewal, or one for a new relay or subscriber). */
  readonly create: boolean;
}

/** When a channel is due for renewal. */
export function renewAt(channel: WatchChannel, policy: WatchPolicy): number {
  const life = Math.max(0, channel.expiration - channel.createdAt);
  return channel.expiration - Math.min(policy.renewBeforeMs, life * policy.renewShare);
}

export function pointsAt(channel: WatchChannel, target: WatchTarget): boolean {
  return channel.relayUrl === target.relayUrl && channel.subscriberId === target.subscriberId;
}

/** The calendar's changes reach us by push now: a current channel, unexpired, to our relay. */
export function isPushed(
  watch: CalendarWatch | undefined,
  target: WatchDestination,
  now: number,
): boolean {
  const current = watch?.current;
  if (!current || typeof target === 'string') return false;
  return current.expiration > now && pointsAt(current, target);
}

/** Whether a message on this channel id is about this calendar (current, being made, being
 * stopped, or stopped lately: its messages may still wait in the relay's log). */
export function knowsChannel(watch: CalendarWatch | undefined, channelId: string): boolean {
  if (!watch) return false;
  return (
    watch.current?.channelId === channelId ||
    watch.pending?.channelId === channelId ||
    (watch.retiring ?? []).some((c) => c.channelId === channelId) ||
    (watch.stopped ?? []).includes(channelId)
  );
}

/**
 * One calendar's plan. `wanted`: the calendar is synced (selected, its account connected).
 * Channels are created only while the stream is live, so "Live" never rests on a channel made
 * for a relay we cannot hear; they are stopped whenever they must go, live or not.
 */
export function planCalendar(
  watch: CalendarWatch | undefined,
  wanted: boolean,
  ctx: WatchContext,
): CalendarPlan {
  const { now, target, policy } = ctx;
  // An expired channel has stopped by itself: nothing to stop, nothing to route.
  let current = watch?.current && watch.current.expiration > now ? watch.current : undefined;
  let retiring = (watch?.retiring ?? []).filter((c) => c.expiration > now);
  const pending =
    watch?.pending && now - watch.pending.since < policy.pendingStaleMs ? watch.pending : undefined;
  // Deselected or disconnected: a failure no longer matters (selecting again tries at once).
  const failure = wanted ? watch?.failure : undefined;

  const goes =
    !wanted ||
    target === 'none' ||
    (typeof target === 'object' && current !== undefined && !pointsAt(current, target));
  if (current && goes) {
    retiring = [...retiring, current];
    current = undefined;
  }
  const gateOpen = !failure || failure.retryAt <= now;
  const due = !current || now >= renewAt(current, policy);
  const create = wanted && typeof target === 'object' && ctx.live && !pending && gateOpen && due;

  return {
    watch: compact({
      ...(current ? { current } : {}),
      ...(retiring.length > 0 ? { retiring } : {}),
      ...(pending ? { pending } : {}),
      ...(watch?.stopped && watch.stopped.length > 0 ? { stopped: watch.stopped } : {}),
      ...(failure ? { failure } : {}),
    }),
    create,
  };
}

/** undefined for a watch with nothing in it (the row then carries no `watch` at all). */
export function compact(watch: CalendarWatch | undefined): CalendarWatch | undefined {
  if (!watch) return undefined;
  const empty =
    !watch.current &&
    (watch.retiring ?? []).length === 0 &&
    !watch.pending &&
    (watch.stopped ?? []).length === 0 &&
    !watch.failure;
  return empty ? undefined : watch;
}

/** The watch once `channel` is stopped (or known gone): no longer retiring, remembered. */
export function afterStop(
  watch: CalendarWatch | undefined,
  channelId: string,
  policy: WatchPolicy,
): CalendarWatch | undefined {
  const retiring = (watch?.retiring ?? []).filter((c) => c.channelId !== channelId);
  const current = watch?.current?.channelId === channelId ? undefined : watch?.current;
  const stopped = [...(watch?.stopped ?? []).filter((id) => id !== channelId), channelId].slice(
    -policy.keepStopped,
  );
  const { retiring: _r, current: _c, stopped: _s, ...rest } = watch ?? {};
  return compact({
    ...rest,
    ...(current ? { current } : {}),
    ...(retiring.length > 0 ? { retiring } : {}),
    stopped,
  });
}

/** The watch once a new channel is in force: the one it replaces (if any) is to be stopped. */
export function afterCreate(
  watch: CalendarWatch | undefined,
  channel: WatchChannel,
): CalendarWatch {
  const old = watch?.current;
  const retiring = [...(watch?.retiring ?? []), ...(old ? [old] : [])];
  const { pending: _p, failure: _f, current: _c, retiring: _r, ...rest } = watch ?? {};
  return { ...rest, current: channel, ...(retiring.length > 0 ? { retiring } : {}) };
}

/** Equal in content, whatever order the fields were written in (a quiet pass writes nothing). */
export function sameWatch(a: CalendarWatch | undefined, b: CalendarWatch | undefined): boolean {
  return canonical(compact(a)) === canonical(compact(b));
}

function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1)))
      : v,
  );
}
