// The SubscriberHub Durable Object: one per subscriber id (idFromName), SQLite-backed
// (wrangler.toml `new_sqlite_classes`). A thin shell: the logic is hub-core.ts, the storage
// sql-hub-store.ts; this file adds what only a Durable Object has — RPC and the alarm.
//
// It cannot hibernate while a stream is open (SSE holds a request open, unlike hibernatable
// WebSockets), so it is billed for wall-clock time while any client listens: docs/security.md.
import { DurableObject, type DurableObjectState } from 'cloudflare:workers';
import type { RelayNotification } from '../shared/relay-protocol';
import { readRelayConfig } from './config';
import { SubscriberHubCore } from './hub-core';
import type { AppendResult, AuthResult, LinkResult } from './ports';
import { SqlHubStore } from './sql-hub-store';
import type { RelayWorkerEnv } from './worker-env';

/** The hub's internal events URL (durable-ports.ts → fetch); never reachable from outside. */
export const HUB_EVENTS_PATH = '/events';
export const HUB_LAST_EVENT_ID_PARAM = 'lastEventId';

export class SubscriberHub extends DurableObject<RelayWorkerEnv> {
  readonly #core: SubscriberHubCore;

  constructor(ctx: DurableObjectState, env: RelayWorkerEnv) {
    super(ctx, env);
    const config = readRelayConfig(env as unknown as Record<string, unknown>);
    this.#core = new SubscriberHubCore(new SqlHubStore(ctx.storage.sql), {
      now: Date.now,
      maxEntries: config.maxEntries,
      maxAgeMs: config.maxAgeMs,
      pingMs: config.pingMs,
    });
  }

  create(secretHash: string): 'created' | 'exists' {
    return this.#core.create(secretHash);
  }

  authorize(secretHash: string): AuthResult {
    return this.#core.authorize(secretHash);
  }

  async append(deliveryKey: string, notification: RelayNotification): Promise<AppendResult> {
    const result = this.#core.append(deliveryKey, notification);
    if (result.status === 'appended') await this.#scheduleExpiry();
    return result;
  }

  /**
   * The events stream goes over `fetch`, not RPC: a ReadableStream returned over RPC is not
   * cancelled on this side when the client goes away (seen on workerd 2026-04), so the hub
   * would keep writing pings to a dead stream; a fetch response body is.
   */
  override async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (request.method !== 'GET' || url.pathname !== HUB_EVENTS_PATH) {
      return new Response(null, { status: 404 });
    }
    const stream = this.#core.open(url.searchParams.get(HUB_LAST_EVENT_ID_PARAM));
    return stream === null ? new Response(null, { status: 404 }) : new Response(stream);
  }

  linkTodoist(userId: string): LinkResult {
    return this.#core.linkTodoist(userId);
  }

  unlinkTodoist(userId: string): 'ok' | 'unknown' {
    return this.#core.unlinkTodoist(userId);
  }

  async destroy(): Promise<string[] | null> {
    const links = this.#core.destroy();
    if (links !== null) {
      // deleteAll also drops the internal metadata SQLite keeps for every object that wrote.
      await this.ctx.blockConcurrencyWhile(async () => {
        await this.ctx.storage.deleteAlarm();
        await this.ctx.storage.deleteAll();
      });
    }
    return links;
  }

  /** Open streams right now (tests). */
  streamCount(): number {
    return this.#core.streamCount;
  }

  /**
   * Age-based retention for a log nobody appends to or reads any more: without it a quiet
   * subscriber's last notifications would stay stored forever.
   */
  override async alarm(): Promise<void> {
    const next = this.#core.pruneExpired();
    if (next !== null) await this.ctx.storage.setAlarm(next);
  }

  async #scheduleExpiry(): Promise<void> {
    if ((await this.ctx.storage.getAlarm()) !== null) return;
    const next = this.#core.nextExpiry();
    if (next !== null) await this.ctx.storage.setAlarm(next);
  }
}
