import type { GoogleDeps } from './deps';
import { type RenderContext, renderFull } from './events/event-render';
import type { EventJson } from './events/event-types';
import { computeListing } from './events/list-compute';
import { timeMs } from './events/snapshot-view';

export interface SnapshotWindow {
  /** epoch ms or RFC 3339; bounds the END (exclusive) as timeMin does. */
  timeMin?: number | string;
  /** epoch ms or RFC 3339; bounds the START (exclusive) as timeMax does. */
  timeMax?: number | string;
}

const toMs = (v: number | string | undefined) => (typeof v === 'string' ? Date.parse(v) : v);

/** Live events of a calendar as `singleEvents=true` lists them, sorted by start then id. */
export function snapshotEvents(
  deps: GoogleDeps,
  user: string,
  calendarId: string,
  window: SnapshotWindow,
): EventJson[] {
  const { calendar, role } = deps.state.resolveCalendar(user, calendarId);
  const zone = calendar.meta.timeZone;
  const timeMin = toMs(window.timeMin);
  const timeMax = toMs(window.timeMax);
  const listed = computeListing(calendar, {
    seq: deps.state.seq,
    singleEvents: true,
    showDeleted: false,
    ...(timeMin === undefined ? {} : { timeMin }),
    ...(timeMax === undefined ? {} : { timeMax }),
    horizonMs: deps.state.now() + deps.horizonMs,
    zone,
  });
  const ctx: RenderContext = { calendar, role, viewer: deps.state.user(user), zone };
  return listed
    .map((l) => ({ at: timeMs(l.state.event.start, zone), json: renderFull(l.state, ctx) }))
    .sort((a, b) => a.at - b.at || (a.json.id < b.json.id ? -1 : a.json.id > b.json.id ? 1 : 0))
    .map((x) => x.json);
}
