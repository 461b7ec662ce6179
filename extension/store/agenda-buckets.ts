// Filing agenda rows into their day buckets (agendaDays, agenda-records.ts). Pure: given the
// buckets as stored, the rows leaving them and the rows entering them, it says which buckets to
// write and which to delete. The middleware applies it to each event write; the v3 upgrade and
// the tests use groupIntoDays to build the buckets from scratch.
import { dayBuckets } from './agenda-days';
import type { AgendaDayRow, AgendaEventRow } from './agenda-records';

export type BucketKey = [day: number | string, calendarKey: string];

export interface BucketChanges {
  readonly puts: AgendaDayRow[];
  readonly deletes: BucketKey[];
}

// Numbers and strings apart: the day 5 and a bucket named "5" are different keys.
const keyText = ([day, calendarKey]: BucketKey) => `${typeof day}:${day}\u0000${calendarKey}`;

export function bucketsOf(row: AgendaEventRow): BucketKey[] {
  return dayBuckets(row.startMs, row.endMs).map((day) => [day, row.calendarKey]);
}

/** Every bucket `rows` are filed in, once each. */
export function bucketKeysOf(rows: Iterable<AgendaEventRow>): BucketKey[] {
  const keys = new Map<string, BucketKey>();
  for (const row of rows) for (const key of bucketsOf(row)) keys.set(keyText(key), key);
  return [...keys.values()];
}

/**
 * The writes that take `removed` out of their buckets and file `added` (a row in both moves).
 * `stored[i]` is the bucket at `keys[i]` as stored (undefined: none yet); `keys` must hold every
 * bucket of `removed` and `added` (bucketKeysOf).
 */
export function rebucket(
  keys: readonly BucketKey[],
  stored: readonly (AgendaDayRow | undefined)[],
  removed: Iterable<AgendaEventRow>,
  added: Iterable<AgendaEventRow>,
): BucketChanges {
  const buckets = new Map<
    string,
    { key: BucketKey; existed: boolean; events: Map<string, AgendaEventRow> }
  >();
  keys.forEach((key, i) => {
    const row = stored[i];
    buckets.set(keyText(key), {
      key,
      existed: row !== undefined,
      events: new Map((row?.events ?? []).map((e) => [e.id, e])),
    });
  });
  const bucket = (key: BucketKey) => {
    const found = buckets.get(keyText(key));
    if (!found) throw new Error(`bucket ${keyText(key)} was not read`);
    return found.events;
  };
  for (const row of removed) for (const key of bucketsOf(row)) bucket(key).delete(row.id);
  for (const row of added) for (const key of bucketsOf(row)) bucket(key).set(row.id, row);
  const puts: AgendaDayRow[] = [];
  const deletes: BucketKey[] = [];
  for (const { key, existed, events } of buckets.values()) {
    if (events.size > 0) {
      const sorted = [...events.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      puts.push({ day: key[0], calendarKey: key[1], events: sorted });
    } else if (existed) deletes.push(key);
  }
  return { puts, deletes };
}

/** The buckets of `rows` built from nothing. */
export function groupIntoDays(rows: readonly AgendaEventRow[]): AgendaDayRow[] {
  const keys = bucketKeysOf(rows);
  return rebucket(keys, [], [], rows).puts;
}
