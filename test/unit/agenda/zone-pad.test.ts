import { describe, expect, it } from 'vitest';
import { MAX_ZONE_PAD_MS, zonePadMs } from '../../../extension/ui/agenda/zone-pad';

const H = 3_600_000;
const winter = {
  startMs: Date.parse('2026-11-23T08:00:00Z'),
  endMs: Date.parse('2026-11-30T08:00:00Z'),
};

describe('how far other zones’ midnights reach', () => {
  it('is the widest offset difference (UTC included) plus an hour', () => {
    // Los Angeles is UTC−8 in November: UTC midnight is 8 h away.
    expect(zonePadMs(['America/Los_Angeles'], 'America/Los_Angeles', winter)).toBe(9 * H);
    expect(zonePadMs(['America/New_York'], 'America/Los_Angeles', winter)).toBe(9 * H);
    expect(zonePadMs(['Europe/Berlin'], 'America/Los_Angeles', winter)).toBe(10 * H);
    expect(zonePadMs([], 'UTC', winter)).toBe(1 * H);
  });

  it('covers a DST change inside the window', () => {
    const spring = {
      startMs: Date.parse('2027-03-08T08:00:00Z'),
      endMs: Date.parse('2027-03-15T07:00:00Z'),
    };
    // Berlin vs Los Angeles: 9 h before the US change, 8 h after; UTC: 8 h, then 7 h.
    expect(zonePadMs(['Europe/Berlin'], 'America/Los_Angeles', spring)).toBe(10 * H);
  });

  it('never exceeds 26 h, and assumes it for a zone the runtime does not know', () => {
    expect(zonePadMs(['Pacific/Kiritimati', 'Etc/GMT+12'], 'UTC', winter)).toBe(15 * H);
    expect(zonePadMs(['Pacific/Kiritimati'], 'Etc/GMT+12', winter)).toBe(MAX_ZONE_PAD_MS);
    expect(zonePadMs(['Mars/Olympus_Mons'], 'UTC', winter)).toBe(MAX_ZONE_PAD_MS);
  });
});
