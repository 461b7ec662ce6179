// Turns relay notifications into engine runs (DESIGN §4): find the scope a notification is about,
// drop the ones that tell us nothing new, and fold bursts into one run per scope with a debounce
// (a quiet period, bounded by a maximum wait so a steady trickle still syncs). Clock-driven only
// (`now` and `sleep` ports), so tests and benches on a ManualClock control it; `idle()` says when
// nothing is pending or running.
import type { RelayNotification, TodoistNotification } from '../../../shared/relay-protocol';
import type { LogPort } from '../ports';
import { type CalendarScope, type Scope, todoistScope } from '../scope';

/** The server version of a task as the store holds it (its `raw`, not the local overlay). */
export interface HeldTask {
  /** Todoist's `updated_at` of the version we hold. */
  readonly updatedAt: string | undefined;
  readonly checked: boolean;
}

/** The store reads the router needs (the platform implements them over Dexie). */
export interface PushLookup {
  /** The Todoist source holding this Todoist user id (SourceRecord.userId), if any. */
  todoistSource(userId: string): Promise<string | undefined>;
  todoistTask(sourceId: string, taskId: string): Promise<HeldTask | undefined>;
  /** The calendar a Google watch channel reports on (its current channel, or one being created
   * or retired: both ids route during a renewal — sync/google/watch.ts). Undefined for a channel
   * no calendar knows. */
  calendarOfChannel(channelId: string): Promise<CalendarScope | undefined>;
}

export interface DebouncePolicy {
  /** Run once no notification for the scope arrived for this long… */
  readonly quietMs: number;
  /** …or once the first one has waited this long, whichever comes first. */
  readonly maxWaitMs: number;
}

/** A Todoist edit often arrives as several webhooks within a second (update, then move, then a
 * label); 1.5 s of quiet folds them, 10 s bounds the wait under a steady stream. */
export const PUSH_DEBOUNCE: DebouncePolicy = { quietMs: 1_500, maxWaitMs: 10_000 };

export interface PushRouterDeps {
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly log: LogPort;
  readonly lookup: PushLookup;
  /** One run of a scope (the platform: the sync service, which also keeps alarms in step). */
  readonly sync: (scope: Scope, reason: string) => Promise<unknown>;
  /** Every scope there is (engine.knownScopes), for a resync. */
  readonly scopes: () => Promise<Scope[]>;
  readonly debounce?: DebouncePolicy;
}

export interface PushRouter {
  /** Resolves once the notification is handled: ignored, or the run it joined has finished. */
  handle(notification: RelayNotification): Promise<void>;
  /** Every scope once (calendar lists first): notifications may have been lost. */
  resyncAll(reason: string): Promise<void>;
  /** Nothing waiting for its debounce, being looked up, or running. (A pending debounce ends only
   * when the `sleep` port lets it: on a ManualClock, step the clock to `nextDeadline()`.) */
  idle(): Promise<void>;
  /** Every notification handed over so far has been looked up, and every run whose debounce has
   * ended has finished; what remains waits for the clock. A clock-stepping driver awaits this
   * before moving time. */
  settled(): Promise<void>;
  /** Scope ids waiting for their debounce to end. */
  pending(): string[];
  /** When the earliest pending debounce ends (epoch ms), for drivers that step a clock. */
  nextDeadline(): number | undefined;
}

export type Verdict = { readonly sync: true } | { readonly sync: false; readonly why: string };

/**
 * Whether a Todoist notification can change what we hold. The webhook (spec §7) names the object
 * and, for tasks, the version (`updated_at`) it reports; when we already hold that very version —
 * our own write echoing back, or a change an earlier sync already brought — a run would fetch
 * nothing. Anything uncertain syncs: one request is cheaper than a missed change.
 */
export function todoistVerdict(n: TodoistNotification, held: HeldTask | undefined): Verdict {
  const [family, action] = n.event.split(':');
  // Comments (notes) are not synced (resource_types has no `notes`), so they change nothing here.
  if (family === 'note') return { sync: false, why: 'notes are not synced' };
  if (family !== 'item' || n.objectId === undefined) return { sync: true };
  if (action === 'deleted') {
    return held ? { sync: true } : { sync: false, why: 'deleted a task we do not hold' };
  }
  if (!held || n.updatedAt === undefined || n.updatedAt !== held.updatedAt) return { sync: true };
  // Same version. A (un)completion that disagrees with what we hold syncs anyway, in case
  // completing does not move `updated_at` (the spec does not say it does).
  if (action === 'completed' && !held.checked) return { sync: true };
  if (action === 'uncompleted' && held.checked) return { sync: true };
  return { sync: false, why: 'we hold that version already' };
}

interface Pending {
  readonly scope: Scope;
  readonly firstAt: number;
  lastAt: number;
  readonly waiters: Array<() => void>;
}

export function createPushRouter(deps: PushRouterDeps): PushRouter {
  const policy = deps.debounce ?? PUSH_DEBOUNCE;
  const pending = new Map<string, Pending>();
  /** Everything in flight, debounce waits included (idle). */
  const active = new Set<Promise<unknown>>();
  /** Lookups and runs: what `settled` waits for (not the debounce waits). */
  const busy = new Set<Promise<unknown>>();

  function track<T>(work: Promise<T>, set: Set<Promise<unknown>> = active): Promise<T> {
    set.add(work);
    const forget = () => set.delete(work);
    work.then(forget, forget);
    return work;
  }

  const drained = async (set: Set<Promise<unknown>>) => {
    while (set.size > 0) await Promise.allSettled([...set]);
  };

  const deadline = (p: Pending) =>
    Math.min(p.lastAt + policy.quietMs, p.firstAt + policy.maxWaitMs);

  function schedule(scope: Scope): Promise<void> {
    const now = deps.now();
    const joined = pending.get(scope.id);
    if (joined) {
      joined.lastAt = now;
      return new Promise((resolve) => joined.waiters.push(resolve));
    }
    const p: Pending = { scope, firstAt: now, lastAt: now, waiters: [] };
    pending.set(scope.id, p);
    const done = new Promise<void>((resolve) => p.waiters.push(resolve));
    void track(fire(p));
    return done;
  }

  async function fire(p: Pending): Promise<void> {
    for (;;) {
      const wait = deadline(p) - deps.now();
      if (wait <= 0) break;
      await deps.sleep(wait);
    }
    // From here a new notification starts a new debounce (and a follow-up run): this run may
    // already have read past the change it reports, or not.
    pending.delete(p.scope.id);
    try {
      await track(deps.sync(p.scope, 'push'), busy);
    } catch (err) {
      deps.log.error('push: sync failed', { scope: p.scope.id, err });
    } finally {
      for (const resolve of p.waiters) resolve();
    }
  }

  /** The scope a notification should run, or undefined when it tells us nothing new. */
  async function classify(n: RelayNotification): Promise<Scope | undefined> {
    if (n.provider === 'google') {
      const scope = await deps.lookup.calendarOfChannel(n.channelId);
      if (!scope) {
        deps.log.debug('push: no calendar for this channel', { channelId: n.channelId });
        return undefined;
      }
      // Google's first message on a new channel is `sync`: it announces the channel, no change.
      return n.resourceState === 'sync' ? undefined : scope;
    }
    const sourceId = await deps.lookup.todoistSource(n.userId);
    if (!sourceId) {
      deps.log.debug('push: no Todoist account for this user', { userId: n.userId });
      return undefined;
    }
    const held = n.objectId ? await deps.lookup.todoistTask(sourceId, n.objectId) : undefined;
    const verdict = todoistVerdict(n, held);
    if (!verdict.sync) {
      deps.log.debug('push: ignored', { event: n.event, objectId: n.objectId, why: verdict.why });
      return undefined;
    }
    return todoistScope(sourceId);
  }

  async function route(n: RelayNotification): Promise<void> {
    const scope = await track(classify(n), busy);
    if (scope) await schedule(scope);
  }

  async function resyncAll(reason: string): Promise<void> {
    const scopes = await deps.scopes();
    const ordered = [
      ...scopes.filter((s) => s.kind === 'calendar-list'),
      ...scopes.filter((s) => s.kind !== 'calendar-list'),
    ];
    for (const scope of ordered) {
      try {
        await deps.sync(scope, reason);
      } catch (err) {
        deps.log.error('push: resync failed', { scope: scope.id, err });
      }
    }
  }

  return {
    handle: (n) => track(route(n)),
    resyncAll: (reason) => track(track(resyncAll(reason), busy)),
    idle: () => drained(active),
    settled: () => drained(busy),
    pending: () => [...pending.keys()],
    nextDeadline() {
      const all = [...pending.values()].map(deadline);
      return all.length === 0 ? undefined : Math.min(...all);
    },
  };
}
