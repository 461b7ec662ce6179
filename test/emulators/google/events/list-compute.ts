import type { CalendarRecord } from '../state';
import { DAY_MS } from '../time';
import type { EventState, StoredEvent } from './event-types';
import { durationMs, expandSeries, type SeriesInstance } from './instances';
import { startMs } from './recurrence';
import { intervalOf, overlaps, type SnapshotView, timeMs, viewAt } from './snapshot-view';

/**
 * Which records a listing returns (spec §1), before filters, ordering and paging.
 * - full listing: live records in the window; gone ones only with showDeleted.
 * - incremental: every record changed in (fromSeq, seq], latest state, deletions included.
 * With singleEvents=true series are expanded up to `horizonMs` when no timeMax bounds them.
 */
export interface ComputeOptions {
  seq: number;
  /** Present for incremental listings: the sync token's sequence. */
  fromSeq?: number;
  singleEvents: boolean;
  showDeleted: boolean;
  timeMin?: number;
  timeMax?: number;
  horizonMs: number;
  zone: string;
}

export interface Listed {
  id: string;
  state: EventState;
}

function gone(state: EventState): boolean {
  return state.deleted || state.event.status === 'cancelled';
}

/** Where an instance "is" for window checks: tombstones by their original start. */
function windowInterval(state: EventState, zone: string): [number, number] {
  const e = state.event;
  if (gone(state) && e.originalStartTime !== undefined) {
    const s = timeMs(e.originalStartTime, zone);
    return [s, s + Math.max(1, durationMs(e))];
  }
  return intervalOf(e, zone);
}

function expansionRange(master: StoredEvent, o: ComputeOptions): [number, number] {
  // Slack of a day plus the event's length either side; callers filter precisely by overlap.
  const from =
    o.timeMin === undefined
      ? startMs(master.start) - DAY_MS
      : o.timeMin - durationMs(master) - 2 * DAY_MS;
  return [from, (o.timeMax ?? o.horizonMs) + 2 * DAY_MS];
}

function expand(view: SnapshotView, master: StoredEvent, o: ComputeOptions): SeriesInstance[] {
  const [from, to] = expansionRange(master, o);
  const exceptions = view.exceptionsBySeries.get(master.id) ?? [];
  const horizon = o.timeMax ?? o.horizonMs;
  return expandSeries(master, exceptions, from, to).filter((i) => {
    // The expansion horizon applies to instances the rule produces; stored exceptions always count.
    if (!i.exception && startMs(i.state.event.start) >= horizon + DAY_MS) return false;
    return true;
  });
}

function fullListing(calendar: CalendarRecord, o: ComputeOptions): Listed[] {
  const view = viewAt(calendar, o.seq);
  const out: Listed[] = [];
  const admit = (state: EventState) => {
    if (gone(state) && !o.showDeleted) return;
    if (!overlaps(windowInterval(state, o.zone), o.timeMin, o.timeMax)) return;
    out.push({ id: state.event.id, state });
  };
  for (const s of view.singles) admit(s);
  if (!o.singleEvents) {
    for (const m of view.masters) {
      if (gone(m)) {
        if (o.showDeleted) out.push({ id: m.event.id, state: m });
        continue;
      }
      const windowed = o.timeMin !== undefined || o.timeMax !== undefined;
      const hit =
        !windowed ||
        expand(view, m.event, o).some(
          (i) =>
            !gone(i.state) && overlaps(intervalOf(i.state.event, o.zone), o.timeMin, o.timeMax),
        );
      if (hit) out.push({ id: m.event.id, state: m });
    }
    // Exceptions are their own entries (spec §1, singleEvents=false).
    for (const list of view.exceptionsBySeries.values()) for (const ex of list) admit(ex);
    return out;
  }
  // spec §1: with singleEvents=true (and showDeleted) only single cancelled instances come back,
  // not deleted series.
  for (const m of view.masters) {
    if (gone(m)) continue;
    for (const i of expand(view, m.event, o)) admit(i.state);
  }
  return out;
}

function incrementalListing(
  calendar: CalendarRecord,
  o: ComputeOptions & { fromSeq: number },
): Listed[] {
  const changed = (id: string) => calendar.events.get(id)?.changedIn(o.fromSeq, o.seq) ?? false;
  const view = viewAt(calendar, o.seq, changed);
  const out = new Map<string, Listed>();
  const put = (state: EventState) => out.set(state.event.id, { id: state.event.id, state });
  for (const s of view.singles) put(s);
  if (!o.singleEvents) {
    for (const m of view.masters) put(m);
    for (const list of view.exceptionsBySeries.values()) for (const ex of list) put(ex);
    return [...out.values()];
  }
  // Whole-calendar views are only needed when a series changed (to expand it, then and now).
  const full = view.masters.length > 0 ? viewAt(calendar, o.seq) : view;
  const before = view.masters.length > 0 ? viewAt(calendar, o.fromSeq) : view;
  const unbounded = { ...o, timeMin: undefined, timeMax: undefined };
  for (const m of view.masters) {
    if (gone(m)) {
      // [open] A deleted series answers with ONE tombstone for the series id (not one per
      // instance): clients must drop every instance whose recurringEventId matches.
      put(m);
      continue;
    }
    const now = expand(full, m.event, unbounded);
    for (const i of now) put(i.state);
    const old = before.byId.get(m.event.id);
    if (old !== undefined && !gone(old)) {
      // Instances the old rule produced and the new one does not (time or rule changed).
      const ids = new Set(now.map((i) => i.id));
      for (const i of expand(before, old.event, unbounded)) {
        if (ids.has(i.id) || gone(i.state)) continue;
        put({ event: { ...i.state.event, etag: m.event.etag }, deleted: true });
      }
    }
  }
  for (const list of view.exceptionsBySeries.values()) for (const ex of list) put(ex);
  return [...out.values()];
}

export function computeListing(calendar: CalendarRecord, o: ComputeOptions): Listed[] {
  return o.fromSeq === undefined
    ? fullListing(calendar, o)
    : incrementalListing(calendar, { ...o, fromSeq: o.fromSeq });
}
