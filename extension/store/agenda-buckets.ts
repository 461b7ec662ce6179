// Filing slim agenda rows into buckets: events into their day buckets (agendaDays), tasks into
// their state-and-day buckets (taskDays, agenda-records.ts). Pure: given the buckets as stored,
// the rows leaving them and the rows entering them, it says which buckets to write and which to
// delete. The middlewares apply it to each write; the upgrades and the tests use the grouping
// functions to build the buckets from scratch.
import { dayBuckets, taskBucket } from './agenda-days';
import type { AgendaDayRow, AgendaEventRow, AgendaTaskRow, TaskDayRow } from './agenda-records';

/** A bucket's primary key: an array of numbers and strings. */
export type Key = readonly (number | string)[];

/** How one kind of row is filed. */
export interface Filing<Row, Bucket, K extends Key> {
  /** Every bucket the row is in (at least one). */
  readonly keysOf: (row: Row) => readonly K[];
  /** Unique within a bucket; buckets keep their rows sorted by it. */
  readonly idOf: (row: Row) => string;

  readonly rowsOf: (bucket: Bucket) => readonly Row[];
  readonly make: (key: K, rows: Row[]) => Bucket;
}

export interface BucketChanges<Bucket, K extends Key> {
  readonly puts: Bucket[];
  readonly deletes: K[];
}

// Numbers and strings apart: the day 5 and a bucket named "5" are different keys.
const keyText = (key: Key) => JSON.stringify(key);

/** Every bucket `rows` are filed in, once each. */
export function keysOfAll<Row, Bucket, K extends Key>(
  filing: Filing<Row, Bucket, K>,
  rows: Iterable<Row>,
): K[] {
  const keys = new Map<string, K>();
  for (const row of rows) for (const key of filing.keysOf(row)) keys.set(keyText(key), key);
  return [...keys.values()];
}

/**
 * The writes that take `removed` out of their buckets and file `added` (a row in both moves).
 * `stored[i]` is the bucket at `keys[i]` as stored (undefined: none yet); `keys` must hold every
 * bucket of `removed` and `added` (keysOfAll).
 */
export function refile<Row, Bucket, K extends Key>(
  filing: Filing<Row, Bucket, K>,
  keys: readonly K[],
  stored: readonly (Bucket | undefined)[],
  removed: Iterable<Row>,
  added: Iterable<Row>,
): BucketChanges<Bucket, K> {
  const buckets = new Map<string, { key: K; existed: boolean; rows: Map<string, Row> }>();
  keys.forEach((key, i) => {
    const bucket = stored[i];
    const rows = bucket === undefined ? [] : filing.rowsOf(bucket);
    buckets.set(keyText(key), {
      key,
      existed: bucket !== undefined,
      rows: new Map(rows.map((r) => [filing.idOf(r), r])),
    });
  });
  const bucket = (key: K) => {
    const found = buckets.get(keyText(key));
    if (!found) throw new Error(`bucket ${keyText(key)} was not read`);
    return found.rows;
  };
  for (const row of removed)
    for (const key of filing.keysOf(row)) bucket(key).delete(filing.idOf(row));
  for (const row of added)
    for (const key of filing.keysOf(row)) bucket(key).set(filing.idOf(row), row);
  const puts: Bucket[] = [];
  const deletes: K[] = [];
  for (const { key, existed, rows } of buckets.values()) {
    if (rows.size > 0) {
      const sorted = [...rows.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, row]) => row);
      puts.push(filing.make(key, sorted));
    } else if (existed) deletes.push(key);
  }
  return { puts, deletes };
}

/** The buckets of `rows` built from nothing. */
export function groupAll<Row, Bucket, K extends Key>(
  filing: Filing<Row, Bucket, K>,
  rows: readonly Row[],
): Bucket[] {
  return refile(filing, keysOfAll(filing, rows), [], [], rows).puts;
}

export type BucketKey = [day: number | string, calendarKey: string];

export const EVENT_FILING: Filing<AgendaEventRow, AgendaDayRow, BucketKey> = {
  keysOf: (row) =>
    dayBuckets(row.startMs, row.endMs).map((day): BucketKey => [day, row.calendarKey]),
  idOf: (row) => row.id,
  rowsOf: (bucket) => bucket.events,
  make: ([day, calendarKey], events) => ({ day, calendarKey, events }),
};

export type TaskBucketKey = [state: TaskDayRow['state'], day: number, sourceId: string];

export const TASK_FILING: Filing<AgendaTaskRow, TaskDayRow, TaskBucketKey> = {
  keysOf: (row) => [taskBucket(row)],
  idOf: (row) => row.id,
  rowsOf: (bucket) => bucket.tasks,
  make: ([state, day, sourceId], tasks) => ({ state, day, sourceId, tasks }),
};

/** The event buckets of `rows` built from nothing. */
export function groupIntoDays(rows: readonly AgendaEventRow[]): AgendaDayRow[] {
  return groupAll(EVENT_FILING, rows);
}

/** The task buckets of `rows` built from nothing. */
export function groupTasksIntoDays(rows: readonly AgendaTaskRow[]): TaskDayRow[] {
  return groupAll(TASK_FILING, rows);
}
