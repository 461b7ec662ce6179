import { errors } from '../errors';
import { hashString } from '../ids';
import type { CalendarListState, CalendarRecord, GoogleState, UserRecord } from '../state';
import {
  decodePageToken,
  encodePageToken,
  type PagePosition,
  pageQuery,
} from '../sync/page-tokens';
import type { SyncTokenRegistry } from '../sync/sync-tokens';
import { formatTimestamp } from '../time';
import { type RenderContext, renderListed } from './event-render';
import type { AccessRole, EventJson } from './event-types';
import { computeListing } from './list-compute';
import { matchesFilters } from './list-filters';
import { type EventsListParams, earnsSyncToken } from './list-params';
import { timeMs } from './snapshot-view';

/**
 * events.list end to end (spec §1): sync-token redemption, snapshot pinning via page tokens,
 * filters, ordering, paging and the envelope. Exactly one of nextPageToken / nextSyncToken,
 * except that listings which cannot be resumed incrementally (orderBy, filters) get neither on
 * their last page.
 */
export interface ListDeps {
  state: GoogleState;
  tokens: SyncTokenRegistry;
  /** Expansion horizon for series without timeMax, from "now". */
  horizonMs: number;
  /** updatedMin older than this (from now) → 410 updatedMinTooLongAgo. */
  updatedMinLimitMs: number;
  listCache: Map<string, EventJson[]>;
  /** spec §1: "a page may be short or even empty and still carry nextPageToken". */
  shortPages: boolean;
}

export interface ListTarget {
  calendar: CalendarRecord;
  role: AccessRole;
  viewer: UserRecord;
  entry?: CalendarListState;
}

const CACHE_LIMIT = 32;

function compute(
  deps: ListDeps,
  target: ListTarget,
  p: EventsListParams,
  pos: PagePosition,
): EventJson[] {
  const zone = p.timeZone ?? target.calendar.meta.timeZone;
  const key = JSON.stringify([
    target.calendar.id,
    target.viewer.id,
    target.role,
    p.canonical,
    pos.s,
    pos.t,
    pos.h,
  ]);
  const hit = deps.listCache.get(key);
  if (hit !== undefined) return hit;
  const listed = computeListing(target.calendar, {
    seq: pos.s,
    ...(pos.t === undefined ? {} : { fromSeq: pos.t }),
    singleEvents: p.singleEvents,
    // spec §1: updatedMin always includes deletions; so does a sync token.
    showDeleted: p.showDeleted === true || p.updatedMin !== undefined || pos.t !== undefined,
    ...(p.timeMin === undefined ? {} : { timeMin: p.timeMin }),
    ...(p.timeMax === undefined ? {} : { timeMax: p.timeMax }),
    horizonMs: pos.h,
    zone,
  });
  const ctx: RenderContext = {
    calendar: target.calendar,
    viewer: target.viewer,
    role: target.role,
    zone,
  };
  const keyed = listed
    .filter((l) => pos.t !== undefined || matchesFilters(l.state.event, p))
    .map((l) => {
      const e = l.state.event;
      const key =
        p.orderBy === 'updated'
          ? e.updatedMs
          : p.orderBy === 'startTime'
            ? timeMs(e.start, zone)
            : 0;
      return { key, json: renderListed(l.state, ctx) };
    });
  // Default order is unspecified by Google; we order by id, which is unrelated to time, so a
  // client cannot come to rely on an order it was never promised.
  keyed.sort(
    (a, b) => a.key - b.key || (a.json.id < b.json.id ? -1 : a.json.id > b.json.id ? 1 : 0),
  );
  const items = keyed.map((k) => k.json);
  if (deps.listCache.size >= CACHE_LIMIT)
    deps.listCache.delete(deps.listCache.keys().next().value as string);
  deps.listCache.set(key, items);
  return items;
}

export function listEvents(
  deps: ListDeps,
  target: ListTarget,
  p: EventsListParams,
): Record<string, unknown> {
  const now = deps.state.now();
  // [open] A sync token serves the user it was issued to: another user's token for the same
  // shared calendar is foreign (what they see differs: roles, `self`, private fields) → 410.
  const scope = {
    kind: 'events' as const,
    calendarId: target.calendar.id,
    userId: target.viewer.id,
    singleEvents: p.singleEvents,
  };
  const q = pageQuery(`events.list|${target.calendar.id}|${target.viewer.id}`, p.canonical);
  let pos: PagePosition;
  if (p.pageToken !== undefined) {
    pos = decodePageToken(p.pageToken, q, deps.state.seq);
    // A follow-up page of an incremental listing still needs a live sync token.
    if (p.syncToken !== undefined && !deps.tokens.isValid(p.syncToken))
      throw errors.fullSyncRequired();
  } else {
    if (p.updatedMin !== undefined && now - p.updatedMin > deps.updatedMinLimitMs) {
      throw errors.updatedMinTooLongAgo();
    }
    const fromSeq = p.syncToken === undefined ? undefined : deps.tokens.redeem(p.syncToken, scope);
    pos = {
      q,
      s: deps.state.seq,
      o: 0,
      h: now + deps.horizonMs,
      ...(fromSeq === undefined ? {} : { t: fromSeq }),
    };
  }
  const all = compute(deps, target, p, pos);
  const size = deps.shortPages ? shortPageSize(pos, p.maxResults) : p.maxResults;
  const items = all.slice(pos.o, pos.o + size);
  const more = pos.o + size < all.length;
  const body: Record<string, unknown> = {
    kind: 'calendar#events',
    etag: target.calendar.lastEtag,
    summary: target.calendar.meta.summary,
    ...(target.calendar.meta.description ? { description: target.calendar.meta.description } : {}),
    updated: formatTimestamp(target.calendar.lastUpdatedMs),
    timeZone: target.calendar.meta.timeZone,
    accessRole: target.role,
    defaultReminders: target.entry?.defaultReminders ?? [],
  };
  if (more) {
    const { z: _z, ...rest } = pos;
    body.nextPageToken = encodePageToken({
      ...rest,
      o: pos.o + size,
      ...(size === 0 ? { z: 1 as const } : {}),
    });
  } else if (earnsSyncToken(p)) body.nextSyncToken = deps.tokens.issue(scope, pos.s);
  body.items = items;
  return body;
}

/**
 * Deterministic short pages (option `shortPages`): some pages are half size, some empty, as
 * Google's may be. An empty page is never followed by another empty one, so paging progresses.
 */
function shortPageSize(pos: PagePosition, maxResults: number): number {
  const roll = hashString(`${pos.s}:${pos.o}:${pos.t ?? ''}`) % 4;
  if (roll === 0 && pos.z === undefined) return 0;
  if (roll === 1) return Math.max(1, Math.floor(maxResults / 2));
  return maxResults;
}
