// The Google calendar list of one account (spec §5), with its own sync token. Synced on start,
// on demand and about hourly (scheduler.ts) — not every cycle. A deleted entry removes the
// calendar and its events; an entry that becomes unselected drops its events (store side).
import type { CalendarEntry } from '../../store/records';
import { BadResponse } from '../errors';
import type { Page, Provider, PullContext } from '../provider';
import { type CalendarListScope, calendarKey } from '../scope';
import type { CalendarListParams, GoogleClient } from './client';
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
      return {
        mode: cursor ? 'incremental' : 'full',
        pages: listPages(deps.clientFor(scope.sourceId), scope, base, context),
      };
    },
  };
}

async function* listPages(
  client: GoogleClient,
  scope: CalendarListScope,
  base: CalendarListParams,
  context: PullContext,
): AsyncGenerator<Page<CalendarEntry>> {
  let pageToken: string | undefined;
  for (let n = 0; n < MAX_PAGES; n++) {
    const params = pageToken === undefined ? base : { ...base, pageToken };
    const list = await client.listCalendarList(params, context.meter);
    yield toPage(scope.sourceId, list);
    if (list.nextSyncToken !== undefined) return;
    pageToken = list.nextPageToken;
  }
  throw new BadResponse(`calendar list exceeded ${MAX_PAGES} pages`);
}

export function toPage(sourceId: string, list: CalendarList): Page<CalendarEntry> {
  const actions = new Map<string, CalendarEntry | null>();
  for (const item of list.items) {
    actions.delete(item.id);
    actions.set(item.id, item.deleted ? null : toCalendarEntry(sourceId, item));
  }
  const upserts: CalendarEntry[] = [];
  const deletes: string[] = [];
  for (const [id, entry] of actions) {
    if (entry) upserts.push(entry);
    else deletes.push(id);
  }
  return {
    upserts,
    deletes,
    received: list.items.length,
    ...(list.nextSyncToken === undefined ? {} : { nextCursor: list.nextSyncToken }),
  };
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
