import type { EventRecord } from '../../store/records';
import { toEpochMs } from './event-times';
import type { GoogleEvent } from './schemas';

/** A live Google event (not cancelled; the schema guarantees start, end, etag) → its row. */
export function toEventRecord(
  calendarKey: string,
  event: GoogleEvent,
  calendarTimeZone: string | undefined,
): EventRecord {
  const { start, end, etag } = event;
  if (!start || !end || etag === undefined) throw new Error(`event ${event.id} is not live`);
  return {
    calendarKey,
    id: event.id,
    etag,
    status: event.status ?? 'confirmed',
    startMs: toEpochMs(start, calendarTimeZone),
    endMs: toEpochMs(end, calendarTimeZone),
    allDay: start.date !== undefined,
    ...(event.recurringEventId === undefined ? {} : { seriesId: event.recurringEventId }),
    ...(event.summary === undefined ? {} : { summary: event.summary }),
    ...(event.updated === undefined ? {} : { updated: event.updated }),
    raw: event,
  };
}
