// "Synced 3 minutes ago", "retrying in 2 minutes" (ui/relative-time.ts).
import { describe, expect, it } from 'vitest';
import { plural, timeAgo, timeUntil } from '../../extension/ui/relative-time';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const MIN = 60_000;

describe('relative times', () => {
  it('says how long ago, in the largest unit that reads', () => {
    expect(timeAgo(NOW - 20_000, NOW)).toBe('just now');
    expect(timeAgo(NOW - MIN, NOW)).toBe('1 minute ago');
    expect(timeAgo(NOW - 59 * MIN, NOW)).toBe('59 minutes ago');
    expect(timeAgo(NOW - 3 * 60 * MIN, NOW)).toBe('3 hours ago');
    expect(timeAgo(NOW - 3 * 24 * 60 * MIN, NOW)).toMatch(/^on /);
    // A clock that ran ahead: never "in the future".
    expect(timeAgo(NOW + 5 * MIN, NOW)).toBe('just now');
  });

  it('says how long until', () => {
    expect(timeUntil(NOW + 1000, NOW)).toBe('now');
    expect(timeUntil(NOW + 30_000, NOW)).toBe('in 30 seconds');
    expect(timeUntil(NOW + 2 * MIN, NOW)).toBe('in 2 minutes');
    expect(timeUntil(NOW + 90 * MIN, NOW)).toBe('in 2 hours');
  });

  it('reads a time that is no number as words, not "on Invalid Date" or "in NaN hours"', () => {
    expect(timeAgo(Number.NaN, NOW)).toBe('at an unknown time');
    expect(timeUntil(Number.NaN, NOW)).toBe('soon');
  });

  it('counts', () => {
    expect(plural(1, 'calendar')).toBe('1 calendar');
    expect(plural(1200, 'event')).toBe('1,200 events');
  });
});
