import { errors } from '../errors';
import { QueryReader } from '../query-params';
import {
  decodePageToken,
  encodePageToken,
  type PagePosition,
  pageQuery,
} from '../sync/page-tokens';
import { DAY_MS, formatTimestamp, isValidTimeZone, parseRfc3339 } from '../time';
import { type RenderContext, renderListed } from './event-render';
import type { EventState } from './event-types';
import { durationMs, expandSeries, isRecurringMaster } from './instances';
import type { ListDeps, ListTarget } from './list-events';
import { MAX_MAX_RESULTS } from './list-params';
import { startMs } from './recurrence';
import { overlaps, timeMs, viewAt } from './snapshot-view';

/**
 * events.instances: the instances of one series, ordered by start, paged like events.list (the
 * snapshot is pinned by the page token) but never with a sync token.
 */
export function listInstances(
  deps: ListDeps,
  target: ListTarget,
  eventId: string,
  url: URL,
): Record<string, unknown> {
  const r = new QueryReader(url.searchParams);
  const maxResults = r.int('maxResults', 1, MAX_MAX_RESULTS) ?? 250;
  const showDeleted = r.bool('showDeleted') ?? false;
  const timeMin = r.time('timeMin');
  const timeMax = r.time('timeMax');
  const timeZone = r.string('timeZone');
  if (timeZone !== undefined && !isValidTimeZone(timeZone))
    throw errors.invalidParameter('timeZone', timeZone);
  const originalStart = r.string('originalStart');
  const originalStartMs = originalStart === undefined ? undefined : parseRfc3339(originalStart);
  if (originalStart !== undefined && originalStartMs === undefined) {
    throw errors.invalidParameter('originalStart', originalStart);
  }
  if (timeMin !== undefined && timeMax !== undefined && timeMax <= timeMin)
    throw errors.timeRangeEmpty('timeMax');
  const pageToken = r.string('pageToken');
  // A page token serves this series of this calendar for this user only.
  const q = pageQuery(
    `events.instances|${target.calendar.id}|${eventId}|${target.viewer.id}`,
    r.canonical(),
  );
  const pos: PagePosition =
    pageToken === undefined
      ? { q, s: deps.state.seq, o: 0, h: deps.state.now() + deps.horizonMs }
      : decodePageToken(pageToken, q, deps.state.seq);

  const view = viewAt(target.calendar, pos.s);
  const master = view.byId.get(eventId);
  if (master === undefined) throw errors.notFound();
  if (master.deleted) throw errors.deleted();
  const zone = timeZone ?? target.calendar.meta.timeZone;
  let states: EventState[];
  if (!isRecurringMaster(master.event)) states = [master];
  else {
    const from =
      timeMin === undefined
        ? startMs(master.event.start) - DAY_MS
        : timeMin - durationMs(master.event) - 2 * DAY_MS;
    const to = (timeMax ?? pos.h) + 2 * DAY_MS;
    const exceptions = view.exceptionsBySeries.get(eventId) ?? [];
    states = expandSeries(master.event, exceptions, from, to).map((i) => i.state);
  }
  const gone = (s: EventState) => s.deleted || s.event.status === 'cancelled';
  const filtered = states
    .filter((s) => showDeleted || !gone(s))
    .filter((s) =>
      overlaps([timeMs(s.event.start, zone), timeMs(s.event.end, zone)], timeMin, timeMax),
    )
    .filter((s) => {
      if (originalStartMs === undefined) return true;
      const o = s.event.originalStartTime;
      return o !== undefined && timeMs(o, zone) === originalStartMs;
    })
    .sort((a, b) => timeMs(a.event.start, zone) - timeMs(b.event.start, zone));
  const ctx: RenderContext = {
    calendar: target.calendar,
    viewer: target.viewer,
    role: target.role,
    zone,
  };
  const page = filtered.slice(pos.o, pos.o + maxResults);
  return {
    kind: 'calendar#events',
    etag: target.calendar.lastEtag,
    summary: target.calendar.meta.summary,
    updated: formatTimestamp(target.calendar.lastUpdatedMs),
    timeZone: target.calendar.meta.timeZone,
    accessRole: target.role,
    defaultReminders: target.entry?.defaultReminders ?? [],
    ...(pos.o + maxResults < filtered.length
      ? { nextPageToken: encodePageToken({ ...pos, o: pos.o + maxResults }) }
      : {}),
    items: page.map((s) => renderListed(s, ctx)),
  };
}
