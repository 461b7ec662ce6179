import { describe, expect, it } from 'vitest';
import { ManualClock, systemClock } from '../../../emulators/common/clock';

describe('ManualClock', () => {
  it('starts where told and only moves on set/advance', () => {
    const clock = new ManualClock(Date.UTC(2025, 5, 1));
    expect(clock.now()).toBe(Date.UTC(2025, 5, 1));
    clock.advance(1500);
    expect(clock.now()).toBe(Date.UTC(2025, 5, 1) + 1500);
    clock.set(new Date('2030-01-01T00:00:00Z'));
    expect(clock.now()).toBe(Date.UTC(2030, 0, 1));
  });

  it('refuses to run backwards or by garbage', () => {
    const clock = new ManualClock();
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
  });
});

describe('systemClock', () => {
  it('reads the wall clock', () => {
    const before = Date.now();
    const now = systemClock.now();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});
