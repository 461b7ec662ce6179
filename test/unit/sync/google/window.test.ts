import { describe, expect, it } from 'vitest';
import { BadResponse } from '../../../../extension/sync/errors';
import { toEpochMs } from '../../../../extension/sync/google/event-times';
import { computeWindow, overlapsWindow } from '../../../../extension/sync/google/window';

const DAY = 86_400_000;

describe('sync window', () => {
  it('defaults to 30 days back and 365 ahead, on whole seconds', () => {
    const now = Date.UTC(2025, 0, 1, 12, 0, 0, 500);
    const w = computeWindow(now);
    expect(w.startMs).toBe(Date.UTC(2025, 0, 1, 12) - 30 * DAY);
    expect(w.endMs).toBe(Date.UTC(2025, 0, 1, 12, 0, 1) + 365 * DAY);
    expect(computeWindow(now, { backDays: 1, aheadDays: 2 }).endMs - now).toBeLessThan(
      2 * DAY + 1000,
    );
  });

  it('matches timeMin on the END and timeMax on the START, both exclusive (spec §1)', () => {
    const w = { startMs: 100, endMs: 200 };
    expect(overlapsWindow(50, 100, w)).toBe(false);
    expect(overlapsWindow(50, 101, w)).toBe(true);
    expect(overlapsWindow(199, 300, w)).toBe(true);
    expect(overlapsWindow(200, 300, w)).toBe(false);
    expect(overlapsWindow(0, 1_000, w)).toBe(true);
  });
});

describe('event times', () => {
  it('reads dateTime with its offset', () => {
    expect(toEpochMs({ dateTime: '2025-03-01T09:00:00+01:00' }, 'UTC')).toBe(
      Date.UTC(2025, 2, 1, 8),
    );
  });

  it('places an all-day date at midnight in the calendar zone, across DST', () => {
    expect(toEpochMs({ date: '2025-07-01' }, 'Europe/Berlin')).toBe(Date.UTC(2025, 5, 30, 22));
    expect(toEpochMs({ date: '2025-01-01' }, 'Europe/Berlin')).toBe(Date.UTC(2024, 11, 31, 23));
    expect(toEpochMs({ date: '2025-01-01' }, undefined)).toBe(Date.UTC(2025, 0, 1));
    // A zone newer than this runtime's tz data: UTC's midnight, not a failed calendar sync.
    expect(toEpochMs({ date: '2025-01-01' }, 'America/Nowhere_New')).toBe(Date.UTC(2025, 0, 1));
  });

  it('refuses a dateTime without offset rather than guessing the local zone', () => {
    expect(() => toEpochMs({ dateTime: '2025-03-01T09:00:00' }, 'UTC')).toThrow(BadResponse);
    expect(() => toEpochMs({ date: 'not-a-date' }, 'UTC')).toThrow(BadResponse);
  });
});
