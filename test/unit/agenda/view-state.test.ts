import { describe, expect, it } from 'vitest';
import {
  dateToGoTo,
  parseViewHash,
  stepView,
  viewDays,
  viewHash,
} from '../../../extension/ui/agenda/view-state';

const TODAY = '2026-11-21';

describe('the view in the URL', () => {
  it('round-trips a view and date', () => {
    const state = parseViewHash('#week/2026-11-23', TODAY, 'agenda');
    expect(state).toEqual({ view: 'week', date: '2026-11-23' });
    expect(viewHash(state, TODAY)).toBe('#week/2026-11-23');
  });

  it("writes today's view without a date, so it follows the date past midnight", () => {
    expect(viewHash({ view: 'day', date: TODAY }, TODAY)).toBe('#day');
    expect(parseViewHash('#day', '2026-11-22', 'agenda')).toEqual({
      view: 'day',
      date: '2026-11-22',
    });
    // Another date stays where it was put.
    expect(viewHash({ view: 'day', date: '2026-11-20' }, TODAY)).toBe('#day/2026-11-20');
  });

  it('falls back to today and the preferred view for anything else', () => {
    expect(parseViewHash('', TODAY, 'agenda')).toEqual({ view: 'agenda', date: TODAY });
    expect(parseViewHash('#month/2026-11-23', TODAY, 'day')).toEqual({
      view: 'day',
      date: '2026-11-23',
    });
    expect(parseViewHash('#week/2026-02-30', TODAY, 'agenda')).toEqual({
      view: 'week',
      date: TODAY,
    });
  });

  it('goes to a typed date only once it is whole, with a four-digit year', () => {
    for (const typing of ['0002-11-23', '0020-11-23', '0202-11-23', '']) {
      expect(dateToGoTo(typing)).toBe(false);
    }
    expect(dateToGoTo('2026-11-23')).toBe(true);
    // Chromium's field takes a fifth digit of year: the hash could not hold it.
    expect(dateToGoTo('20266-11-23')).toBe(false);
    expect(dateToGoTo('2026-02-30')).toBe(false);
  });

  it('lists the days each view shows', () => {
    expect(viewDays({ view: 'agenda', date: TODAY })).toEqual([
      '2026-11-21',
      '2026-11-22',
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
    ]);
    expect(viewDays({ view: 'day', date: TODAY })).toEqual([TODAY]);
    const week = viewDays({ view: 'week', date: TODAY });
    expect([week[0], week[6]]).toEqual(['2026-11-16', '2026-11-22']);
    expect(viewDays({ view: 'week', date: TODAY }, 7)[0]).toBe('2026-11-15');
  });

  it('steps a day in the day view and a week otherwise', () => {
    expect(stepView({ view: 'day', date: '2026-11-30' }, 1).date).toBe('2026-12-01');
    expect(stepView({ view: 'week', date: TODAY }, -1).date).toBe('2026-11-14');
    expect(stepView({ view: 'agenda', date: TODAY }, 1).date).toBe('2026-11-28');
  });
});
