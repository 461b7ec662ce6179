// The boot read's window (boot-window.ts) against the page's own read: whatever the zone, the
// moment, the hash and the saved view, it must cover widestWindow of the request the page builds
// with its exact rules (view-state.ts, zone-days.ts, prefs.ts). If it did not, the page would
// silently drop the boot read and pay for a second one, so this is checked over a grid rather
// than a few hand-picked cases: the boot script re-implements the rules with Intl and Date.UTC,
// and the places it can drift are zone offsets, DST days, local midnights and odd hashes.
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { covers } from '../../../extension/store/agenda-rows';
import type { TimeWindow } from '../../../extension/store/records';
import { widestWindow } from '../../../extension/ui/agenda/agenda-data';
import { type BootInput, bootView, bootWindow } from '../../../extension/ui/agenda/boot-window';
import { loadPrefs, PREFS_KEY } from '../../../extension/ui/agenda/prefs';
import { parseViewHash, viewDays } from '../../../extension/ui/agenda/view-state';
import { dateOf, HOUR_MS } from '../../../extension/ui/agenda/zone-days';

const ZONES = [
  'UTC',
  'America/New_York',
  'America/Los_Angeles',
  'Europe/London',
  'Europe/Lisbon',
  'Asia/Kolkata', // +5:30
  'Asia/Kathmandu', // +5:45
  'Pacific/Kiritimati', // +14, the earliest midnight
  'Etc/GMT+12', // −12, the latest
  'Pacific/Apia', // +13, and it once skipped a whole day
  'Australia/Lord_Howe', // a 30-minute DST
];

// Ordinary days, the 2026 DST changes (US: Mar 8, Nov 1; EU: Mar 29, Oct 25; Lord Howe: Apr 5,
// Oct 4), the days either side of a change, and a year's and a leap month's end.
const DATES = [
  '2026-01-15',
  '2026-03-07',
  '2026-03-08',
  '2026-03-09',
  '2026-03-28',
  '2026-03-29',
  '2026-03-30',
  '2026-04-05',
  '2026-10-04',
  '2026-10-24',
  '2026-10-25',
  '2026-10-31',
  '2026-11-01',
  '2026-11-02',
  '2026-12-31',
  '2028-02-29',
];

// Wall-clock times in the viewer's zone, crowded around midnight, where "today" flips, and the
// small hours, where DST changes happen. A time a DST change skips resolves to a later instant.
const WALL_TIMES = [
  '00:00',
  '00:00:00.001',
  '00:30',
  '01:00',
  '01:30',
  '02:00',
  '02:30',
  '03:00',
  '12:00',
  '23:00',
  '23:30',
  '23:59:59.999',
];

function instantsIn(zone: string): number[] {
  return DATES.flatMap((date) =>
    WALL_TIMES.map(
      (time) =>
        Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(zone).epochMilliseconds,
    ),
  );
}

// Hashes whose date the page ignores (none, malformed, impossible), so the view falls back to the
// saved one or the date to today.
const UNDATED_HASHES = [
  '',
  '#',
  '#agenda',
  '#day',
  '#week',
  '#/week',
  '#week/2026-02-30', // not a date
  '#day/2026-3-8', // not ISO
  '#week/today',
  '#month/2026-03-08', // not a view: the saved one, on that date
  '#nonsense',
];
// What localStorage may hold as the saved view: the three views, and what prefs.ts rejects.
const SAVED_VIEWS: unknown[] = ['agenda', 'day', 'week', 'month', 42, null, undefined];

// Hashes naming a date: the moment does not matter to them, only the zone.
const DATED_HASHES = ['agenda', 'day', 'week', '/week', 'bogus'].flatMap((view) =>
  DATES.map((date) => `#${view}/${date}`),
);

/** What the page reads first, by its own rules: the saved view as prefs.ts parses it from the
 * same localStorage value the boot script reads, today by Temporal, the days by view-state.ts. */
function pageWindow(input: BootInput): TimeWindow {
  const stored = input.savedView === undefined ? null : JSON.stringify({ view: input.savedView });
  const prefs = loadPrefs({ getItem: (key) => (key === PREFS_KEY ? stored : null) });
  const today = dateOf(input.nowMs, input.zone);
  const state = parseViewHash(input.hash, today, prefs.view);
  return widestWindow({ days: viewDays(state), zone: input.zone });
}

// How far past the page's window the boot window may reach on each side: its 3 h DST slack,
// plus up to 1 h because it takes the zone's offset at UTC midnight rather than at the local one
// (a DST change between the two moves it by the change: 1 h at most in these zones). Anything more
// means rows read for nothing; a view's window is days long, so 4 h per edge is small but is not
// slack a mistake of a whole day could hide in.
const MAX_EXTRA_PER_EDGE_MS = 4 * HOUR_MS;

interface Miss {
  readonly input: BootInput;
  readonly boot: TimeWindow | undefined;
  readonly page: TimeWindow;
}

/** The inputs whose boot window misses the page's, or overshoots it by more than allowed. */
function misses(inputs: readonly BootInput[]): Miss[] {
  const out: Miss[] = [];
  for (const input of inputs) {
    const boot = bootWindow(input);
    const page = pageWindow(input);
    const tooWide =
      boot !== undefined &&
      (page.startMs - boot.startMs > MAX_EXTRA_PER_EDGE_MS ||
        boot.endMs - page.endMs > MAX_EXTRA_PER_EDGE_MS);
    if (boot === undefined || !covers(boot, page) || tooWide) out.push({ input, boot, page });
  }
  return out;
}

describe('the boot read’s window', () => {
  // Every moment against the three views (and a date the page rejects): where "today" and the
  // week it falls in are decided. The hash parsing does not depend on the moment, so its many
  // spellings are crossed with the zones at a few moments only (below); the full cross product
  // is ~20x slower for nothing more.
  it.each(ZONES)('covers the page’s read, and not much more, at every moment (%s)', (zone) => {
    const inputs = instantsIn(zone).flatMap((nowMs) => [
      { hash: '', savedView: 'agenda', nowMs, zone },
      { hash: '', savedView: 'day', nowMs, zone },
      { hash: '', savedView: 'week', nowMs, zone },
      { hash: '#week/2026-02-30', savedView: 'day', nowMs, zone },
    ]);
    // The first few misses, reported whole: which zone, moment and view drifted.
    expect(misses(inputs).slice(0, 5)).toEqual([]);
  });

  it.each(ZONES)('covers the page’s read for every hash and saved view (%s)', (zone) => {
    // Just before and after a local midnight, and midday.
    const moments = ['2026-03-08T23:59:59.999', '2026-03-09T00:00', '2026-10-25T12:00'].map(
      (wall) => Temporal.PlainDateTime.from(wall).toZonedDateTime(zone).epochMilliseconds,
    );
    const undated = moments.flatMap((nowMs) =>
      UNDATED_HASHES.flatMap((hash) =>
        SAVED_VIEWS.map((savedView) => ({ hash, savedView, nowMs, zone })),
      ),
    );
    // A named date makes the moment irrelevant, and the saved view too unless the view is bogus.
    const nowMs = moments[0] ?? 0;
    const dated = DATED_HASHES.flatMap((hash) =>
      (hash.startsWith('#bogus/') ? SAVED_VIEWS : ['day']).map((savedView) => ({
        hash,
        savedView,
        nowMs,
        zone,
      })),
    );
    const inputs = [...undated, ...dated];
    expect(misses(inputs).slice(0, 5)).toEqual([]);
  });

  it('is undefined for a zone the runtime does not know', () => {
    const nowMs = Date.parse('2026-11-25T15:00:00Z');
    expect(bootWindow({ hash: '', savedView: 'week', nowMs, zone: 'Mars/Olympus_Mons' })).toBe(
      undefined,
    );
    expect(bootWindow({ hash: '#day/2026-11-25', savedView: 'day', nowMs, zone: '' })).toBe(
      undefined,
    );
  });

  it('covers dates from before standard time, whose offsets have seconds (GMT-04:56:02)', () => {
    const nowMs = Date.parse('2026-11-25T15:00:00Z');
    for (const [hash, zone] of [
      ['#week/1850-01-01', 'America/New_York'],
      ['#day/1847-12-01', 'Europe/London'],
    ] as const) {
      expect(misses([{ hash, savedView: 'day', nowMs, zone }])).toEqual([]);
    }
  });

  it('opens the view the page opens: the hash’s, else the saved one, else the list', () => {
    const cases: [string, unknown][] = [
      ['#week/2026-11-25', 'day'],
      ['#day', 'week'],
      ['', 'week'],
      ['#bogus/2026-11-25', 'day'],
      ['', 'nonsense'],
      ['', undefined],
      ['#/agenda/2026-11-25', 'week'],
    ];
    for (const [hash, savedView] of cases) {
      const fallback = savedView === 'day' || savedView === 'week' ? savedView : 'agenda';
      expect(bootView({ hash, savedView })).toBe(parseViewHash(hash, '2026-11-25', fallback).view);
    }
  });
});
