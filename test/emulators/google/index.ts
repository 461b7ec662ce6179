import { type Clock, systemClock } from '../common/clock';
import { FaultInjector } from '../common/faults';
import { inProcessFetch } from '../common/in-process';
import { TokenIssuer } from '../common/oauth';
import { PushDeliverer } from '../common/push-delivery';
import { RequestLog } from '../common/request-log';
import { buildApp } from './app';
import { grantAccess, revokeAccess } from './calendars/calendar-store';
import type { GoogleApp, GoogleDeps } from './deps';
import type { AccessRole, EventJson } from './events/event-types';
import { RateLimiter } from './http/rate-limit';
import { hashString } from './ids';
import { type Channel, ChannelRegistry } from './push/channels';
import { applySeed, CALENDAR_IDS, type Seed } from './seed';
import { type SnapshotWindow, snapshotEvents } from './snapshot';
import { GoogleState } from './state';
import { DEFAULT_SYNC_TOKEN_IDLE_TTL_MS, SyncTokenRegistry } from './sync/sync-tokens';

export interface GoogleEmulatorOptions {
  clock?: Clock;
  /** Initial state (default `empty`: users and calendars, no events). */
  seed?: Seed;
  /** Access-token lifetime (default 1 h, spec §6). */
  accessTokenTtlMs?: number;
  /** Per-user requests per minute; over it → 403 userRateLimitExceeded (default off). */
  rateLimitPerMinute?: number;
  /** How push deliveries reach receivers (default global fetch). */
  pushFetch?: typeof fetch;
  /** Waits before push retries (default 1, 2, 4, 8, 16 s). */
  pushRetryDelaysMs?: number[];
  /** A sync token unused this long → 410 (default 7 days). Also the updatedMin limit. */
  syncTokenIdleTtlMs?: number;
  /** How far past now a series expands when no timeMax bounds it (default 730 days). */
  expansionHorizonMs?: number;
  /**
   * spec §1: a page may be short or even empty and still carry nextPageToken. When true,
   * events.list serves some half-size and empty pages (deterministically). Default false.
   */
  shortPages?: boolean;
}

export interface GoogleEmulator {
  app: GoogleApp;
  fetch: typeof fetch;
  clock: Clock;
  log: RequestLog;
  faults: FaultInjector;
  push: PushDeliverer;
  tokens: TokenIssuer;
  syncTokens: SyncTokenRegistry;
  reset(seed: Seed): void;
  issueToken(user?: string): string;
  /** Expires one sync token, every token of one calendar, or (no argument) all. Returns the count. */
  expireSyncTokens(which?: { calendarId?: string; token?: string }): number;
  /**
   * The truth for convergence checks: the live events of a calendar exactly as
   * `events.list?singleEvents=true` would return them for `user` (no tombstones), sorted by start
   * then id, optionally inside a window (timeMin bounds the end, timeMax the start).
   */
  snapshot(user: string, calendarId: string, window?: SnapshotWindow): EventJson[];
  /** Gives a user a role on a calendar (or removes it with 'none'); expires that calendar's tokens. */
  setAccess(calendarId: string, user: string, role: AccessRole): void;
  /** Live push channels (tests check expiry and stop). */
  channels(): Channel[];
  /** Well-known calendar ids of the seeds. */
  readonly calendarIds: typeof CALENDAR_IDS;
  /** The raw state, for tests that need to look deeper. */
  readonly state: GoogleState;
}

export const DEFAULT_EXPANSION_HORIZON_MS = 730 * 86_400_000;
const PRNG_SEED = hashString('almanac google emulator');

export function createGoogleEmulator(opts: GoogleEmulatorOptions = {}): GoogleEmulator {
  const clock = opts.clock ?? systemClock;
  const idleTtl = opts.syncTokenIdleTtlMs ?? DEFAULT_SYNC_TOKEN_IDLE_TTL_MS;
  const state = new GoogleState(clock, PRNG_SEED);
  const tokens = new TokenIssuer({
    clock,
    accessTokenTtlMs: opts.accessTokenTtlMs ?? 3_600_000,
    prefix: 'ya29.',
  });
  const log = new RequestLog();
  const faults = new FaultInjector();
  const push = new PushDeliverer({
    clock,
    ...(opts.pushFetch === undefined ? {} : { fetch: opts.pushFetch }),
    ...(opts.pushRetryDelaysMs === undefined ? {} : { retryDelaysMs: opts.pushRetryDelaysMs }),
  });
  const syncTokens = new SyncTokenRegistry(clock, idleTtl);
  const channels = new ChannelRegistry(state, push);
  const rateLimiter = new RateLimiter(clock, opts.rateLimitPerMinute);
  state.onChange((targets) => channels.notify(targets));
  const deps: GoogleDeps = {
    state,
    tokens: syncTokens,
    channels,
    listCache: new Map(),
    horizonMs: opts.expansionHorizonMs ?? DEFAULT_EXPANSION_HORIZON_MS,
    updatedMinLimitMs: idleTtl,
    shortPages: opts.shortPages ?? false,
  };

  const issueToken = (user = 'demo') => tokens.issue(user).access_token;
  const reset = (seed: Seed) => {
    state.reset(PRNG_SEED);
    syncTokens.clear();
    channels.clear();
    deps.listCache.clear();
    tokens.clear();
    log.clear();
    faults.clear();
    push.reset();
    rateLimiter.clear();
    applySeed(state, seed);
  };

  const app = buildApp({
    deps,
    clock,
    log,
    faults,
    tokens,
    rateLimiter,
    control: {
      service: 'google',
      reset,
      issueToken: (user) => tokens.issue(user),
      faults,
      log,
      push,
    },
  });
  applySeed(state, opts.seed ?? 'empty');

  return {
    app,
    fetch: inProcessFetch(app),
    clock,
    log,
    faults,
    push,
    tokens,
    syncTokens,
    reset,
    issueToken,
    expireSyncTokens: (which = {}) => syncTokens.expire(which),
    snapshot: (user, calendarId, window = {}) => snapshotEvents(deps, user, calendarId, window),
    setAccess: (calendarId, user, role) => {
      const calendar = state.calendars.get(calendarId);
      if (calendar === undefined) throw new Error(`unknown calendar ${calendarId}`);
      state.commit((seq, touch) => {
        if (role === 'none') revokeAccess(state, { seq, touch }, calendar, user);
        else grantAccess(state, { seq, touch }, calendar, user, role);
      });
      // spec §1: sync tokens die on ACL changes.
      syncTokens.expire({ calendarId });
    },
    channels: () => channels.list(),
    calendarIds: CALENDAR_IDS,
    state,
  };
}

export type { AccessRole, EventJson } from './events/event-types';
export type { Seed } from './seed';
export { ALEX_USER, CALENDAR_IDS, DEMO_USER } from './seed';
export type { SnapshotWindow } from './snapshot';
