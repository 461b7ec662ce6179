// Which alarms exist, from the engine's scheduling state (pure).
import { describe, expect, it } from 'vitest';
import {
  planScopeAlarms,
  SYNC_ALARM_PREFIX,
  syncAlarmName,
} from '../../extension/platform/alarm-plan';
import type { ScopeState } from '../../extension/store/records';
import { calendarListScope, calendarScope } from '../../extension/sync/scope';

const NOW = Date.UTC(2025, 0, 6, 17);
const list = calendarListScope('me');
const work = calendarScope('me', 'work@example.com');
const home = calendarScope('me', 'home@example.com');
const state = (
  scope: string,
  nextRunAt: number | null,
  status: ScopeState['status'] = 'ok',
): ScopeState => ({
  scope,
  status,
  consecutiveFailures: 0,
  nextRunAt,
});

function plan(
  states: ScopeState[],
  existing: { name: string; scheduledTime: number }[] = [],
  inFlight: string[] = [],
) {
  return planScopeAlarms({
    scopes: [list, work, home],
    states: new Map(states.map((s) => [s.scope, s])),
    existing,
    inFlight: new Set(inFlight),
    now: NOW,
  });
}

describe('alarms from nextRunAt', () => {
  it('sets one alarm per scope at its nextRunAt', () => {
    const p = plan([
      state(list.id, NOW + 3_600_000),
      state(work.id, NOW + 900_000),
      state(home.id, NOW + 120_000),
    ]);
    expect(p.create).toEqual([
      { name: syncAlarmName(list.id), when: NOW + 3_600_000 },
      { name: syncAlarmName(work.id), when: NOW + 900_000 },
      { name: syncAlarmName(home.id), when: NOW + 120_000 },
    ]);
    expect(p.clear).toEqual([]);
  });

  it('never sets one sooner than 30 s from now (chrome.alarms’ minimum)', () => {
    const p = plan([
      state(list.id, NOW + 5_000),
      state(work.id, NOW - 60_000),
      state(home.id, NOW + 31_000),
    ]);
    expect(p.create.map((c) => c.when - NOW)).toEqual([30_000, 30_000, 31_000]);
  });

  it('a never-synced scope gets the 30 s fallback (the caller runs it at once)', () => {
    expect(plan([]).create.map((c) => c.when - NOW)).toEqual([30_000, 30_000, 30_000]);
  });

  it('a scope waiting for sign-in has no alarm; an existing one is cleared', () => {
    const existing = [{ name: syncAlarmName(work.id), scheduledTime: NOW + 10_000 }];
    const p = plan(
      [
        state(list.id, NOW + 60_000),
        state(work.id, null, 'needs-sign-in'),
        state(home.id, NOW + 60_000),
      ],
      existing,
    );
    expect(p.create.map((c) => c.name)).not.toContain(syncAlarmName(work.id));
    expect(p.clear).toEqual([syncAlarmName(work.id)]);
  });

  it('clears alarms of scopes that no longer exist, and leaves other alarms alone', () => {
    const gone = `${SYNC_ALARM_PREFIX}google:calendar:me:deleted@example.com`;
    const p = plan(
      [],
      [
        { name: gone, scheduledTime: NOW + 1 },
        { name: 'almanac:safety', scheduledTime: NOW + 1 },
      ],
    );
    expect(p.clear).toEqual([gone]);
  });

  it('keeps an alarm already at the right time, and an overdue scope’s pending alarm', () => {
    const existing = [
      { name: syncAlarmName(list.id), scheduledTime: NOW + 3_600_000 },
      // Overdue by a minute; its alarm was set 10 s ago for 20 s from now: no churn.
      { name: syncAlarmName(work.id), scheduledTime: NOW + 20_000 },
    ];
    const p = plan(
      [state(list.id, NOW + 3_600_000), state(work.id, NOW - 60_000), state(home.id, NOW + 60_000)],
      existing,
    );
    expect(p.create.map((c) => c.name)).toEqual([syncAlarmName(home.id)]);
  });

  it('moves an alarm that would fire before the scope is due', () => {
    const existing = [{ name: syncAlarmName(work.id), scheduledTime: NOW + 40_000 }];
    const p = plan(
      [state(list.id, null), state(work.id, NOW + 45_000), state(home.id, null)],
      existing,
    );
    expect(p.create).toEqual([{ name: syncAlarmName(work.id), when: NOW + 45_000 }]);
  });

  it('leaves a running scope’s lease alarm alone', () => {
    const existing = [{ name: syncAlarmName(work.id), scheduledTime: NOW + 30_000 }];
    const p = plan(
      [state(list.id, null), state(work.id, NOW - 1), state(home.id, null)],
      existing,
      [work.id],
    );
    expect(p).toEqual({ create: [], clear: [] });
  });
});
