// The extension's end of the push path (DESIGN §4): one long-lived GET of the subscriber's event
// stream (shared/relay-protocol.ts), read through the SSE parser, every event validated, each
// notification handed to the router and its id recorded only once handled. It reconnects after
// any end or error with full-jitter exponential backoff (honouring the server's `retry:` and a
// Retry-After), starts over with a new subscriber when the relay no longer knows ours (401/404),
// and never lets one bad event end the stream.
//
// Correctness never depends on the stream staying open: a stopped service worker starts a new
// client, which resumes with Last-Event-ID from the recorded watermark, and the relay replays what
// was logged meanwhile (or says `reset`, and every scope syncs once). Polling continues regardless.
import { AUTHORIZATION, LAST_EVENT_ID, RELAY_ROUTES } from '../../../shared/relay-protocol';
import { type BackoffPolicy, fullJitterDelay } from '../backoff';
import type { LogPort } from '../ports';
import { parseRetryAfter } from '../retry-after';
import { createHandledIds, type RelayCursorPort } from './handled-ids';
import { messageOf, type RelayCredentials } from './relay-api';
import { dispatchRelayEvent, type EventContext, type RelayHandlers } from './relay-events';
import type { RelayStatus } from './relay-status';
import { createSseParser, type SseEvent } from './sse-parser';

export type { RelayHandlers } from './relay-events';

export interface RelayClientPorts {
  readonly fetch: typeof fetch;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  readonly log: LogPort;
}

export interface RelayClientOptions {
  readonly ports: RelayClientPorts;
  /** The subscriber to connect as (the platform creates one on first use); undefined = no relay
   * configured, and the client turns itself off. */
  readonly credentials: () => Promise<RelayCredentials | undefined>;
  /** The relay answered 401/404: our subscriber is gone. Make a new one (and re-link). */
  readonly reregister: () => Promise<RelayCredentials | undefined>;
  readonly cursor: RelayCursorPort;
  readonly handlers: RelayHandlers;
  /** Bytes arrived (an event or the relay's `: ping`), at most once per ACTIVITY_EVERY_MS. The
   * platform makes an extension API call here, which resets the service worker's idle timer. */
  readonly onActivity?: () => void;
  readonly backoff?: BackoffPolicy;
}

export interface RelayClient {
  /** Starts connecting (no-op when already started). */
  start(): void;
  /** Aborts the open request and any backoff wait; resolves once the loop has ended. */
  stop(): Promise<void>;
  status(): RelayStatus;
  /** Called on every status change; returns the unsubscribe function. */
  subscribe(listener: (status: RelayStatus) => void): () => void;
  /** Every notification read so far handled and its id recorded. */
  idle(): Promise<void>;
}

/** Reconnect backoff: a first retry within a second, doubling up to ~5 minutes. */
export const RELAY_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 5 * 60_000 };
/** The activity hook's throttle: every relay ping (RELAY_PING_MS, 15 s) gets through, so while the
 * stream is alive the worker's 30 s idle timer is reset well before it runs out. */
export const ACTIVITY_EVERY_MS = 10_000;

type Outcome =
  | { readonly kind: 'ended'; readonly healthy: boolean; readonly error?: string }
  | { readonly kind: 'gone'; readonly error: string }
  | {
      readonly kind: 'failed';
      readonly healthy: boolean;
      readonly error: string;
      readonly retryAfterMs?: number;
    };

export function createRelayClient(options: RelayClientOptions): RelayClient {
  const { ports, handlers } = options;
  const backoff = options.backoff ?? RELAY_BACKOFF;
  const handled = createHandledIds(options.cursor, ports.log);
  const listeners = new Set<(status: RelayStatus) => void>();
  let status: RelayStatus = { state: 'off', since: ports.now() };
  let running = false;
  /** Bumped by start/stop, so a loop still winding down never mistakes a restart for its own. */
  let generation = 0;
  let loopDone: Promise<void> = Promise.resolve();
  let wake: (() => void) | undefined;
  /** The connection attempt in progress, for stop() to abort. */
  let current: Connection | undefined;
  /** What to send as Last-Event-ID when reconnecting within this process: the last event
   * dispatched (its handler finishes here even while we reconnect). */
  let resume: { subscriberId: string; id: string } | undefined;
  /** The server's `retry:` (spec: a property of the connection's owner, kept across connects). */
  let serverRetryMs: number | undefined;
  let lastActivity = Number.NEGATIVE_INFINITY;

  function setStatus(next: Omit<RelayStatus, 'since'>) {
    const same =
      next.state === status.state &&
      next.lastError === status.lastError &&
      next.nextRetryAt === status.nextRetryAt;
    if (same) return;
    status = { ...next, since: next.state === status.state ? status.since : ports.now() };
    for (const listener of listeners) listener(status);
  }

  function activity() {
    const now = ports.now();
    if (!options.onActivity || now - lastActivity < ACTIVITY_EVERY_MS) return;
    lastActivity = now;
    try {
      options.onActivity();
    } catch (err) {
      ports.log.debug('relay: activity hook failed', { err }); // never a reason to drop the stream
    }
  }

  async function loop(mine: number) {
    const active = () => running && generation === mine;
    let failures = 0;
    let freshSubscriber = false;
    while (active()) {
      let outcome: Outcome;
      const connection: Connection = { controller: new AbortController() };
      current = connection;
      setStatus({ state: 'connecting', ...errorOf(status) });
      try {
        const creds = await options.credentials();
        if (!creds) break;
        outcome = await connectOnce(creds, connection);
      } catch (err) {
        outcome = { kind: 'failed', healthy: false, error: messageOf(err) };
      } finally {
        current = undefined;
      }
      if (!active()) return;
      if (outcome.kind === 'gone' && !freshSubscriber) {
        // Start over at once (once): a new subscriber, re-linked, then a resync because whatever
        // the old one logged is out of reach.
        ports.log.warn('relay: subscriber gone, registering again', { error: outcome.error });
        freshSubscriber = true;
        try {
          const fresh = await options.reregister();
          if (!fresh) break;
          resume = undefined;
          handled.track(fresh.subscriberId, undefined, () => handlers.resync('new-subscriber'));
          continue;
        } catch (err) {
          outcome = { kind: 'failed', healthy: false, error: messageOf(err) };
        }
      }
      if (outcome.kind !== 'gone' && outcome.healthy) {
        failures = 0;
        freshSubscriber = false;
      }
      const retryAfter = outcome.kind === 'failed' ? (outcome.retryAfterMs ?? 0) : 0;
      const delay = Math.max(
        retryAfter,
        serverRetryMs ?? 0,
        fullJitterDelay(failures, backoff, ports.random),
      );
      failures += 1;
      const lastError = outcome.error ?? 'the relay closed the stream';
      setStatus({ state: 'retrying', lastError, nextRetryAt: ports.now() + delay });
      await new Promise<void>((resolve) => {
        wake = resolve;
        void ports.sleep(delay).then(resolve, resolve);
      });
      wake = undefined;
      // One new subscriber per backoff period at most, however often the relay says 401.
      freshSubscriber = false;
    }
    if (generation !== mine) return;
    running = false; // ended by itself (no relay configured any more): start() may run it again
    setStatus({ state: 'off' });
  }

  async function connectOnce(creds: RelayCredentials, connection: Connection): Promise<Outcome> {
    const { subscriberId } = creds;
    const { signal } = connection.controller;
    const from =
      resume?.subscriberId === subscriberId ? resume.id : await options.cursor.read(subscriberId);
    const headers: Record<string, string> = {
      [AUTHORIZATION]: `Bearer ${creds.secret}`,
      accept: 'text/event-stream',
      ...(from ? { [LAST_EVENT_ID]: from } : {}),
    };
    const url = creds.relayUrl + RELAY_ROUTES.events(subscriberId);
    let res: Response;
    try {
      res = await ports.fetch(url, { headers, signal });
    } catch (err) {
      return { kind: 'failed', healthy: false, error: `relay unreachable (${messageOf(err)})` };
    }
    if (res.status === 401 || res.status === 404) {
      await res.body?.cancel().catch(() => undefined);
      return { kind: 'gone', error: `HTTP ${res.status}` };
    }
    const type = res.headers.get('content-type') ?? '';
    if (!res.ok || !res.body || !type.startsWith('text/event-stream')) {
      await res.body?.cancel().catch(() => undefined);
      const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), ports.now());
      return {
        kind: 'failed',
        healthy: false,
        error: res.ok ? `not an event stream (${type || 'no content type'})` : `HTTP ${res.status}`,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      };
    }
    const reader = res.body.getReader();
    connection.reader = reader;
    if (signal.aborted) await cancel(reader); // stopped while the response was on its way
    const parser = createSseParser({ lastEventId: from ?? '' });
    let healthy = false;
    const context: EventContext = {
      subscriberId,
      handled,
      handlers,
      log: ports.log,
      live: () => setStatus({ state: 'live' }),
      dispatched: (id) => {
        resume = { subscriberId, id };
      },
    };
    const dispatchAll = (events: readonly SseEvent[]) => {
      for (const event of events) healthy = dispatchRelayEvent(event, context) || healthy;
      serverRetryMs = parser.retryMs ?? serverRetryMs;
    };
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        activity();
        dispatchAll(parser.push(value));
      }
      dispatchAll(parser.end());
      return { kind: 'ended', healthy };
    } catch (err) {
      return { kind: 'failed', healthy, error: `stream broke (${messageOf(err)})` };
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      const mine = ++generation;
      setStatus({ state: 'connecting', ...errorOf(status) });
      loopDone = loopDone
        .then(() => loop(mine))
        .catch((err: unknown) => {
          ports.log.error('relay: client loop failed', { err });
          if (generation !== mine) return;
          running = false;
          setStatus({ state: 'off', lastError: messageOf(err) });
        });
    },
    async stop() {
      running = false;
      const mine = ++generation;
      if (current) {
        current.controller.abort();
        // An in-process fetch does not tie the body to the signal: cancel the read ourselves.
        if (current.reader) void cancel(current.reader);
      }
      wake?.();
      await loopDone;
      if (generation === mine) setStatus({ state: 'off' });
    },
    status: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    idle: () => handled.idle(),
  };
}

interface Connection {
  readonly controller: AbortController;
  reader?: ReadableStreamDefaultReader<Uint8Array>;
}

function cancel(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  return reader.cancel().catch(() => undefined);
}

function errorOf(status: RelayStatus): { lastError?: string } {
  return status.lastError === undefined ? {} : { lastError: status.lastError };
}
