// A Dexie DBCore middleware that records every read of a table (query, cursor, get, count), so a
// test can assert HOW the agenda reads: only through indexes, only over bounded ranges. A fake
// layer in the real Dexie stack, not a mock of Dexie.
import type { DBCore, DBCoreKeyRange } from 'dexie';
import type { AlmanacDb } from '../../../extension/store/db';

export interface RecordedRead {
  readonly table: string;
  readonly op: 'query' | 'openCursor' | 'get' | 'getMany' | 'count';
  /** null = the primary key. */
  readonly index: string | null;
  readonly range?: DBCoreKeyRange;
  readonly keys?: number;
}

export function recordReads(db: AlmanacDb): RecordedRead[] {
  const reads: RecordedRead[] = [];
  db.use({
    stack: 'dbcore',
    name: 'read-recorder',
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name) {
        const t = down.table(name);
        return {
          ...t,
          query(req) {
            reads.push({
              table: name,
              op: 'query',
              index: req.query.index.name,
              range: req.query.range,
            });
            return t.query(req);
          },
          openCursor(req) {
            reads.push({
              table: name,
              op: 'openCursor',
              index: req.query.index.name,
              range: req.query.range,
            });
            return t.openCursor(req);
          },
          get(req) {
            reads.push({ table: name, op: 'get', index: null, keys: 1 });
            return t.get(req);
          },
          getMany(req) {
            reads.push({ table: name, op: 'getMany', index: null, keys: req.keys.length });
            return t.getMany(req);
          },
          count(req) {
            reads.push({
              table: name,
              op: 'count',
              index: req.query.index.name,
              range: req.query.range,
            });
            return t.count(req);
          },
        };
      },
    }),
  });
  return reads;
}

/** A range with a finite bound on both sides, or one fixed key prefix: compared on the first
 * part of a compound key (`[day, calendarKey]` from day A to day B, or `['long', …]`). */
export function isBounded(range: DBCoreKeyRange | undefined): boolean {
  if (!range) return false;
  const head = (v: unknown) => (Array.isArray(v) ? v[0] : v);
  const lower = head(range.lower);
  const upper = head(range.upper);
  const finite = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
  return (finite(lower) && finite(upper)) || (typeof lower === 'string' && lower === upper);
}
