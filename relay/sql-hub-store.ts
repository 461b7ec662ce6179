// SubscriberHub's storage in its Durable Object's SQLite database. The tables exist only while a
// subscriber does: probing an unknown id creates nothing, and deleting a subscriber drops them,
// leaving the object with no stored data at all.
import type { HubStore, LogEntry, SubscriberRecord } from './hub-store';
import { rows, type SqlLike, tableExists } from './sql-store';

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS subscriber (
     only_row INTEGER PRIMARY KEY CHECK (only_row = 1),
     secret_hash TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     last_seq INTEGER NOT NULL
   )`,
  // seq is assigned from subscriber.last_seq, never reused after pruning, so a Last-Event-ID
  // always names at most one notification. delivery_key UNIQUE is the dedupe.
  `CREATE TABLE IF NOT EXISTS log (
     seq INTEGER PRIMARY KEY,
     delivery_key TEXT NOT NULL UNIQUE,
     json TEXT NOT NULL,
     received_at INTEGER NOT NULL
   )`,
  'CREATE INDEX IF NOT EXISTS log_received_at ON log (received_at)',
  `CREATE TABLE IF NOT EXISTS todoist_links (
     user_id TEXT PRIMARY KEY,
     linked_at INTEGER NOT NULL
   )`,
];

export class SqlHubStore implements HubStore {
  readonly #sql: SqlLike;
  #exists: boolean | undefined;

  constructor(sql: SqlLike) {
    this.#sql = sql;
  }

  subscriber(): SubscriberRecord | null {
    this.#exists ??= tableExists(this.#sql, 'subscriber');
    if (!this.#exists) return null;
    const row = rows<{ secret_hash: string; last_seq: number }>(
      this.#sql,
      'SELECT secret_hash, last_seq FROM subscriber WHERE only_row = 1',
    )[0];
    return row === undefined ? null : { secretHash: row.secret_hash, lastSeq: row.last_seq };
  }

  createSubscriber(secretHash: string, createdAt: number): boolean {
    if (this.subscriber() !== null) return false;
    for (const statement of SCHEMA) this.#sql.exec(statement);
    this.#exists = true;
    this.#sql.exec(
      'INSERT INTO subscriber (only_row, secret_hash, created_at, last_seq) VALUES (1, ?, ?, 0)',
      secretHash,
      createdAt,
    );
    return true;
  }

  insert(deliveryKey: string, json: string, receivedAt: number): number | null {
    if (
      rows(this.#sql, 'SELECT 1 AS hit FROM log WHERE delivery_key = ?', deliveryKey).length > 0
    ) {
      return null;
    }
    const seq = (this.subscriber()?.lastSeq ?? 0) + 1;
    this.#sql.exec(
      'INSERT INTO log (seq, delivery_key, json, received_at) VALUES (?, ?, ?, ?)',
      seq,
      deliveryKey,
      json,
      receivedAt,
    );
    this.#sql.exec('UPDATE subscriber SET last_seq = ? WHERE only_row = 1', seq);
    return seq;
  }

  entriesAfter(afterSeq: number): LogEntry[] {
    return rows<{ seq: number; json: string; received_at: number }>(
      this.#sql,
      'SELECT seq, json, received_at FROM log WHERE seq > ? ORDER BY seq',
      afterSeq,
    ).map((r) => ({ seq: r.seq, json: r.json, receivedAt: r.received_at }));
  }

  oldest(): { seq: number; receivedAt: number } | null {
    const row = rows<{ seq: number; received_at: number }>(
      this.#sql,
      'SELECT seq, received_at FROM log ORDER BY seq LIMIT 1',
    )[0];
    return row === undefined ? null : { seq: row.seq, receivedAt: row.received_at };
  }

  prune(minSeq: number, minReceivedAt: number): void {
    this.#sql.exec('DELETE FROM log WHERE seq < ? OR received_at < ?', minSeq, minReceivedAt);
  }

  links(): string[] {
    return rows<{ user_id: string }>(
      this.#sql,
      'SELECT user_id FROM todoist_links ORDER BY linked_at',
    ).map((r) => r.user_id);
  }

  addLink(userId: string, linkedAt: number): void {
    this.#sql.exec(
      'INSERT INTO todoist_links (user_id, linked_at) VALUES (?, ?) ON CONFLICT (user_id) DO NOTHING',
      userId,
      linkedAt,
    );
  }

  removeLink(userId: string): void {
    this.#sql.exec('DELETE FROM todoist_links WHERE user_id = ?', userId);
  }

  wipe(): void {
    for (const table of ['log', 'todoist_links', 'subscriber']) {
      this.#sql.exec(`DROP TABLE IF EXISTS ${table}`);
    }
    this.#exists = false;
  }
}
