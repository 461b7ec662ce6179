// Keeps the agenda's tables equal to the projection of `events`: `agendaEvents` = projectEvent of
// every event row, `agendaDays` = those rows filed by day (agenda-buckets.ts). It works at
// Dexie's DBCore level, inside the very IndexedDB transaction that writes the events:
// - every read-write transaction whose scope holds `events` also holds the two agenda tables;
// - a put/add of events re-files the rows whose projection changed (the written ones only); a
//   delete takes the same primary keys out; a range delete (table.clear) the same range.
// Doing it here rather than beside each caller is what makes the cursor invariant (DESIGN §2)
// hold for the projection too, whoever writes events: the engine's page applies, a calendar's
// removal, an account wipe, a STORE_VERSION reset, the bench's and tests' direct fills. A failed
// projection write aborts the transaction, so the events it mirrors are not written either.
// Installed by AlmanacDb itself (db.ts) below the write counter, so the counter keeps counting
// the synced rows a caller wrote, not this derived copy; Dexie's observability layer is below
// this one, so `storagemutated` reports the agenda tables' changes like any other.
import type {
  DBCore,
  DBCoreKeyRange,
  DBCoreMutateRequest,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import { bucketKeysOf, rebucket } from './agenda-buckets';
import { projectEvent, sameProjection } from './agenda-projection';
import type { AgendaDayRow, AgendaEventRow } from './agenda-records';
import type { EventRecord } from './records';

export const EVENTS = 'events';
export const AGENDA_EVENTS = 'agendaEvents';
export const AGENDA_DAYS = 'agendaDays';

type EventKey = [string, string];

/** DBCoreRangeType.Any (a const enum in Dexie's types, not a runtime value): the whole table. */
const ANY_RANGE = 3;

interface Tables {
  readonly rows: DBCoreTable;
  readonly days: DBCoreTable;
}

async function check(done: Promise<{ numFailures: number; failures: Record<number, Error> }>) {
  const res = await done;
  if (res.numFailures > 0) throw Object.values(res.failures)[0];
}

/** Replaces the projections `before` (as stored; undefined = none) with `after` (undefined =
 * the event is gone), writing only what changed. */
async function apply(
  t: Tables,
  trans: DBCoreTransaction,
  keys: readonly EventKey[],
  before: readonly (AgendaEventRow | undefined)[],
  after: readonly (AgendaEventRow | undefined)[],
): Promise<void> {
  const removed: AgendaEventRow[] = [];
  const added: AgendaEventRow[] = [];
  const gone: EventKey[] = [];
  keys.forEach((key, i) => {
    const old = before[i];
    const next = after[i];
    if (old && next && sameProjection(old, next)) return;
    if (old) removed.push(old);
    if (next) added.push(next);
    else if (old) gone.push(key);
  });
  if (removed.length === 0 && added.length === 0) return;
  const bucketKeys = bucketKeysOf([...removed, ...added]);
  const stored = (await t.days.getMany({ trans, keys: bucketKeys })) as (
    | AgendaDayRow
    | undefined
  )[];
  const { puts, deletes } = rebucket(bucketKeys, stored, removed, added);
  const writes: Promise<void>[] = [];
  if (added.length > 0) writes.push(check(t.rows.mutate({ type: 'put', trans, values: added })));
  if (gone.length > 0) writes.push(check(t.rows.mutate({ type: 'delete', trans, keys: gone })));
  if (puts.length > 0) writes.push(check(t.days.mutate({ type: 'put', trans, values: puts })));
  if (deletes.length > 0) {
    writes.push(check(t.days.mutate({ type: 'delete', trans, keys: deletes })));
  }
  await Promise.all(writes);
}

async function storedInRange(t: Tables, trans: DBCoreTransaction, range: DBCoreKeyRange) {
  const res = await t.rows.query({
    trans,
    values: true,
    query: { index: t.rows.schema.primaryKey, range },
  });
  return res.result as AgendaEventRow[];
}

async function mirror(
  t: Tables,
  events: DBCoreTable,
  req: DBCoreMutateRequest,
): Promise<Awaited<ReturnType<DBCoreTable['mutate']>>> {
  const { trans } = req;
  if (req.type === 'deleteRange') {
    if (req.range.type === ANY_RANGE) {
      // table.clear(): the whole projection goes with it.
      const [res] = await Promise.all([
        events.mutate(req),
        check(t.rows.mutate({ type: 'deleteRange', trans, range: req.range })),
        check(t.days.mutate({ type: 'deleteRange', trans, range: req.range })),
      ]);
      return res;
    }
    const old = await storedInRange(t, trans, req.range);
    const res = await events.mutate(req);
    const keys = old.map((r): EventKey => [r.calendarKey, r.id]);
    await apply(t, trans, keys, old, []);
    return res;
  }
  const keys =
    req.type === 'delete'
      ? (req.keys as EventKey[])
      : req.values.map((v: EventRecord): EventKey => [v.calendarKey, v.id]);
  const [res, before] = await Promise.all([
    events.mutate(req),
    t.rows.getMany({ trans, keys }) as Promise<(AgendaEventRow | undefined)[]>,
  ]);
  // A failed write (an add whose key exists) left that row, and so its projection, as it was.
  const ok = (i: number) => res.failures[i] === undefined;
  const after =
    req.type === 'delete'
      ? keys.map((_, i) => (ok(i) ? undefined : before[i]))
      : req.values.map((v: EventRecord, i) => (ok(i) ? projectEvent(v) : before[i]));
  await apply(t, trans, keys, before, after);
  return res;
}

export const agendaProjectionMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'almanac-agenda-projection',
  // Above Dexie's own layers (0–2), below the write counter (default 10).
  level: 5,
  create(down) {
    const names = down.schema.tables.map((t) => t.name);
    if (!names.includes(AGENDA_EVENTS) || !names.includes(AGENDA_DAYS)) return {};
    return {
      transaction(stores, mode, options) {
        const widened =
          mode === 'readwrite' && stores.includes(EVENTS)
            ? [...new Set([...stores, AGENDA_EVENTS, AGENDA_DAYS])]
            : stores;
        return down.transaction(widened, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name !== EVENTS) return table;
        const tables = { rows: down.table(AGENDA_EVENTS), days: down.table(AGENDA_DAYS) };
        return {
          ...table,
          async mutate(req) {
            try {
              return await mirror(tables, table, req);
            } catch (err) {
              // Never leave events written without their projection.
              try {
                req.trans.abort();
              } catch {
                // already finished or aborted
              }
              throw err;
            }
          },
        };
      },
    };
  },
};
