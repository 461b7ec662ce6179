import { addDays, DAY_MS, dateStamp, utcStamp } from '../time';
import type { EventState, StoredEvent, StoredTime } from './event-types';
import { expandOccurrences, type ParsedRecurrence, parseRecurrence, startMs } from './recurrence';

/**
 * Instances of a recurring series (spec §2): ids `<seriesId>_<YYYYMMDDTHHMMSSZ>` (all-day
 * `_<YYYYMMDD>`), each carrying `recurringEventId` + `originalStartTime` and no `recurrence`.
 * Modified and cancelled instances are stored as their own records (exceptions) and win over the
 * virtual instance the rule produces.
 */
export function instanceId(seriesId: string, originalStart: StoredTime): string {
  return `${seriesId}_${originalStart.kind === 'date' ? dateStamp(originalStart.date) : utcStamp(originalStart.ms)}`;
}

export function splitInstanceId(id: string): { seriesId: string; stamp: string } | undefined {
  const m = /^([a-v0-9]{5,1024})_(\d{8}(?:T\d{6}Z)?)$/.exec(id);
  if (m === null) return undefined;
  return { seriesId: m[1]!, stamp: m[2]! };
}

export function isRecurringMaster(event: StoredEvent): boolean {
  return (
    event.recurrence !== undefined &&
    event.recurrence.length > 0 &&
    event.recurringEventId === undefined
  );
}

const parsedCache = new WeakMap<StoredEvent, ParsedRecurrence>();

/** Parsed recurrence of a stored master (validated on write, so parsing cannot fail here). */
export function recurrenceOf(master: StoredEvent): ParsedRecurrence {
  let parsed = parsedCache.get(master);
  if (parsed === undefined) {
    parsed = parseRecurrence(master.recurrence ?? [], master.start);
    parsedCache.set(master, parsed);
  }
  return parsed;
}

/** The end of an occurrence: same duration as the master (days for all-day, ms otherwise). */
export function shiftEnd(master: StoredEvent, occurrence: StoredTime): StoredTime {
  if (occurrence.kind === 'date' && master.start.kind === 'date' && master.end.kind === 'date') {
    const days = Math.round((Date.parse(master.end.date) - Date.parse(master.start.date)) / DAY_MS);
    return { kind: 'date', date: addDays(occurrence.date, days) };
  }
  if (
    occurrence.kind === 'dateTime' &&
    master.start.kind === 'dateTime' &&
    master.end.kind === 'dateTime'
  ) {
    return { ...master.end, ms: occurrence.ms + (master.end.ms - master.start.ms) };
  }
  return master.end;
}

/** The instance the rule produces at `occurrence`, before any exception is applied. */
export function virtualInstance(master: StoredEvent, occurrence: StoredTime): StoredEvent {
  const { recurrence: _recurrence, ...rest } = master;
  return {
    ...rest,
    id: instanceId(master.id, occurrence),
    start: occurrence,
    end: shiftEnd(master, occurrence),
    recurringEventId: master.id,
    originalStartTime: occurrence,
  };
}

/** Rough span of a record, for range checks (ms on the UTC axis of `startMs`). */
export function durationMs(event: StoredEvent): number {
  return Math.max(0, startMs(event.end) - startMs(event.start));
}

export interface SeriesInstance {
  id: string;
  state: EventState;
  /** True when it comes from a stored exception record. */
  exception: boolean;
}

/**
 * Every instance of `master` whose ORIGINAL start lies in [fromMs, toMs) plus every exception of
 * the series (exceptions may have moved anywhere; callers filter by overlap). Cancelled
 * exceptions are included as `{deleted:false, event.status:'cancelled'}` states.
 */
export function expandSeries(
  master: StoredEvent,
  exceptions: readonly EventState[],
  fromMs: number,
  toMs: number,
): SeriesInstance[] {
  const byId = new Map<string, SeriesInstance>();
  for (const occurrence of expandOccurrences(recurrenceOf(master), master.start, fromMs, toMs)) {
    const event = virtualInstance(master, occurrence);
    byId.set(event.id, { id: event.id, state: { event, deleted: false }, exception: false });
  }
  for (const ex of exceptions) {
    byId.set(ex.event.id, { id: ex.event.id, state: ex, exception: true });
  }
  return [...byId.values()];
}

/** Finds the occurrence an instance id names, if the master's rule produces it. */
export function findOccurrence(master: StoredEvent, stamp: string): StoredTime | undefined {
  const parsed = recurrenceOf(master);
  let fromMs: number;
  if (/^\d{8}$/.test(stamp)) {
    fromMs = Date.parse(`${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T00:00:00Z`);
  } else {
    const iso = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`;
    fromMs = Date.parse(iso);
  }
  if (Number.isNaN(fromMs)) return undefined;
  const hit = expandOccurrences(parsed, master.start, fromMs, fromMs + 1);
  const occurrence = hit[0];
  if (occurrence === undefined) return undefined;
  return instanceId(master.id, occurrence).endsWith(`_${stamp}`) ? occurrence : undefined;
}
