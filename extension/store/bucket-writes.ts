// Applying a refile (agenda-buckets.ts) inside a DBCore transaction: read the buckets the moved
// rows touch, write the ones that changed, delete the ones left empty. Shared by the two
// middlewares that keep bucket tables equal to their source tables (agenda-projection-
// middleware.ts for events, task-days-middleware.ts for tasks).
import type { DBCoreMutateResponse, DBCoreTable, DBCoreTransaction } from 'dexie';
import { type Filing, type Key, keysOfAll, refile } from './agenda-buckets';

/** DBCoreRangeType.Any (a const enum in Dexie's types, not a runtime value): the whole table. */
export const ANY_RANGE = 3;

/** Throws the first failure of a DBCore mutation (the caller aborts the transaction). */
export async function check(done: Promise<DBCoreMutateResponse>): Promise<void> {
  const res = await done;
  if (res.numFailures > 0) throw Object.values(res.failures)[0];
}

/** Takes `removed` out of their buckets in `buckets` and files `added`, in `trans`. */
export async function writeRefiled<Row, Bucket, K extends Key>(
  filing: Filing<Row, Bucket, K>,
  buckets: DBCoreTable,
  trans: DBCoreTransaction,
  removed: readonly Row[],
  added: readonly Row[],
): Promise<void> {
  if (removed.length === 0 && added.length === 0) return;
  const keys = keysOfAll(filing, [...removed, ...added]);
  const stored = (await buckets.getMany({ trans, keys })) as (Bucket | undefined)[];
  const { puts, deletes } = refile(filing, keys, stored, removed, added);
  await Promise.all([
    puts.length > 0 ? check(buckets.mutate({ type: 'put', trans, values: puts })) : undefined,
    deletes.length > 0
      ? check(buckets.mutate({ type: 'delete', trans, keys: deletes }))
      : undefined,
  ]);
}

/**
 * Each written row once, as [before, after]: one write may hold a key twice (a bulkPut of two
 * versions of a row), and then what was stored before is the first read and what is stored
 * after is the last value. `before[i]` and `after[i]` belong to `keys[i]`.
 */
export function changesByKey<K extends readonly unknown[], T>(
  keys: readonly K[],
  before: readonly (T | undefined)[],
  after: readonly (T | undefined)[],
): { key: K; before: T | undefined; after: T | undefined }[] {
  const byKey = new Map<string, { key: K; before: T | undefined; after: T | undefined }>();
  keys.forEach((key, i) => {
    const text = JSON.stringify(key);
    const seen = byKey.get(text);
    if (seen) seen.after = after[i];
    else byKey.set(text, { key, before: before[i], after: after[i] });
  });
  return [...byKey.values()];
}

/** Aborts `trans` (so a source table is never left written without its buckets), then
 * rethrows. */
export function abortWith(trans: DBCoreTransaction, err: unknown): never {
  try {
    trans.abort();
  } catch {
    // already finished or aborted
  }
  throw err;
}
