// One subscriber's hub, independent of the runtime: the SubscriberHub Durable Object wraps it
// around a SQLite store, memory-ports.ts around an in-memory one. It owns the notification log
// (sequence ids, dedupe by delivery key, bounded retention) and the open SSE streams it fans
// every new notification out to — several browsers or profiles may hold one each.
import {
  type RelayNotification,
  readyEventSchema,
  resetEventSchema,
  SSE_EVENTS,
} from '../shared/relay-protocol';
import { constantTimeEqual } from './bytes';
import type { HubStore } from './hub-store';
import {
  type AppendResult,
  type AuthResult,
  type LinkResult,
  MAX_STREAMS_PER_SUBSCRIBER,
  MAX_TODOIST_LINKS_PER_SUBSCRIBER,
} from './ports';
import { sseComment, sseEvent } from './sse';

export interface HubOptions {
  now(): number;
  /** RELAY_LOG_MAX_ENTRIES */
  maxEntries: number;
  /** RELAY_LOG_MAX_AGE_MS */
  maxAgeMs: number;
  /** RELAY_PING_MS */
  pingMs: number;
}

/**
 * Chunks a stream may have queued unread before the hub gives up on it. A client that stops
 * reading would otherwise grow the hub's memory without bound; erroring its stream makes it
 * reconnect and resume with Last-Event-ID, losing nothing.
 */
const MAX_QUEUED_CHUNKS = 256;

interface OpenStream {
  controller: ReadableStreamDefaultController<Uint8Array>;
}

const EVENT_ID = /^\d{1,15}$/;

export class SubscriberHubCore {
  readonly #store: HubStore;
  readonly #opts: HubOptions;
  readonly #streams = new Set<OpenStream>();
  #ping: ReturnType<typeof setInterval> | undefined;

  constructor(store: HubStore, opts: HubOptions) {
    this.#store = store;
    this.#opts = opts;
  }

  get streamCount(): number {
    return this.#streams.size;
  }

  create(secretHash: string): 'created' | 'exists' {
    return this.#store.createSubscriber(secretHash, this.#opts.now()) ? 'created' : 'exists';
  }

  authorize(secretHash: string): AuthResult {
    const sub = this.#store.subscriber();
    if (sub === null) return 'unknown';
    return constantTimeEqual(sub.secretHash, secretHash) ? 'ok' : 'forbidden';
  }

  append(deliveryKey: string, notification: RelayNotification): AppendResult {
    if (this.#store.subscriber() === null) return { status: 'unknown' };
    const json = JSON.stringify(notification);
    const seq = this.#store.insert(deliveryKey, json, this.#opts.now());
    if (seq === null) return { status: 'duplicate' };
    this.#prune(seq);
    this.#broadcast(sseEvent(SSE_EVENTS.notification, json, seq));
    return { status: 'appended', seq };
  }

  /** Deletes what retention no longer keeps; returns when the oldest survivor expires, if any. */
  pruneExpired(): number | null {
    const sub = this.#store.subscriber();
    if (sub === null) return null;
    this.#prune(sub.lastSeq);
    return this.nextExpiry();
  }

  /** When the oldest logged notification falls out of retention by age; null for an empty log. */
  nextExpiry(): number | null {
    if (this.#store.subscriber() === null) return null;
    const oldest = this.#store.oldest();
    return oldest === null ? null : oldest.receivedAt + this.#opts.maxAgeMs;
  }

  open(lastEventId: string | null): ReadableStream<Uint8Array> | null {
    const sub = this.#store.subscriber();
    if (sub === null) return null;
    this.#prune(sub.lastSeq);
    const latestId = String(sub.lastSeq);
    const first = [
      sseEvent(SSE_EVENTS.ready, JSON.stringify(readyEventSchema.parse({ latestId }))),
    ];
    const after = this.#resumePoint(lastEventId, sub.lastSeq);
    if (after === 'gap' || after === 'unknown-id') {
      const reset = resetEventSchema.parse({ reason: after, latestId });
      first.push(sseEvent(SSE_EVENTS.reset, JSON.stringify(reset)));
    } else if (after !== null) {
      for (const e of this.#store.entriesAfter(after)) {
        first.push(sseEvent(SSE_EVENTS.notification, e.json, e.seq));
      }
    }
    // Everything above and the registration below happen in one synchronous step, so an append
    // can neither slip between the replay and the live feed nor reach this stream twice.
    let entry: OpenStream | undefined;
    return new ReadableStream<Uint8Array>({
      start: (controller) => {
        entry = { controller };
        for (const chunk of first) controller.enqueue(chunk);
        this.#register(entry);
      },
      cancel: () => {
        if (entry !== undefined) this.#drop(entry);
      },
    });
  }

  linkTodoist(userId: string): LinkResult {
    if (this.#store.subscriber() === null) return 'unknown';
    const links = this.#store.links();
    if (links.includes(userId)) return 'ok';
    if (links.length >= MAX_TODOIST_LINKS_PER_SUBSCRIBER) return 'limit';
    this.#store.addLink(userId, this.#opts.now());
    return 'ok';
  }

  unlinkTodoist(userId: string): 'ok' | 'unknown' {
    if (this.#store.subscriber() === null) return 'unknown';
    this.#store.removeLink(userId);
    return 'ok';
  }

  destroy(): string[] | null {
    if (this.#store.subscriber() === null) return null;
    const links = this.#store.links();
    for (const s of [...this.#streams]) this.#close(s);
    this.#store.wipe();
    return links;
  }

  /** Closes every open stream (e.g. a Node process shutting down); the log stays. */
  closeStreams(): void {
    for (const s of [...this.#streams]) this.#close(s);
  }

  /**
   * `null`: no resume point (a first connection); a number: replay everything after it;
   * 'gap': some of what followed it was pruned; 'unknown-id': not an id this log ever issued.
   */
  #resumePoint(lastEventId: string | null, lastSeq: number): number | null | 'gap' | 'unknown-id' {
    if (lastEventId === null || lastEventId === '') return null;
    if (!EVENT_ID.test(lastEventId)) return 'unknown-id';
    const n = Number(lastEventId);
    if (n > lastSeq) return 'unknown-id';
    if (n === lastSeq) return n;
    const oldest = this.#store.oldest();
    return oldest !== null && oldest.seq <= n + 1 ? n : 'gap';
  }

  #prune(lastSeq: number): void {
    this.#store.prune(lastSeq - this.#opts.maxEntries + 1, this.#opts.now() - this.#opts.maxAgeMs);
  }

  #register(entry: OpenStream): void {
    if (this.#streams.size >= MAX_STREAMS_PER_SUBSCRIBER) {
      const oldest = this.#streams.values().next().value;
      if (oldest !== undefined) this.#close(oldest);
    }
    this.#streams.add(entry);
    this.#ping ??= setInterval(() => this.#broadcast(sseComment('ping')), this.#opts.pingMs);
  }

  #broadcast(chunk: Uint8Array): void {
    for (const s of [...this.#streams]) {
      const queued = s.controller.desiredSize;
      if (queued !== null && queued < -MAX_QUEUED_CHUNKS) {
        this.#fail(s, new Error('the client stopped reading'));
        continue;
      }
      try {
        s.controller.enqueue(chunk);
      } catch {
        // Closed or errored underneath us (the client went away): forget it.
        this.#drop(s);
      }
    }
  }

  #close(s: OpenStream): void {
    this.#drop(s);
    try {
      s.controller.close();
    } catch {
      // already closed
    }
  }

  #fail(s: OpenStream, error: Error): void {
    this.#drop(s);
    try {
      s.controller.error(error);
    } catch {
      // already closed
    }
  }

  #drop(s: OpenStream): void {
    this.#streams.delete(s);
    if (this.#streams.size === 0 && this.#ping !== undefined) {
      clearInterval(this.#ping);
      this.#ping = undefined;
    }
  }
}
