// One Todoist user's directory entry (the subscribers linked to that user id), in the SQLite
// database of the TodoistDirectory Durable Object named after the user id. The table exists
// only while someone is linked, so an unlinked user id leaves no stored data behind.
import { MAX_SUBSCRIBERS_PER_TODOIST_USER } from './ports';
import { rows, type SqlLike, tableExists } from './sql-store';

export class SqlDirectoryStore {
  readonly #sql: SqlLike;

  constructor(sql: SqlLike) {
    this.#sql = sql;
  }

  link(subscriberId: string, linkedAt: number): 'ok' | 'limit' {
    this.#sql.exec(
      `CREATE TABLE IF NOT EXISTS links (
         subscriber_id TEXT PRIMARY KEY,
         linked_at INTEGER NOT NULL
       )`,
    );
    const current = this.subscribers();
    if (current.includes(subscriberId)) return 'ok';
    if (current.length >= MAX_SUBSCRIBERS_PER_TODOIST_USER) return 'limit';
    this.#sql.exec(
      'INSERT INTO links (subscriber_id, linked_at) VALUES (?, ?)',
      subscriberId,
      linkedAt,
    );
    return 'ok';
  }

  /** true when that was the last link (the table is dropped: the user's entry is empty). */
  unlink(subscriberId: string): boolean {
    if (!tableExists(this.#sql, 'links')) return false;
    this.#sql.exec('DELETE FROM links WHERE subscriber_id = ?', subscriberId);
    if (this.subscribers().length > 0) return false;
    this.#sql.exec('DROP TABLE links');
    return true;
  }

  subscribers(): string[] {
    if (!tableExists(this.#sql, 'links')) return [];
    return rows<{ subscriber_id: string }>(
      this.#sql,
      'SELECT subscriber_id FROM links ORDER BY linked_at',
    ).map((r) => r.subscriber_id);
  }
}
