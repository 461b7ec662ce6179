import type { Hono } from 'hono';
import type { EmulatorEnv } from '../../common/env';
import { parseBody, readBody } from '../body';
import { executeBatch } from '../commands/execute';
import type { TodoistDeps } from '../deps';
import { errorBody } from '../errors';
import { type ReadMode, readResources } from '../sync-read';
import { decodeSyncRequest } from '../sync-request';
import { isoSeconds } from '../time';

/** `POST /api/v1/sync` (spec §2, §3). */
export function registerSync(app: Hono<EmulatorEnv>, deps: TodoistDeps): void {
  app.post('/api/v1/sync', async (c) => {
    c.set('endpoint', 'sync');
    const user = deps.userOf(c);
    const req = decodeSyncRequest(await parseBody(c, await readBody(c)));
    const reads = req.resources.size > 0;

    // [open] An unknown, garbled or other user's token is answered with a full sync.
    const since =
      req.syncToken === '*' ? undefined : deps.store.resolveSyncToken(user, req.syncToken);
    const forced = since !== undefined && reads && user.forcedFull > 0;
    const full = since === undefined || forced;

    // spec §6: a full sync that returns data spends the full budget; everything else (an
    // incremental read, a write-only batch) spends the partial one. Refused requests change nothing.
    const verdict = deps.budgets.take(user.account.key, full && reads ? 'full' : 'partial');
    if (!verdict.ok) {
      return c.json(errorBody('LIMITS_REACHED', { retry_after: verdict.retryAfter }), 429);
    }
    if (forced) user.forcedFull--;

    const batch = executeBatch(user, req.commands);
    const now = deps.clock.now();
    let at = user.log.position;
    let stamp = now;
    if (full && reads && user.delayedFull !== null) {
      // A delayed full sync (spec §2): the data as it stood `delayMs` ago, and a token for that
      // position — the client must follow with an incremental sync at once.
      stamp = now - user.delayedFull.delayMs;
      at = Math.min(at, user.log.positionAt(stamp));
      user.delayedFull.count--;
      if (user.delayedFull.count <= 0) user.delayedFull = null;
    }
    const mode: ReadMode = full ? { full: true, at } : { full: false, since: since ?? 0 };
    return c.json({
      sync_token: deps.store.issueSyncToken(user, at),
      full_sync: full,
      ...(full ? { full_sync_date_utc: isoSeconds(stamp) } : {}),
      ...(reads ? readResources(user, req.resources, mode) : {}),
      temp_id_mapping: batch.tempIdMapping,
      sync_status: batch.syncStatus,
    });
  });
}
