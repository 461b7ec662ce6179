// Events of one Google calendar (spec §1). Full sync: windowed (timeMin/timeMax), singleEvents
// so series arrive as instances, maxResults 2500, and NO orderBy — with orderBy Google may omit the
// sync token [seen]. Incremental: the same singleEvents + the token and nothing else (timeMin,
// timeMax, orderBy… are forbidden with syncToken), following every page to the token.
import type { EventRecord, TimeWindow } from '../../store/records';
import { BadResponse } from '../errors';
import type { Page, Provider, PullContext } from '../provider';
import type { CalendarScope } from '../scope';
import type { EventsListParams, GoogleClient } from './client';
import { toEventRecord } from './event-record';
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
        pages: listPages(client, scope, base, window, options.maxPages, context),
      };
    },
  };
}

async function* listPages(
  client: GoogleClient,
  scope: CalendarScope,
  base: EventsListParams,
  window: TimeWindow,
  maxPages: number,
  context: PullContext,
): AsyncGenerator<Page<EventRecord>> {
  let pageToken: string | undefined;
  for (let n = 0; n < maxPages; n++) {
    // spec §1: follow-up pages repeat the same query plus pageToken.
    const params = pageToken === undefined ? base : { ...base, pageToken };
    const list = await client.listEvents(scope.calendarId, params, context.meter);
    yield toPage(scope.calendarKey, list, window);
    if (list.nextSyncToken !== undefined) return;
    pageToken = list.nextPageToken;
  }
  throw new BadResponse(`events listing of ${scope.calendarId} exceeded ${maxPages} pages`);
}

/** Last action per id wins within a page. Cancelled → delete (the store also deletes the
 * instances of a cancelled series); outside the covered window → delete (rule in window.ts). */
export function toPage(
  calendarKey: string,
  list: EventsList,
  window: TimeWindow,
): Page<EventRecord> {
  const actions = new Map<string, EventRecord | null>();
  for (const item of list.items) {
    actions.delete(item.id);
    if (item.status === 'cancelled') {
      actions.set(item.id, null);
      continue;
    }
    const record = toEventRecord(calendarKey, item, list.timeZone);
    actions.set(item.id, overlapsWindow(record.startMs, record.endMs, window) ? record : null);
  }
  const upserts: EventRecord[] = [];
  const deletes: string[] = [];
  for (const [id, record] of actions) {
    if (record) upserts.push(record);
    else deletes.push(id);
  }
  return {
    upserts,
    deletes,
    received: list.items.length,
    ...(list.nextSyncToken === undefined ? {} : { nextCursor: list.nextSyncToken }),
  };
}
