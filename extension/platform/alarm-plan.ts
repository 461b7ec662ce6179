// Which chrome.alarms should exist (pure, tested in test/extension). One alarm per scope at the
// engine's nextRunAt — never sooner than chrome.alarms' 30 s minimum — plus one periodic safety
// alarm that catches anything the per-scope alarms missed. A scope parked in needs-sign-in
// (nextRunAt null) has no alarm; a scope that no longer exists loses its alarm.
import type { ScopeState } from '../store/records';
import type { Scope } from '../sync/scope';
import type { AlarmInfo } from './browser-api';

export const SYNC_ALARM_PREFIX = 'almanac:sync:';
export const SAFETY_ALARM = 'almanac:safety';
export const OUTBOX_ALARM = 'almanac:outbox';
/** Chrome fires alarms no sooner than 30 s after they are set (Chrome ≥ 120). */
export const MIN_ALARM_DELAY_MS = 30_000;
/** An existing alarm this close to the wanted time is left alone (no churn on every pass). */
const TOLERANCE_MS = 1_000;

export interface AlarmPlan {
  readonly create: { name: string; when: number }[];
  readonly clear: string[];
}

export const syncAlarmName = (scopeId: string) => SYNC_ALARM_PREFIX + scopeId;

export function scopeOfAlarm(name: string): string | undefined {
  return name.startsWith(SYNC_ALARM_PREFIX) ? name.slice(SYNC_ALARM_PREFIX.length) : undefined;
}

/** The earliest time an alarm may be set for: now + 30 s. */
export function alarmTime(wanted: number, now: number): number {
  return Math.max(wanted, now + MIN_ALARM_DELAY_MS);
}

export function planScopeAlarms(input: {
  readonly scopes: readonly Scope[];
  readonly states: ReadonlyMap<string, ScopeState>;
  readonly existing: readonly AlarmInfo[];
  /** Scopes running in this worker keep their lease alarm (set when the run began). */
  readonly inFlight: ReadonlySet<string>;
  readonly now: number;
}): AlarmPlan {
  const { scopes, states, existing, inFlight, now } = input;
  const current = new Map(
    existing.filter((a) => scopeOfAlarm(a.name) !== undefined).map((a) => [a.name, a]),
  );
  const create: { name: string; when: number }[] = [];
  const wanted = new Set<string>();
  for (const scope of scopes) {
    const name = syncAlarmName(scope.id);
    if (inFlight.has(scope.id)) {
      wanted.add(name);
      continue;
    }
    const state = states.get(scope.id);
    // No state yet = never synced = due now; the caller runs due scopes right after planning, so
    // the alarm is only the fallback if that run is lost.
    const next = state === undefined ? now : state.nextRunAt;
    if (next === null) continue;
    wanted.add(name);
    const when = alarmTime(next, now);
    const have = current.get(name);
    if (have && keeps(have.scheduledTime, next, when)) continue;
    create.push({ name, when });
  }
  const clear = [...current.keys()].filter((name) => !wanted.has(name));
  return { create, clear };
}

/** An existing alarm stays when it fires no earlier than the due time (an early alarm would wake a
 * worker that finds nothing due) and no later than the wanted time. For an overdue scope the wanted
 * time is clamped to now + 30 s and moves on every pass; this keeps the alarm from churning. */
function keeps(scheduled: number, due: number, when: number): boolean {
  return scheduled >= due && scheduled <= when + TOLERANCE_MS;
}
