// The Google calendar list of one account (spec §5), with its own sync token. Synced on start,
// on demand and about hourly (scheduler.ts) — not every cycle. A deleted entry removes the
// calendar and its events; an entry that becomes unselected drops its events (store side).
import type { CalendarEntry } from '../../store/records';
import type { Page, Provider } from '../provider';
import { type CalendarListScope, calendarKey } from '../scope';
import type { CalendarListParams, GoogleClient } from './client';
import { followPages, pageOf } from './listing';
import type { CalendarList, CalendarListEntry } from './schemas';

const MAX_RESULTS = 250; // spec §5: max 250.
const MAX_PAGES = 100;

export function createCalendarListProvider(deps: {
  readonly clientFor: (sourceId: string) => GoogleClient;
}): Provider<CalendarListScope, CalendarEntry> {
  return {
    key: 'google:calendar-list',
    collection: (store) => store.calendarList,
    pull(scope, cursor, context) {
      const base: CalendarListParams = cursor
        ? { syncToken: cursor.token, maxResults: MAX_RESULTS }
        : { maxResults: MAX_RESULTS };
      const client = deps.clientFor(scope.sourceId);
      return {
        mode: cursor ? 'incremental' : 'full',
        pages: followPages(
          (params) => client.listCalendarList(params, context.meter),
          base,
          (list) => toPage(scope.sourceId, list),
          MAX_PAGES,
          'calendar list',
        ),
      };
    },
  };
}

export function toPage(sourceId: string, list: CalendarList): Page<CalendarEntry> {
  return pageOf(list.items, list.nextSyncToken, (item) =>
    item.deleted ? null : toCalendarEntry(sourceId, item),
  );
}

export function toCalendarEntry(sourceId: string, item: CalendarListEntry): CalendarEntry {
  return {
    key: calendarKey(sourceId, item.id),
    sourceId,
    id: item.id,
    // spec §5 does not promise an etag on list entries: without one, the entry's own JSON is its
    // version, so an unchanged entry is still recognised and not rewritten.
    etag: item.etag ?? `json:${JSON.stringify(item)}`,
    summary: item.summary ?? item.id,
    ...optional('summaryOverride', item.summaryOverride),
    ...optional('timeZone', item.timeZone),
    ...optional('accessRole', item.accessRole),
    ...optional('backgroundColor', item.backgroundColor),
    ...optional('foregroundColor', item.foregroundColor),
    ...optional('colorId', item.colorId),
    hidden: item.hidden ?? false,
    googleSelected: item.selected ?? false,
    primary: item.primary ?? false,
    raw: item,
  };
}

function optional<K extends string>(key: K, value: string | undefined) {
  return (value === undefined ? {} : { [key]: value }) as Partial<Record<K, string>>;
}
