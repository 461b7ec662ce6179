// Which synced scopes the relay's stream covers right now (DESIGN §4): the engine slows their
// safety poll (sync/scheduler.ts pushedScopes) and the popup says "Live" only when it is all of
// them. Covered: a linked, OAuth-connected Todoist account (Todoist sends webhooks only for users
// who authorised the app through OAuth, todoist spec §7), and a synced calendar whose current watch
// channel points at our relay and subscriber and has not expired (google spec §4). Nothing is
// covered while the stream is not live.
import type { AlmanacDb } from '../store/db';
import { isCalendarSelected } from '../store/selection';
import { isPushed, type WatchDestination } from '../sync/google/watch-plan';
import { calendarScope, todoistScope } from '../sync/scope';
import type { SecretVault } from './secret-vault';

export interface PushCoverage {
  /** Scope ids, sorted. */
  readonly pushed: readonly string[];
  /** Display names of the synced calendars and accounts that only poll. */
  readonly polled: readonly string[];
}

export const NO_COVERAGE: PushCoverage = { pushed: [], polled: [] };

export async function pushCoverage(opts: {
  readonly db: AlmanacDb;
  readonly vault: SecretVault;
  readonly live: boolean;
  /** Todoist user ids linked to our subscriber. */
  readonly linked: readonly string[];
  readonly target: WatchDestination;
  readonly now: number;
}): Promise<PushCoverage> {
  const { db } = opts;
  if (!opts.live) return NO_COVERAGE;
  const pushed: string[] = [];
  const polled: string[] = [];
  const sources = await db.sources.toArray();
  const google = new Set(sources.filter((s) => s.provider === 'google').map((s) => s.id));
  for (const row of await db.calendars.toArray()) {
    if (!google.has(row.sourceId) || !isCalendarSelected(row)) continue;
    if (isPushed(row.watch, opts.target, opts.now))
      pushed.push(calendarScope(row.sourceId, row.id).id);
    else polled.push(row.summaryOverride ?? row.summary);
  }
  const linked = new Set(opts.linked);
  for (const source of sources) {
    if (source.provider !== 'todoist') continue;
    const secret = await opts.vault.get(source.id).catch(() => undefined);
    const oauth = secret?.kind === 'todoist' && secret.method === 'oauth';
    if (source.userId && linked.has(source.userId) && oauth)
      pushed.push(todoistScope(source.id).id);
    else polled.push(`Todoist (${source.label ?? source.id})`);
  }
  return { pushed: pushed.sort(), polled };
}
