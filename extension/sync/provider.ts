// The provider contract (DESIGN §2). A provider turns a scope and its cursor into pages of
// changes; the engine applies them under the cursor invariant. Adding Notion = one more provider
// in the registry, with its own collection in the store port.
//
// Todoist is the other shape, a ScopeRunner: its one endpoint writes (commands from the outbox)
// and reads (changes since the token) in the SAME request (todoist spec §2–§3), and whether the
// answer is a replace or a merge is only known from the answer (`full_sync`). So it runs the
// whole scope itself, under the same engine guarantees: single flight, lock, audit row,
// scheduling state, typed errors, and the cursor invariant inside its own store port.
import type { CursorState, OutboxRecord, TimeWindow } from '../store/records';
import type { RequestMeter } from './http';
import type { RunProgress } from './run';
import type { SchedulePolicy } from './scheduler';
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

export interface RunContext {
  /** The run's start (epoch ms); the clock itself is the provider's own dependency. */
  readonly startedAt: number;
  readonly meter: RequestMeter;
  /** Filled in as the run goes (mode, pages, changes, outcome, wakeAt). */
  readonly progress: RunProgress;
  readonly policy: SchedulePolicy;
}

/** A provider that runs a whole scope itself (see the header). Errors are typed (errors.ts). */
export interface ScopeRunner<S extends Scope> {
  readonly key: string;
  run(scope: S, context: RunContext): Promise<void>;
  /** Drops the scope's cursor: its next run is a full sync whose answer replaces the rows. */
  clearCursor(scope: S): Promise<void>;
}

export type PullProvider = Provider<Scope, { readonly id: string }>;
export type AnyProvider = PullProvider | ScopeRunner<Scope>;

export function isScopeRunner(provider: AnyProvider): provider is ScopeRunner<Scope> {
  return 'run' in provider;
}

export interface ProviderRegistry {
  get(scope: Scope): AnyProvider;
  /** Whether this engine serves the scope (a Todoist source without a Todoist provider is not
   * a scope of this engine, rather than a failing one). */
  has(scope: Scope): boolean;
}

export function createProviderRegistry(providers: readonly AnyProvider[]): ProviderRegistry {
  const byKey = new Map(providers.map((p) => [p.key, p]));
  return {
    has: (scope) => byKey.has(providerKey(scope)),
    get(scope) {
      const provider = byKey.get(providerKey(scope));
      if (!provider) throw new Error(`no provider registered for ${scope.id}`);
      return provider;
    },
  };
}
