// When each scope runs next (DESIGN §2). Pure: the alarm wiring that calls engine.runDue() lives
// in platform/. Intervals are a safety poll — push (the relay) makes most runs happen sooner.
import type { ScopeState } from '../store/records';
import { type BackoffPolicy, fullJitterDelay } from './backoff';
import type { Scope } from './scope';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface SchedulePolicy {
  readonly calendarIntervalMs: number;
  /** The calendar list changes rarely: about hourly, not every cycle. */
  readonly calendarListIntervalMs: number;
  /** A Todoist account's poll while no push reaches it. One request per poll reads every change
   * of the account (todoist spec §2), well inside 1,000 partial syncs per 15 min (§6); 10 min
   * keeps a change made on the phone visible within minutes at 144 requests a day. Local writes
   * do not wait for it: they push at once (todoist/actions.ts). */
  readonly todoistIntervalMs: number;
  /** A Todoist account's poll while live push covers it (the relay stream is open and the account
   * is linked, OAuth-connected). Webhooks bring changes within seconds, but they "can be late,
   * duplicated, out of order or missing" (todoist spec §7) and the relay itself may drop out
   * unnoticed, so polling continues as a safety net — hourly: 24 requests a day instead of 144,
   * and a lost webhook is still seen within the hour. */
  readonly todoistPushedIntervalMs: number;
  /** A calendar's poll while live push covers it (the stream is open and the calendar has a
   * current watch channel to our relay). Google's messages bring changes within seconds, but
   * delivery "is not 100% reliable" (google spec §4), so polling continues — hourly: 24 requests
   * a day instead of 96, a lost message still seen within the hour. Never faster than the
   * regular interval when the user chose a slower one. */
  readonly calendarPushedIntervalMs: number;
  /** The scopes live push covers right now (the platform sets it from the relay's status). */
  readonly pushedScopes: ReadonlySet<string>;
  /** Safety full reconcile per scope, because push is not 100% reliable and tokens go stale. */
  readonly reconcileIntervalMs: number;
  /** Each scope's reconcile is offset by a hash of its id within ±spread/2, so calendars that
   * were first synced together do not all re-list at the same moment. */
  readonly reconcileSpreadMs: number;
  /** After a failed run: full-jitter exponential backoff on consecutiveFailures. */
  readonly failureBackoff: BackoffPolicy;
  /** Browser alarms (MV3) fire no sooner than 30 s: never schedule a retry below it. */
  readonly minRetryDelayMs: number;
  /** A quiet incremental run keeps its older (still valid, spec §1) token until it is this old,
   * so an idle calendar writes nothing; after that the fresh token is stored. */
  readonly tokenRefreshMs: number;
}

export const DEFAULT_SCHEDULE: SchedulePolicy = {
  calendarIntervalMs: 15 * MINUTE,
  calendarListIntervalMs: HOUR,
  todoistIntervalMs: 10 * MINUTE,
  todoistPushedIntervalMs: HOUR,
  calendarPushedIntervalMs: HOUR,
  pushedScopes: new Set(),
  reconcileIntervalMs: 7 * DAY,
  reconcileSpreadMs: DAY,
  failureBackoff: { baseMs: MINUTE, capMs: 2 * HOUR },
  minRetryDelayMs: 30_000,
  tokenRefreshMs: DAY,
};

export function intervalFor(scope: Scope, policy: SchedulePolicy): number {
  if (scope.provider === 'todoist') {
    return policy.pushedScopes.has(scope.id)
      ? policy.todoistPushedIntervalMs
      : policy.todoistIntervalMs;
  }
  if (scope.kind === 'calendar-list') return policy.calendarListIntervalMs;
  return policy.pushedScopes.has(scope.id)
    ? Math.max(policy.calendarPushedIntervalMs, policy.calendarIntervalMs)
    : policy.calendarIntervalMs;
}

/** Measured from the run's start, so time spent inside a run never shifts the cadence. A run may
 * ask to wake sooner (`wakeAt`: a queued write waiting out its backoff), never below the alarm
 * minimum. */
export function nextRunAfterSuccess(
  scope: Scope,
  startedAt: number,
  policy: SchedulePolicy,
  wakeAt?: number,
) {
  const regular = startedAt + intervalFor(scope, policy);
  if (wakeAt === undefined) return regular;
  return Math.min(regular, Math.max(wakeAt, startedAt + policy.minRetryDelayMs));
}

export function nextRunAfterFailure(
  consecutiveFailures: number,
  retryAfterMs: number | undefined,
  now: number,
  random: () => number,
  policy: SchedulePolicy,
): number {
  const jitter = fullJitterDelay(consecutiveFailures - 1, policy.failureBackoff, random);
  return now + Math.max(policy.minRetryDelayMs, retryAfterMs ?? 0, jitter);
}

/**
 * When push stops covering a scope (the stream dropped), a run scheduled on the slow pushed
 * interval comes back to the regular one: no later than its last run plus the interval (or now,
 * when that has passed). States of failed or parked scopes keep their own schedule.
 */
export function withRegularInterval(
  state: ScopeState,
  scope: Scope,
  now: number,
  policy: SchedulePolicy,
): ScopeState {
  if (state.status !== 'ok' || state.nextRunAt === null) return state;
  const regular = Math.max(now, (state.lastSyncAt ?? now) + intervalFor(scope, policy));
  return state.nextRunAt > regular ? { ...state, nextRunAt: regular } : state;
}

export function isDue(state: ScopeState | undefined, now: number): boolean {
  if (!state) return true;
  return state.nextRunAt !== null && state.nextRunAt <= now;
}

export function reconcileDue(
  scopeId: string,
  fullSyncedAt: number,
  now: number,
  policy: SchedulePolicy,
): boolean {
  return now >= fullSyncedAt + policy.reconcileIntervalMs + reconcileOffset(scopeId, policy);
}

export function reconcileOffset(scopeId: string, policy: SchedulePolicy): number {
  return Math.round((fnv1a(scopeId) / 2 ** 32 - 0.5) * policy.reconcileSpreadMs);
}

/** 32-bit FNV-1a: a stable, well-spread hash of a short string. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
