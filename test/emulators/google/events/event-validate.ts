import { errors } from '../errors';
import type { StoredEvent, StoredTime, WritableEventFields } from './event-types';
import { parseRecurrence, startMs } from './recurrence';

/** Validates the combined event (spec §2): times, recurrence, colorId. */
export function validate(
  fields: WritableEventFields,
  isInstance: boolean,
): asserts fields is WritableEventFields & {
  start: StoredTime;
  end: StoredTime;
} {
  if (fields.start === undefined) throw errors.required('Missing start time.', 'start');
  if (fields.end === undefined) throw errors.required('Missing end time.', 'end');
  if (fields.start.kind !== fields.end.kind) {
    throw errors.invalid(
      'Start and end times must either both be date or both be dateTime.',
      'end',
    );
  }
  // [open] Google tolerates end == start for timed events; we require end after start (stricter).
  if (startMs(fields.end) <= startMs(fields.start)) throw errors.timeRangeEmpty();
  if (fields.colorId !== undefined && !/^(?:[1-9]|1[01])$/.test(fields.colorId)) {
    throw errors.invalid(`Invalid value for field 'colorId': ${fields.colorId}`, 'colorId');
  }
  if (fields.recurrence !== undefined && fields.recurrence.length > 0) {
    if (isInstance)
      throw errors.invalid(
        'Instances of a recurring event cannot have a recurrence.',
        'recurrence',
      );
    // spec §2: recurring events need a timeZone on start.
    if (fields.start.kind === 'dateTime' && fields.start.timeZone === undefined) {
      throw errors.required('Missing time zone definition for start time.', 'start.timeZone');
    }
    parseRecurrence(fields.recurrence, fields.start);
  }
  if (fields.recurrence !== undefined && fields.recurrence.length === 0) delete fields.recurrence;
}

export function significantChange(before: StoredEvent, after: WritableEventFields): boolean {
  return (
    JSON.stringify([before.start, before.end, before.recurrence, before.location]) !==
    JSON.stringify([after.start, after.end, after.recurrence, after.location])
  );
}
