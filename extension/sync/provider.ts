// The provider contract (DESIGN §2). A provider turns a scope and its cursor into pages of
// changes; the engine applies them under the cursor invariant. Adding Todoist or Notion = one
// more provider in the registry, with its own collection in the store port.
import type { CursorState, OutboxRecord, TimeWindow } from '../store/records';
import type { RequestMeter } from './http';
import { providerKey, type Scope } from './scope';
import type { Collection, SyncStore } from './store-port';

export interface Page<R> {
  readonly upserts: readonly R[];
  /** Provider ids within the scope. */
  readonly deletes: readonly string[];
  /** Items the provider sent on this page (before filtering): 0 on every page = a quiet run. */
  readonly received: number;
  /** Present only on the last page (spec §1: the sync token is only on the last page). */
  readonly nextCursor?: string;
}

export interface Pull<R> {
  readonly mode: 'full' | 'incremental';
  /** The window the cursor will cover (calendar events). */
  readonly window?: TimeWindow;
  readonly pages: AsyncIterable<Page<R>>;
}

export interface PullContext {
  readonly now: number;
  readonly meter: RequestMeter;
}

export interface Provider<S extends Scope, R extends { readonly id: string }> {
  /** `${provider}:${kind}` — see scope.ts providerKey(). */
  readonly key: string;
  /** No cursor → a full listing; with a cursor → incremental. Errors are typed (errors.ts). */
  pull(scope: S, cursor: CursorState | undefined, context: PullContext): Pull<R>;
  collection(store: SyncStore): Collection<S, R>;
  /** Writes back one outbox item (later work). */
  push?(item: OutboxRecord): Promise<void>;
}

export type AnyProvider = Provider<Scope, { readonly id: string }>;

export interface ProviderRegistry {
  get(scope: Scope): AnyProvider;
}

export function createProviderRegistry(providers: readonly AnyProvider[]): ProviderRegistry {
  const byKey = new Map(providers.map((p) => [p.key, p]));
  return {
    get(scope) {
      const provider = byKey.get(providerKey(scope));
      if (!provider) throw new Error(`no provider registered for ${scope.id}`);
      return provider;
    },
  };
}
