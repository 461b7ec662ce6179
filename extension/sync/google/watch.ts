// Google watch channels for the synced calendars (DESIGN §4, google spec §4): while the relay's
// stream is live, every synced calendar gets a channel whose address is the relay's Google hook and
// whose token the relay issued for that channel id; it is renewed (a new channel first, then the
// old one stopped) when little of its life is left, and stopped when the calendar is deselected,
// its account disconnected, or the relay changes or goes. A calendar Google will not watch keeps
// polling, and is asked again only a day later.
//
// API calls happen only when a plan (watch-plan.ts) says something is due, so a pass over healthy
// channels costs nothing but a read of the calendar rows. Passes run one at a time; a request that
// arrives during a pass gets exactly one more. The rows are the only state: a worker that stops
// mid-pass leaves at worst a `pending` marker (forgotten after a while) or a channel to stop.
import type { CalendarRecord } from '../../store/records';
import type { LogPort } from '../ports';
import { createRunStats, type RunStats } from '../run-stats';
import { createChannel, stopChannel, stopQuietly, type WatchKit } from './watch-channel';
import {
  createWatchClient,
  createWatchHttp,
  type WatchClient,
  type WatchPorts,
} from './watch-client';
import {
  DEFAULT_WATCH_POLICY,
  knowsChannel,
  planCalendar,
  sameWatch,
  type WatchContext,
  type WatchPolicy,
} from './watch-plan';
import type { WatchRelayPort, WatchStorePort } from './watch-ports';

export { newChannelId } from './watch-channel';
export type { WatchRelayPort, WatchStorePort } from './watch-ports';

export interface CalendarWatcherDeps {
  readonly ports: WatchPorts & { readonly log: LogPort };
  readonly store: WatchStorePort;
  readonly relay: WatchRelayPort;
  /** The Google API base in force (settings may change it). */
  readonly baseUrl?: () => string;
  readonly policy?: Partial<WatchPolicy>;
}

export interface WatchPassSummary {
  readonly created: number;
  readonly stopped: number;
  readonly failed: number;
}

export interface CalendarWatcher {
  /** One pass over every calendar. A call during a pass resolves after the one pass that
   * follows it. */
  maintain(): Promise<WatchPassSummary>;
  /** Stops every channel of the account's calendars: before its rows are wiped. */
  release(sourceId: string): Promise<void>;
  /** A message on a channel no row knows (an orphan: its row was removed, or its watch answer
   * was lost). Stopped once, best effort, with the resourceId the message carries. */
  stranger(message: { readonly channelId: string; readonly resourceId: string }): Promise<void>;
  /** Nothing queued or running. */
  idle(): Promise<void>;
}

export function createCalendarWatcher(deps: CalendarWatcherDeps): CalendarWatcher {
  const { ports, store, relay } = deps;
  const { log } = ports;
  const policy: WatchPolicy = { ...DEFAULT_WATCH_POLICY, ...deps.policy };
  const http = createWatchHttp(ports);
  const clients = new Map<string, { base: string; client: WatchClient }>();
  /** Stranger channels already tried in this worker: one attempt each, however many messages. */
  const strangers = new Set<string>();
  let sequence = 0;

  const kit: WatchKit = {
    ports,
    store,
    relay,
    policy,
    clientFor(sourceId) {
      const base = deps.baseUrl?.() ?? '';
      const held = clients.get(sourceId);
      if (held && held.base === base) return held.client;
      const client = createWatchClient({ http, tokens: ports.tokens, sourceId, baseUrl: base });
      clients.set(sourceId, { base, client });
      return client;
    },
    nextSequence: () => ++sequence,
  };

  let queue: Promise<unknown> = Promise.resolve();
  let queued: Promise<WatchPassSummary> | undefined;
  /** One operation at a time; its channel calls go into the day's metrics when it ends. */
  const serial = <T>(work: (meter: RunStats) => Promise<T>): Promise<T> => {
    const run = queue.then(async () => {
      const meter = createRunStats();
      const at = ports.now();
      try {
        return await work(meter);
      } finally {
        if (meter.requests() > 0) {
          await store.recordMetrics(at, meter.metricDeltas()).catch((err: unknown) => {
            log.warn('watch: could not record metrics', { err });
          });
        }
      }
    });
    queue = run.catch(() => undefined);
    return run;
  };

  async function pass(meter: RunStats): Promise<WatchPassSummary> {
    const summary = { created: 0, stopped: 0, failed: 0 };
    const ctx: WatchContext = {
      now: ports.now(),
      target: await relay.target(),
      live: relay.live(),
      policy,
    };
    let relayDown = false;
    for (const { row, wanted } of await store.calendars()) {
      const plan = planCalendar(row.watch, wanted, ctx);
      let watch = row.watch;
      if (!sameWatch(plan.watch, row.watch)) {
        const written = await store.updateWatch(row.key, () => plan.watch);
        if (written === null) continue;
        watch = written;
      }
      if (plan.create && typeof ctx.target === 'object' && !relayDown) {
        const outcome = await createChannel(kit, row, ctx.target, meter);
        if (outcome.kind === 'gone') continue;
        if (outcome.kind === 'relay-down') relayDown = true;
        if (outcome.kind === 'failed') summary.failed += 1;
        if (outcome.kind === 'created') summary.created += 1;
        watch = outcome.watch;
      }
      for (const channel of watch?.retiring ?? []) {
        if (await stopChannel(kit, row, channel, meter)) summary.stopped += 1;
      }
    }
    return summary;
  }

  async function release(sourceId: string, meter: RunStats) {
    for (const { row } of await store.calendars()) {
      if (row.sourceId !== sourceId || !row.watch) continue;
      for (const channel of channelsOf(row)) {
        if (channel.expiration > ports.now()) await stopQuietly(kit, sourceId, channel, meter);
      }
      await store.updateWatch(row.key, () => undefined);
    }
  }

  async function stranger(message: { channelId: string; resourceId: string }, meter: RunStats) {
    if (strangers.has(message.channelId)) return;
    const rows = await store.calendars();
    if (rows.some(({ row }) => knowsChannel(row.watch, message.channelId))) return;
    strangers.add(message.channelId);
    // Only the channel's creator may stop it (spec §4), and the message does not say which of our
    // accounts that was: ask each until one succeeds.
    for (const sourceId of await store.googleSources()) {
      const outcome = await stopQuietly(kit, sourceId, message, meter);
      if (outcome === 'not-ours') continue;
      if (outcome === 'stopped') {
        log.info('watch: stopped a channel no calendar knows', { channelId: message.channelId });
      }
      return;
    }
  }

  return {
    maintain() {
      // Joins a pass that is queued but not started; otherwise queues one.
      if (queued) return queued;
      const mine = serial((meter) => {
        queued = undefined;
        return pass(meter);
      });
      queued = mine;
      return mine;
    },
    release: (sourceId) => serial((meter) => release(sourceId, meter)),
    stranger: (message) => serial((meter) => stranger(message, meter)),
    async idle() {
      for (;;) {
        const current = queue;
        await current;
        if (current === queue) return;
      }
    },
  };
}

function channelsOf(row: CalendarRecord) {
  const watch = row.watch;
  return [...(watch?.retiring ?? []), ...(watch?.current ? [watch.current] : [])];
}
