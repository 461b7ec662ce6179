// Events of one Google calendar (spec §1). Full sync: windowed (timeMin/timeMax), singleEvents
// so series arrive as instances, maxResults 2500, and NO orderBy — with orderBy Google may omit the
// sync token [seen]. Incremental: the same singleEvents + the token and nothing else (timeMin,
// timeMax, orderBy… are forbidden with syncToken), following every page to the token.
import type { EventRecord, TimeWindow } from '../../store/records';
import type { Page, Provider } from '../provider';
import type { CalendarScope } from '../scope';
import type { EventsListParams, GoogleClient } from './client';
import { toEventRecord } from './event-record';
import { followPages, pageOf } from './listing';
import type { EventsList } from './schemas';
import {
  computeWindow,
  DEFAULT_WINDOW,
  overlapsWindow,
  toRfc3339,
  type WindowOptions,
} from './window';

export interface CalendarSyncOptions {
  readonly window: WindowOptions;
  /** spec §1: max 2500. */
  readonly maxResults: number;
  /** A listing longer than this is treated as a broken server, not followed forever. */
  readonly maxPages: number;
}

export const DEFAULT_CALENDAR_SYNC: CalendarSyncOptions = {
  window: DEFAULT_WINDOW,
  maxResults: 2500,
  maxPages: 400,
};

export function createCalendarEventsProvider(deps: {
  readonly clientFor: (sourceId: string) => GoogleClient;
  readonly options?: Partial<CalendarSyncOptions>;
}): Provider<CalendarScope, EventRecord> {
  const options = { ...DEFAULT_CALENDAR_SYNC, ...deps.options };
  return {
    key: 'google:calendar',
    collection: (store) => store.events,
    pull(scope, cursor, context) {
      // A cursor without its window cannot be filtered against: treat it as absent.
      const incremental = cursor?.window !== undefined;
      const window = cursor?.window ?? computeWindow(context.now, options.window);
      const base: EventsListParams =
        incremental && cursor
          ? { syncToken: cursor.token, singleEvents: true, maxResults: options.maxResults }
          : {
              timeMin: toRfc3339(window.startMs),
              timeMax: toRfc3339(window.endMs),
              singleEvents: true,
              maxResults: options.maxResults,
            };
      const client = deps.clientFor(scope.sourceId);
      return {
        mode: incremental ? 'incremental' : 'full',
        window,
        pages: followPages(
          (params) => client.listEvents(scope.calendarId, params, context.meter),
          base,
          (list) => toPage(scope.calendarKey, list, window),
          options.maxPages,
          `events listing of ${scope.calendarId}`,
        ),
      };
    },
  };
}

/** Last action per id wins within a page. Cancelled → delete (the store also deletes the
 * instances of a cancelled series); outside the covered window → delete (rule in window.ts). */
export function toPage(
  calendarKey: string,
  list: EventsList,
  window: TimeWindow,
): Page<EventRecord> {
  return pageOf(list.items, list.nextSyncToken, (item) => {
    if (item.status === 'cancelled') return null;
    const record = toEventRecord(calendarKey, item, list.timeZone);
    return overlapsWindow(record.startMs, record.endMs, window) ? record : null;
  });
}
