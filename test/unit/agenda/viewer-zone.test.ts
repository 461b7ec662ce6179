// The zone the new tab shows time in when the runtime's own is unusable (ui/agenda/viewer-zone.ts).
import { describe, expect, it } from 'vitest';
import { isKnownZone, knownZoneOr } from '../../../extension/sync/known-zone';
import { offsetStandIn, viewerZone } from '../../../extension/ui/agenda/viewer-zone';
import { dateOf } from '../../../extension/ui/agenda/zone-days';

describe('the viewer’s zone', () => {
  it('is the runtime’s when Temporal and Intl know it', () => {
    expect(viewerZone('America/Los_Angeles', -480)).toEqual({ zone: 'America/Los_Angeles' });
    expect(viewerZone('Asia/Calcutta', 330)).toEqual({ zone: 'Asia/Calcutta' });
  });

  it('stands in with the clock’s offset, and says so, when the runtime reports "Etc/Unknown"', () => {
    const behind = viewerZone('Etc/Unknown', -300);
    expect(behind).toEqual({ zone: 'Etc/GMT+5', label: 'UTC−5', unknown: 'Etc/Unknown' });
    // A usable zone: the page can place days in it (this threw before, and the page stayed blank).
    expect(dateOf(Date.parse('2026-11-23T03:00:00Z'), behind.zone)).toBe('2026-11-22');
    expect(viewerZone('Etc/Unknown', 0)).toEqual({
      zone: 'UTC',
      label: 'UTC',
      unknown: 'Etc/Unknown',
    });
  });

  it('keeps a half-hour offset where the runtime takes offset names, else falls back to UTC', () => {
    const stand = offsetStandIn(330);
    if (stand.zone === 'UTC') expect(stand.label).toBe('UTC');
    else expect(stand).toEqual({ zone: '+05:30', label: 'UTC+5:30' });
    expect(offsetStandIn(Number.NaN)).toEqual({ zone: 'UTC', label: 'UTC' });
  });

  it('checks a zone name once, and falls back on an unknown one', () => {
    expect(isKnownZone('Europe/Berlin')).toBe(true);
    expect(isKnownZone('Etc/Unknown')).toBe(false);
    expect(isKnownZone('')).toBe(false);
    expect(knownZoneOr('Mars/Olympus_Mons')).toBe('UTC');
    expect(knownZoneOr(undefined)).toBe('UTC');
    expect(knownZoneOr('Asia/Tokyo')).toBe('Asia/Tokyo');
  });
});
