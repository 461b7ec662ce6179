// Applies alarm plans to chrome.alarms. Besides the per-scope schedule it keeps two things:
// - a LEASE: when a run starts, its scope's alarm is moved to now + 30 s and pushed on while the
//   run lasts; if the service worker is stopped mid-run, that alarm wakes a new worker, which
//   catches up (the run never finished, so the scope is still due);
// - the periodic safety alarm (every safety-poll interval), a backstop for lost one-shot alarms.
import type { ScopeState } from '../store/records';
import type { Scope } from '../sync/scope';
import {
  alarmTime,
  MIN_ALARM_DELAY_MS,
  OUTBOX_ALARM,
  planScopeAlarms,
  SAFETY_ALARM,
  syncAlarmName,
} from './alarm-plan';
import type { AlarmsApi } from './browser-api';

export interface AlarmScheduler {
  /** Brings per-scope alarms in line with the scopes' states. */
  reconcile(scopes: readonly Scope[], states: readonly ScopeState[]): Promise<void>;
  /** Run starting (or still running): its alarm becomes a lease 30 s ahead. */
  lease(scopeId: string): Promise<void>;
  ensureSafetyAlarm(periodMinutes: number): Promise<void>;
  /** The outbox's next attempt (or none). */
  scheduleOutbox(at: number | undefined): Promise<void>;
}

export function createAlarmScheduler(deps: {
  readonly alarms: AlarmsApi;
  readonly now: () => number;
  readonly inFlight: () => readonly string[];
}): AlarmScheduler {
  const { alarms, now } = deps;
  return {
    async reconcile(scopes, states) {
      const plan = planScopeAlarms({
        scopes,
        states: new Map(states.map((s) => [s.scope, s])),
        existing: await alarms.getAll(),
        inFlight: new Set(deps.inFlight()),
        now: now(),
      });
      await Promise.all(plan.clear.map((name) => alarms.clear(name)));
      for (const { name, when } of plan.create) await alarms.create(name, { when });
    },
    async lease(scopeId) {
      await alarms.create(syncAlarmName(scopeId), { when: now() + MIN_ALARM_DELAY_MS });
    },
    async ensureSafetyAlarm(periodMinutes) {
      const existing = (await alarms.getAll()).find((a) => a.name === SAFETY_ALARM);
      if (existing?.periodInMinutes === periodMinutes) return;
      await alarms.create(SAFETY_ALARM, {
        when: now() + periodMinutes * 60_000,
        periodInMinutes: periodMinutes,
      });
    },
    async scheduleOutbox(at) {
      if (at === undefined) {
        await alarms.clear(OUTBOX_ALARM);
        return;
      }
      await alarms.create(OUTBOX_ALARM, { when: alarmTime(at, now()) });
    },
  };
}
