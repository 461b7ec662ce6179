// One sync run of one scope, under the cursor invariant (DESIGN §2):
// - the new cursor is written in the SAME transaction as the last page, never before;
// - a full listing applies each page as it arrives (idempotent upserts of current truth) but
//   deletes nothing until it is complete: the ids seen are collected and the last page's
//   transaction deletes every stored row not seen, together with the cursor;
// - an incremental listing is held in memory (one entry per id) and applied as ONE transaction
//   with its token: change sets are small, and a failure mid-listing then changes nothing.
// A crash at any instant leaves the old cursor (plus, for a full listing, some harmless upserts)
// or the new cursor with everything it covers, and the next run converges either way.
import type { CursorState, RunMode, RunOutcome } from '../store/records';
import { BadResponse, CursorExpired } from './errors';
import type { Page, Pull, PullProvider } from './provider';
import type { RunStats } from './run-stats';
import { reconcileDue, type SchedulePolicy } from './scheduler';
import type { Scope } from './scope';
import type { Changes, Collection } from './store-port';

export interface RunProgress {
  mode: RunMode;
  pages: number;
  changes: number;
  fullResync: boolean;
  outcome: RunOutcome;
  /** A successful run that wants its scope back sooner than its interval (epoch ms). */
  wakeAt?: number;
}

interface RunDeps {
  readonly provider: PullProvider;
  readonly collection: Collection<Scope, { readonly id: string }>;
  readonly now: () => number;
  readonly stats: RunStats;
  readonly policy: SchedulePolicy;
}

/** Pulls and applies; throws typed errors. `progress` is filled in as it goes, so a failed run
 * still reports what it did before failing. */
export async function pullAndApplyScope(
  deps: RunDeps,
  scope: Scope,
  startedAt: number,
  progress: RunProgress,
): Promise<void> {
  if (!(await deps.collection.live(scope))) {
    // A stale alarm or push for a calendar removed or deselected since: no request at all.
    progress.outcome = 'skipped';
    return;
  }
  const stored = await deps.collection.readCursor(scope);
  // The weekly safety reconcile is a full listing that keeps the stored token until it completes:
  // if it fails midway, the old token still works.
  const reconcile = stored && reconcileDue(scope.id, stored.fullSyncedAt, startedAt, deps.policy);
  const pullFrom = reconcile ? undefined : stored;
  try {
    await pullOnce(deps, scope, startedAt, pullFrom, stored, progress);
  } catch (err) {
    if (!(err instanceof CursorExpired) || pullFrom === undefined) throw err;
    // spec §1 410 / 400 bad token → wipe that scope and do a windowed full sync. The token is
    // dropped at once (so a crash goes straight to a full sync next time); the rows are replaced
    // atomically by the full listing's last transaction instead of emptied first, so the UI never
    // shows an empty calendar while it re-lists.
    progress.fullResync = true;
    await deps.collection.clearCursor(scope);
    progress.changes += 1;
    await pullOnce(deps, scope, startedAt, undefined, undefined, progress);
  }
}

async function pullOnce(
  deps: RunDeps,
  scope: Scope,
  startedAt: number,
  from: CursorState | undefined,
  stored: CursorState | undefined,
  progress: RunProgress,
): Promise<void> {
  const pull = deps.provider.pull(scope, from, { now: startedAt, meter: deps.stats });
  progress.mode = pull.mode;
  // Full: apply each page as it comes (upserts only; deletions wait for the complete listing).
  // Incremental: hold the change set (one id → its last state) and apply it with the token, so a
  // failure mid-listing leaves store AND token exactly as they were.
  const seen = pull.mode === 'full' ? new Set<string>() : undefined;
  const pending = pull.mode === 'incremental' ? new Map<string, Versioned | null>() : undefined;
  let received = 0;
  for await (const page of pull.pages) {
    progress.pages += 1;
    received += page.received;
    if (seen) for (const record of page.upserts) seen.add(record.id);
    if (pending) merge(pending, page);
    const token = page.nextCursor;
    const last = token !== undefined;
    if (pending && !last) continue;
    const changes = pending ? split(pending) : page;
    const finalize = last
      ? {
          cursor: nextCursor(deps, pull, token, stored, received, startedAt),
          ...(seen ? { keepOnly: seen } : {}),
        }
      : undefined;
    const result = await deps.collection.apply(scope, changes, finalize);
    progress.changes += result.writes;
    if (result.scopeGone) {
      progress.outcome = 'skipped';
      return;
    }
    if (last) return;
  }
  throw new BadResponse(`${scope.id}: listing ended without a sync token`);
}

type Versioned = { readonly id: string };

function merge(pending: Map<string, Versioned | null>, page: Page<Versioned>): void {
  // Within a page deletes and upserts never share an id (providers keep the last action).
  for (const id of page.deletes) {
    pending.delete(id);
    pending.set(id, null);
  }
  for (const record of page.upserts) {
    pending.delete(record.id);
    pending.set(record.id, record);
  }
}

function split(pending: Map<string, Versioned | null>): Changes<Versioned> {
  const upserts: Versioned[] = [];
  const deletes: string[] = [];
  for (const [id, record] of pending) {
    if (record) upserts.push(record);
    else deletes.push(id);
  }
  return { upserts, deletes };
}

function nextCursor(
  deps: RunDeps,
  pull: Pull<unknown>,
  token: string,
  stored: CursorState | undefined,
  received: number,
  startedAt: number,
): CursorState {
  if (pull.mode === 'incremental' && stored) {
    // Quiet run: nothing changed since the stored token, which keeps working (spec §1: an older,
    // still-valid token keeps working). Keeping it means a quiet run writes nothing at all; it is
    // refreshed once it is tokenRefreshMs old, well inside the ~7-day idle expiry.
    const fresh = deps.now() - stored.savedAt < deps.policy.tokenRefreshMs;
    if (token === stored.token || (received === 0 && fresh)) return stored;
  }
  return {
    token,
    ...(pull.window ? { window: pull.window } : {}),
    fullSyncedAt: pull.mode === 'full' || !stored ? startedAt : stored.fullSyncedAt,
    savedAt: deps.now(),
  };
}
