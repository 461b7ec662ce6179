// Making and stopping one calendar's channel (google spec §4), for the watcher (watch.ts). Every
// outcome lands on the calendar row: the new channel (the one it replaces moved to `retiring`), a
// failure with its retry time, or the stopped channel's id remembered.
import type { CalendarRecord, CalendarWatch, WatchChannel } from '../../store/records';
import { RequestRejected, retryAfterOf, SyncError } from '../errors';
import type { RequestMeter } from '../http';
import type { LogPort } from '../ports';
import type { WatchAnswer, WatchClient, WatchPorts } from './watch-client';
import { afterCreate, afterStop, compact, type WatchPolicy, type WatchTarget } from './watch-plan';
import type { WatchRelayPort, WatchStorePort } from './watch-ports';

/** What the channel operations share within one watcher. */
export interface WatchKit {
  readonly ports: WatchPorts & { readonly log: LogPort };
  readonly store: WatchStorePort;
  readonly relay: WatchRelayPort;
  readonly policy: WatchPolicy;
  clientFor(sourceId: string): WatchClient;
  /** This worker's channel counter (part of every id). */
  nextSequence(): number;
}

export type CreateOutcome =
  | {
      readonly kind: 'created' | 'failed' | 'relay-down';
      readonly watch: CalendarWatch | undefined;
    }
  | { readonly kind: 'gone' };

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `almanac-<time>-<seq>-` + 20 random characters (119 bits), far inside the spec's 64-character
 * limit. The time and this worker's sequence number keep ids apart even if `random` is poor. */
export function newChannelId(random: () => number, now: number, seq: number): string {
  let id = `almanac-${now.toString(36)}-${seq.toString(36)}-`;
  for (let i = 0; i < 20; i++) id += ID_ALPHABET[Math.floor(random() * ID_ALPHABET.length)];
  return id;
}

/** Reusing a channel id → 400 channelIdNotUnique (spec §4): ours collided, not a refusal. */
const ID_TAKEN = 'channelIdNotUnique';

const clearPending = (w: CalendarWatch | undefined) => {
  const { pending: _p, ...rest } = w ?? {};
  return compact(rest);
};

/** A new channel for the calendar; a collision of ids is tried once more with a new one. */
export async function createChannel(
  kit: WatchKit,
  row: CalendarRecord,
  target: WatchTarget,
  meter: RequestMeter,
): Promise<CreateOutcome> {
  for (let attempt = 1; ; attempt++) {
    const outcome = await createOnce(kit, row, target, meter);
    if (outcome.kind !== 'id-taken') return outcome;
    if (attempt === 2) return fail(kit, row, outcome.err);
  }
}

async function createOnce(
  kit: WatchKit,
  row: CalendarRecord,
  target: WatchTarget,
  meter: RequestMeter,
): Promise<CreateOutcome | { kind: 'id-taken'; err: unknown }> {
  const { ports, store, relay, policy } = kit;
  const since = ports.now();
  const channelId = newChannelId(ports.random, since, kit.nextSequence());
  // Recorded BEFORE asking: Google may deliver the `sync` message before it answers (spec §4),
  // and that message must not look like a stranger's.
  const marked = await store.updateWatch(row.key, (w) => ({ ...w, pending: { channelId, since } }));
  if (marked === null) return { kind: 'gone' };

  let token: string;
  try {
    token = await relay.channelToken(target, channelId);
  } catch (err) {
    // The relay is unreachable or refused: no calendar can be watched this pass. Nothing is
    // recorded on the row — the next pass (the stream live again) simply tries.
    ports.log.warn('watch: the relay issued no channel token', { err: messageOf(err) });
    const watch = await store.updateWatch(row.key, clearPending);
    return watch === null ? { kind: 'gone' } : { kind: 'relay-down', watch };
  }

  let answer: WatchAnswer;
  try {
    answer = await kit.clientFor(row.sourceId).watch(
      {
        calendarId: row.id,
        channelId,
        address: relay.hookUrl(target),
        token,
        ttlMs: policy.ttlMs,
      },
      meter,
    );
  } catch (err) {
    if (err instanceof RequestRejected && err.reason === ID_TAKEN) return { kind: 'id-taken', err };
    return fail(kit, row, err);
  }
  const channel: WatchChannel = {
    channelId,
    resourceId: answer.resourceId,
    expiration: answer.expiration ?? since + policy.ttlMs,
    createdAt: since,
    relayUrl: target.relayUrl,
    subscriberId: target.subscriberId,
  };
  const watch = await store.updateWatch(row.key, (w) => afterCreate(w, channel));
  if (watch === null) {
    // Removed while we asked: nothing will ever route this channel, so it goes at once.
    await stopQuietly(kit, row.sourceId, channel, meter);
    return { kind: 'gone' };
  }
  ports.log.info('watch: channel created', { calendar: row.key, channelId });
  return { kind: 'created', watch };
}

/** Google would not watch the calendar, or the call failed: it keeps polling, and is asked
 * again only after `retryAt` — a day for a refusal (4xx), half an hour (or the server's
 * Retry-After) for a passing failure. */
async function fail(kit: WatchKit, row: CalendarRecord, err: unknown): Promise<CreateOutcome> {
  const { ports, policy } = kit;
  const now = ports.now();
  const refused = err instanceof RequestRejected;
  const wait = refused
    ? policy.refusedRetryMs
    : Math.max(policy.failedRetryMs, retryAfterOf(err) ?? 0);
  const failure = {
    at: now,
    retryAt: now + wait,
    message: messageOf(err),
    refused,
    ...(err instanceof SyncError && err.status !== undefined ? { status: err.status } : {}),
  };
  (refused ? ports.log.info : ports.log.warn)('watch: no channel; the calendar keeps polling', {
    calendar: row.key,
    error: failure.message,
    retryAt: failure.retryAt,
  });
  const watch = await kit.store.updateWatch(row.key, (w) => ({ ...clearPending(w), failure }));
  return watch === null ? { kind: 'gone' } : { kind: 'failed', watch };
}

/** Stops a retiring channel. True when it is gone (stopped now, or Google no longer has it);
 * false keeps it retiring (still routed) for the next pass, until it expires by itself. */
export async function stopChannel(
  kit: WatchKit,
  row: CalendarRecord,
  channel: WatchChannel,
  meter: RequestMeter,
): Promise<boolean> {
  try {
    await kit.clientFor(row.sourceId).stop(channel, meter);
  } catch (err) {
    if (!isGone(err)) {
      kit.ports.log.warn('watch: could not stop a channel; will retry', {
        calendar: row.key,
        channelId: channel.channelId,
        error: messageOf(err),
      });
      return false;
    }
  }
  await kit.store.updateWatch(row.key, (w) => afterStop(w, channel.channelId, kit.policy));
  return true;
}

/** Best effort, nothing recorded (the row is going or gone). */
export async function stopQuietly(
  kit: WatchKit,
  sourceId: string,
  channel: { readonly channelId: string; readonly resourceId: string },
  meter: RequestMeter,
): Promise<'stopped' | 'not-ours' | 'failed'> {
  try {
    await kit.clientFor(sourceId).stop(channel, meter);
    return 'stopped';
  } catch (err) {
    if (isGone(err)) return 'not-ours';
    kit.ports.log.warn('watch: could not stop a channel', { error: messageOf(err) });
    return 'failed';
  }
}

/** channels.stop on a channel Google does not have (or that another account made): 404
 * (spec §4). A 401 (AuthExpired) or a passing failure is not "gone". */
function isGone(err: unknown): boolean {
  return err instanceof RequestRejected && err.status === 404;
}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
