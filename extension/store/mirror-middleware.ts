// A DBCore middleware that keeps derived tables equal to a function of one source table, inside
// the very IndexedDB transaction that writes the source: the shape both of the new tab's
// projections share (agenda-projection-middleware.ts for events, task-days-middleware.ts for
// tasks). Whoever writes the source — a sync apply, a removal, a wipe, a STORE_VERSION reset, a
// test's or the bench's direct fill — the derived tables move with it, and a failed derived write
// aborts the transaction, so the source is never left written without them.
// - every read-write transaction whose scope holds the source also holds the derived tables;
// - a put/add/delete reads what it replaces first, then hands each key's before and after to
//   `apply`; a range delete does the same for what is in the range; a clear clears them all.
import type {
  DBCore,
  DBCoreKeyRange,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import { ANY_RANGE, abortWith, check } from './bucket-writes';

/** How one source table's writes reach its derived tables: `V` is a source row, `S` what a
 * key's state is told in (the source row itself, or its stored projection), `K` a primary key. */
export interface Mirror<V, S, K extends readonly unknown[]> {
  readonly source: string;
  readonly derived: readonly string[];
  /** The state at these keys before the write. Called before the write is sent: requests in one
   * IndexedDB transaction run in order, so a read of the source itself sees the old rows. */
  readBefore(
    tables: DerivedTables,
    trans: DBCoreTransaction,
    keys: K[],
  ): Promise<(S | undefined)[]>;
  /** Everything in a primary-key range of the source, before a range delete. */
  readRange(tables: DerivedTables, trans: DBCoreTransaction, range: DBCoreKeyRange): Promise<S[]>;
  readonly keyOfValue: (value: V) => K;
  readonly keyOfState: (state: S) => K;
  /** The state a written source value makes. */
  readonly stateOf: (value: V) => S;
  /** Makes the derived tables follow `before[i]` → `after[i]` at `keys[i]`. */
  apply(
    tables: DerivedTables,
    trans: DBCoreTransaction,
    keys: K[],
    before: (S | undefined)[],
    after: (S | undefined)[],
  ): Promise<void>;
}

export interface DerivedTables {
  readonly source: DBCoreTable;
  /** By name: the mirror's derived tables. */
  readonly derived: Readonly<Record<string, DBCoreTable>>;
}

/** One of the mirror's derived tables (the middleware exists only where they all do). */
export function derivedTable(tables: DerivedTables, name: string): DBCoreTable {
  const table = tables.derived[name];
  if (!table) throw new Error(`${name} is not a derived table of ${tables.source.name}`);
  return table;
}

async function mirrorWrite<V, S, K extends readonly unknown[]>(
  m: Mirror<V, S, K>,
  tables: DerivedTables,
  req: DBCoreMutateRequest,
): Promise<DBCoreMutateResponse> {
  const { trans } = req;
  const { source } = tables;
  if (req.type === 'deleteRange') {
    if (req.range.type === ANY_RANGE) {
      // table.clear(): everything derived goes with it.
      const [res] = await Promise.all([
        source.mutate(req),
        ...Object.values(tables.derived).map((t) =>
          check(t.mutate({ type: 'deleteRange', trans, range: req.range })),
        ),
      ]);
      return res;
    }
    const old = await m.readRange(tables, trans, req.range);
    const res = await source.mutate(req);
    await m.apply(tables, trans, old.map(m.keyOfState), old, []);
    return res;
  }
  const values = req.type === 'delete' ? [] : (req.values as V[]);
  const keys = req.type === 'delete' ? (req.keys as K[]) : values.map(m.keyOfValue);
  const read = m.readBefore(tables, trans, keys);
  const [before, res] = await Promise.all([read, source.mutate(req)]);
  // A failed write (an add whose key exists) left that row as it was.
  const ok = (i: number) => res.failures[i] === undefined;
  const after =
    req.type === 'delete'
      ? keys.map((_, i) => (ok(i) ? undefined : before[i]))
      : values.map((v, i) => (ok(i) ? m.stateOf(v) : before[i]));
  await m.apply(tables, trans, keys, before, after);
  return res;
}

/** The middleware for `m`, at `level` (above Dexie's own layers 0–2, below the agenda revision
 * and the write counter, which count what callers wrote, not derived rows). Inert in a database
 * without the derived tables (an upgrade running an older version's step). */
export function mirrorMiddleware<V, S, K extends readonly unknown[]>(
  name: string,
  m: Mirror<V, S, K>,
  level = 5,
): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name,
    level,
    create(down) {
      const names = new Set(down.schema.tables.map((t) => t.name));
      if (!m.derived.every((t) => names.has(t))) return {};
      return {
        transaction(stores, mode, options) {
          const widened =
            mode === 'readwrite' && stores.includes(m.source)
              ? [...new Set([...stores, ...m.derived])]
              : stores;
          return down.transaction(widened, mode, options);
        },
        table(tableName) {
          const table = down.table(tableName);
          if (tableName !== m.source) return table;
          const tables: DerivedTables = {
            source: table,
            derived: Object.fromEntries(m.derived.map((t) => [t, down.table(t)])),
          };
          return {
            ...table,
            async mutate(req) {
              try {
                return await mirrorWrite(m, tables, req);
              } catch (err) {
                return abortWith(req.trans, err);
              }
            },
          };
        },
      };
    },
  };
}
