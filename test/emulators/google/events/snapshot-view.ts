import type { CalendarRecord } from '../state';
import { dateStartMs } from '../time';
import type { EventState, StoredEvent, StoredTime } from './event-types';
import { isRecurringMaster } from './instances';

/** A calendar's records as of one snapshot sequence, classified. */
export interface SnapshotView {
  singles: EventState[];
  masters: EventState[];
  exceptionsBySeries: Map<string, EventState[]>;
  /** Every record that exists at the snapshot, by id. */
  byId: Map<string, EventState>;
}

export function viewAt(
  calendar: CalendarRecord,
  seq: number,
  only?: (id: string) => boolean,
): SnapshotView {
  const view: SnapshotView = {
    singles: [],
    masters: [],
    exceptionsBySeries: new Map(),
    byId: new Map(),
  };
  for (const [id, record] of calendar.events) {
    if (only !== undefined && !only(id)) continue;
    const state = record.at(seq);
    if (state === undefined) continue;
    view.byId.set(id, state);
    const seriesId = state.event.recurringEventId;
    if (seriesId !== undefined) {
      const list = view.exceptionsBySeries.get(seriesId) ?? [];
      list.push(state);
      view.exceptionsBySeries.set(seriesId, list);
    } else if (isRecurringMaster(state.event)) view.masters.push(state);
    else view.singles.push(state);
  }
  return view;
}

/** Real-time interval [start, end) of a time pair; all-day dates start at midnight in `zone`. */
export function timeMs(t: StoredTime, zone: string): number {
  return t.kind === 'date' ? dateStartMs(t.date, zone) : t.ms;
}

export function intervalOf(event: StoredEvent, zone: string): [number, number] {
  return [timeMs(event.start, zone), timeMs(event.end, zone)];
}

/** spec §1: timeMin bounds the END (exclusive), timeMax bounds the START (exclusive). */
export function overlaps(interval: [number, number], timeMin?: number, timeMax?: number): boolean {
  if (timeMin !== undefined && interval[1] <= timeMin) return false;
  if (timeMax !== undefined && interval[0] >= timeMax) return false;
  return true;
}
