// Audit: a new tab left open for a long time. Unit level, with the clock as a parameter: the now
// line across a DST change on a page that stays open (the grid's axes are memoized per days and
// zone, so only `nowMs` moves), and the saved frame after the clock moves back.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { planAgenda } from '../../../extension/ui/agenda/agenda-plan';
import type { TaskActions } from '../../../extension/ui/agenda/entry-views';
import { savedFrameFor } from '../../../extension/ui/agenda/frame-paint';
import { frameValidUntil, saveFrame } from '../../../extension/ui/agenda/frame-save';
import type { SavedFrame } from '../../../extension/ui/agenda/saved-frame';
import { TimeGrid } from '../../../extension/ui/agenda/time-grid';
import { dayBounds, daysFrom, startOfWeek } from '../../../extension/ui/agenda/zone-days';
import { MemoryStorage } from '../support/memory-storage';

const NY = 'America/New_York';
const actions: TaskActions = { completing: new Map(), onToggle: () => undefined };
const PX_PER_MINUTE = 0.8;

function nowLineTop(mode: 'day' | 'week', date: string, nowMs: number): number | undefined {
  const days = mode === 'day' ? [date] : daysFrom(startOfWeek(date, 1), 7);
  const plan = planAgenda({
    days,
    zone: NY,
    today: date,
    nowMs,
    events: [],
    tasks: [],
    declined: 'dim',
    showCompleted: false,
  });
  const html = renderToStaticMarkup(
    createElement(TimeGrid, { plan, mode, zone: NY, locale: 'en-US', today: date, nowMs, actions }),
  );
  const top = /<li class="now-line" style="top:([\d.]+)px"/.exec(html)?.[1];
  return top === undefined ? undefined : Number(top);
}

describe('the now line across the fall-back change in New York (2026-11-01 02:00 EDT)', () => {
  const day = '2026-11-01';
  const firstOneThirty = Date.parse('2026-11-01T05:30:00Z'); // 1:30 AM EDT
  const secondOneThirty = Date.parse('2026-11-01T06:30:00Z'); // 1:30 AM EST
  const threeAm = Date.parse('2026-11-01T08:00:00Z'); // 3:00 AM EST

  it('the day view (real time) keeps moving down: 1:30 twice is an hour apart', () => {
    expect(nowLineTop('day', day, firstOneThirty)).toBeCloseTo(90 * PX_PER_MINUTE);
    expect(nowLineTop('day', day, secondOneThirty)).toBeCloseTo(150 * PX_PER_MINUTE);
    expect(nowLineTop('day', day, threeAm)).toBeCloseTo(240 * PX_PER_MINUTE);
  });

  it('the week (wall clock) goes back to 1:30 at the change, and reads 3 AM at 3 AM', () => {
    expect(nowLineTop('week', day, firstOneThirty)).toBeCloseTo(90 * PX_PER_MINUTE);
    expect(nowLineTop('week', day, secondOneThirty)).toBeCloseTo(90 * PX_PER_MINUTE);
    expect(nowLineTop('week', day, threeAm)).toBeCloseTo(180 * PX_PER_MINUTE);
  });

  it('spring forward (2027-03-14): the week jumps from 1:59 to 3:00, the day view does not', () => {
    const before = Date.parse('2027-03-14T06:59:00Z'); // 1:59 AM EST
    const after = Date.parse('2027-03-14T07:00:00Z'); // 3:00 AM EDT
    expect(nowLineTop('week', '2027-03-14', before)).toBeCloseTo(119 * PX_PER_MINUTE);
    expect(nowLineTop('week', '2027-03-14', after)).toBeCloseTo(180 * PX_PER_MINUTE);
    expect(nowLineTop('day', '2027-03-14', after)).toBeCloseTo(120 * PX_PER_MINUTE);
  });
});

describe('the saved first frame and a clock that moves back', () => {
  // Kept on Nov 24 at 10:00 in New York: nothing planned after it, so good until that midnight.
  const keptAt = Date.parse('2026-11-24T15:00:00Z');
  const plan = planAgenda({
    days: daysFrom('2026-11-24', 7),
    zone: NY,
    today: '2026-11-24',
    nowMs: keptAt,
    events: [],
    tasks: [],
    declined: 'dim',
    showCompleted: false,
  });
  const frame: SavedFrame = {
    context: 'ctx',
    revision: 'rev',
    drawnAtMs: keptAt,
    validUntilMs: frameValidUntil(plan, keptAt, dayBounds('2026-11-24', NY).endMs),
    zone: NY,
    html: '<div class="agenda-app"><section class="day today" data-date="2026-11-24"></section></div>',
  };

  it('is not painted at a time before it was drawn (its "Today" is Nov 24)', () => {
    const local = new MemoryStorage();
    saveFrame(local, frame);
    expect(savedFrameFor(local, 'ctx', keptAt + 60_000)).toEqual(frame);
    // The computer's clock is corrected back a day (a clock that ran fast; a restored VM): the
    // frame's "Today, November 24" must not be painted on Nov 23.
    const dayBefore = Date.parse('2026-11-23T15:00:00Z');
    expect(savedFrameFor(local, 'ctx', dayBefore)).toBeUndefined();
  });
});
