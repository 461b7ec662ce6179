// The slice of a Durable Object's `ctx.storage.sql` (SQLite) the relay uses, declared here so
// the SQL stores stay free of `cloudflare:*` imports; the real SqlStorage satisfies it.
export type SqlValue = string | number | null;

export interface SqlLike {
  exec(query: string, ...bindings: SqlValue[]): { toArray(): Record<string, unknown>[] };
}

/** Whether a table exists — read-only, so probing an empty object does not make it store data. */
export function tableExists(sql: SqlLike, name: string): boolean {
  return (
    sql
      .exec("SELECT 1 AS present FROM sqlite_master WHERE type = 'table' AND name = ?", name)
      .toArray().length > 0
  );
}

export function rows<T>(sql: SqlLike, query: string, ...bindings: SqlValue[]): T[] {
  return sql.exec(query, ...bindings).toArray() as T[];
}
