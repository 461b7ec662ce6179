// The storage under one subscriber's hub. Synchronous on purpose: the Durable Object's SQLite API
// is synchronous, so a whole append (dedupe check, insert, sequence bump, prune) runs without an
// await and no other request can interleave with it — the same holds for the in-memory store.

export interface LogEntry {
  seq: number;
  json: string;
  receivedAt: number;
}

export interface SubscriberRecord {
  secretHash: string;
  /** The last sequence number ever assigned; never reused, even after pruning. */
  lastSeq: number;
}

export interface HubStore {
  subscriber(): SubscriberRecord | null;
  /** false when a subscriber already exists here. */
  createSubscriber(secretHash: string, createdAt: number): boolean;
  /** Inserts with seq = lastSeq + 1 and bumps lastSeq; null when `deliveryKey` is already logged. */
  insert(deliveryKey: string, json: string, receivedAt: number): number | null;
  /** Entries with seq > `afterSeq`, oldest first. */
  entriesAfter(afterSeq: number): LogEntry[];
  oldest(): { seq: number; receivedAt: number } | null;
  /** Deletes entries with seq < `minSeq` or received before `minReceivedAt`. */
  prune(minSeq: number, minReceivedAt: number): void;
  links(): string[];
  addLink(userId: string, linkedAt: number): void;
  removeLink(userId: string): void;
  /** Forgets the subscriber, its log and its links. */
  wipe(): void;
}

/** The in-memory HubStore for Node (bench, e2e, unit tests). */
export class MemoryHubStore implements HubStore {
  #subscriber: SubscriberRecord | null = null;
  #log: (LogEntry & { key: string })[] = [];
  #keys = new Set<string>();
  #links = new Map<string, number>();

  subscriber(): SubscriberRecord | null {
    return this.#subscriber === null ? null : { ...this.#subscriber };
  }

  createSubscriber(secretHash: string): boolean {
    if (this.#subscriber !== null) return false;
    this.#subscriber = { secretHash, lastSeq: 0 };
    return true;
  }

  insert(deliveryKey: string, json: string, receivedAt: number): number | null {
    if (this.#subscriber === null) throw new Error('no subscriber');
    if (this.#keys.has(deliveryKey)) return null;
    const seq = this.#subscriber.lastSeq + 1;
    this.#subscriber.lastSeq = seq;
    this.#log.push({ seq, json, receivedAt, key: deliveryKey });
    this.#keys.add(deliveryKey);
    return seq;
  }

  entriesAfter(afterSeq: number): LogEntry[] {
    return this.#log
      .filter((e) => e.seq > afterSeq)
      .map(({ seq, json, receivedAt }) => ({ seq, json, receivedAt }));
  }

  oldest(): { seq: number; receivedAt: number } | null {
    const first = this.#log[0];
    return first === undefined ? null : { seq: first.seq, receivedAt: first.receivedAt };
  }

  prune(minSeq: number, minReceivedAt: number): void {
    const keep = (e: LogEntry) => e.seq >= minSeq && e.receivedAt >= minReceivedAt;
    for (const e of this.#log) if (!keep(e)) this.#keys.delete(e.key);
    this.#log = this.#log.filter(keep);
  }

  links(): string[] {
    return [...this.#links.keys()];
  }

  addLink(userId: string, linkedAt: number): void {
    if (!this.#links.has(userId)) this.#links.set(userId, linkedAt);
  }

  removeLink(userId: string): void {
    this.#links.delete(userId);
  }

  wipe(): void {
    this.#subscriber = null;
    this.#log = [];
    this.#keys.clear();
    this.#links.clear();
  }
}
