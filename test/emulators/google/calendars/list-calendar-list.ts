import { errors } from '../errors';
import type { AccessRole } from '../events/event-types';
import { QueryReader } from '../query-params';
import type { GoogleState } from '../state';
import {
  decodePageToken,
  encodePageToken,
  type PagePosition,
  pageQuery,
} from '../sync/page-tokens';
import type { SyncTokenRegistry } from '../sync/sync-tokens';
import { renderEntry } from './calendar-store';

/**
 * calendarList.list (spec §5): max 250 (default 100), own sync tokens. With a sync token, deleted
 * and hidden entries always come back and `minAccessRole` is forbidden (400).
 */
const ROLE_RANK: Record<AccessRole, number> = {
  none: 0,
  freeBusyReader: 1,
  reader: 2,
  writer: 3,
  owner: 4,
};

export function listCalendarList(
  state: GoogleState,
  tokens: SyncTokenRegistry,
  userId: string,
  url: URL,
): Record<string, unknown> {
  const r = new QueryReader(url.searchParams);
  const maxResults = r.int('maxResults', 1, 250) ?? 100;
  const minAccessRole = r.string('minAccessRole');
  if (minAccessRole !== undefined && !(minAccessRole in ROLE_RANK)) {
    throw errors.invalidParameter('minAccessRole', minAccessRole);
  }
  const showDeleted = r.bool('showDeleted') ?? false;
  const showHidden = r.bool('showHidden') ?? false;
  const syncToken = r.string('syncToken');
  const pageToken = r.string('pageToken');
  const canonical = r.canonical();
  if (syncToken !== undefined && minAccessRole !== undefined) {
    throw errors.invalid('Sync token cannot be used with other request restrictions.', 'syncToken');
  }
  const scope = { kind: 'calendarList' as const, userId };
  const q = pageQuery(`calendarList|${userId}`, canonical);
  let pos: PagePosition;
  if (pageToken !== undefined) {
    pos = decodePageToken(pageToken, q, state.seq);
    if (syncToken !== undefined && !tokens.isValid(syncToken)) throw errors.fullSyncRequired();
  } else {
    const from = syncToken === undefined ? undefined : tokens.redeem(syncToken, scope);
    pos = {
      q,
      s: state.seq,
      o: 0,
      h: 0,
      ...(from === undefined ? {} : { t: from }),
    };
  }
  const incremental = pos.t !== undefined;
  const rows = [...state.calendarList(userId).entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([, record]) => {
      const entry = record.at(pos.s);
      if (entry === undefined) return [];
      if (incremental) return record.changedIn(pos.t!, pos.s) ? [entry] : [];
      if (entry.deleted && !showDeleted) return [];
      if (entry.hidden && !showHidden) return [];
      if (
        minAccessRole !== undefined &&
        ROLE_RANK[entry.accessRole] < ROLE_RANK[minAccessRole as AccessRole]
      ) {
        return [];
      }
      return [entry];
    });
  const page = rows.slice(pos.o, pos.o + maxResults);
  const body: Record<string, unknown> = {
    kind: 'calendar#calendarList',
    etag: listEtag(state, userId),
  };
  if (pos.o + maxResults < rows.length)
    body.nextPageToken = encodePageToken({ ...pos, o: pos.o + maxResults });
  else if (minAccessRole === undefined) body.nextSyncToken = tokens.issue(scope, pos.s);
  body.items = page.map((e) => renderEntry(state, e));
  return body;
}

/** The envelope etag: that of the most recently changed entry. */
function listEtag(state: GoogleState, userId: string): string {
  let etag = '"0"';
  let latest = -1;
  for (const record of state.calendarList(userId).values()) {
    if (record.latestSeq > latest) {
      latest = record.latestSeq;
      etag = record.latest.etag;
    }
  }
  return etag;
}
