// Which view and which date the page shows, kept in the URL hash (`#week/2026-11-23`) so a reload
// or a bookmark lands on the same place. Parsing is strict: anything else means "today's agenda".
import { addDays, daysFrom, type IsoDate, isIsoDate, startOfWeek } from './zone-days';

export const VIEWS = ['agenda', 'day', 'week'] as const;
export type ViewKind = (typeof VIEWS)[number];

export interface ViewState {
  readonly view: ViewKind;
  /** The anchor: the agenda's first day, the day shown, or any day of the week shown. */
  readonly date: IsoDate;
}

/** "today and the next 6 days". */
export const AGENDA_DAYS = 7;

export function parseViewHash(hash: string, today: IsoDate, fallback: ViewKind): ViewState {
  const [view, date] = hash.replace(/^#\/?/, '').split('/');
  const kind = (VIEWS as readonly string[]).includes(view ?? '') ? (view as ViewKind) : fallback;
  return { view: kind, date: date && isIsoDate(date) ? date : today };
}

/** Whether a date field's value is one the page can go to. While a year is typed the field
 * holds years 2, 20, 202 (never gone to), and Chromium's field takes a fifth and sixth digit,
 * which the page's hash cannot hold: it went to today without a word. */
export function dateToGoTo(value: string): boolean {
  return value >= '1000' && isIsoDate(value);
}

/** Today's view carries no date (`#week`): it is "today", and follows the date at midnight on a
 * page left open; any other date is pinned (`#week/2026-11-23`). */
export function viewHash(state: ViewState, today: IsoDate): string {
  return state.date === today ? `#${state.view}` : `#${state.view}/${state.date}`;
}

export function viewDays(state: ViewState, weekStartsOn = 1): IsoDate[] {
  if (state.view === 'day') return [state.date];
  if (state.view === 'week') return daysFrom(startOfWeek(state.date, weekStartsOn), 7);
  return daysFrom(state.date, AGENDA_DAYS);
}

/** One page back or forward: a day in the day view, seven days otherwise. */
export function stepView(state: ViewState, direction: -1 | 1): ViewState {
  const days = state.view === 'day' ? 1 : 7;
  return { view: state.view, date: addDays(state.date, direction * days) };
}
