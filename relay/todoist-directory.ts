// The TodoistDirectory Durable Object: one per Todoist user id (idFromName), listing the
// subscribers linked to that user. One object per user rather than one global table: a webhook
// touches only its own user's object, so deliveries for different users never queue behind
// each other in a single object (each object runs one request at a time), and no object's
// storage grows with the number of users.
import { DurableObject, type DurableObjectState } from 'cloudflare:workers';
import { SqlDirectoryStore } from './sql-directory-store';
import type { RelayWorkerEnv } from './worker-env';

export class TodoistDirectory extends DurableObject<RelayWorkerEnv> {
  readonly #store: SqlDirectoryStore;

  constructor(ctx: DurableObjectState, env: RelayWorkerEnv) {
    super(ctx, env);
    this.#store = new SqlDirectoryStore(ctx.storage.sql);
  }

  link(subscriberId: string): 'ok' | 'limit' {
    return this.#store.link(subscriberId, Date.now());
  }

  async unlink(subscriberId: string): Promise<void> {
    // Nobody follows this user any more: leave no stored data (not even SQLite's metadata).
    // No link may slip in between the drop and the wipe, or the wipe would lose it.
    if (this.#store.unlink(subscriberId)) {
      await this.ctx.blockConcurrencyWhile(() => this.ctx.storage.deleteAll());
    }
  }

  subscribers(): string[] {
    return this.#store.subscribers();
  }
}
