// The push path's local state, in one `meta` row (audit-class, like budgets: not synced data):
// which subscriber it belongs to, the id of the last relay event fully handled (where the stream
// resumes, Last-Event-ID), and the Todoist user ids linked at the relay. The subscriber's secret is
// NOT here: it lives in the encrypted secret vault (platform/secret-vault.ts) with its id. A row of
// another subscriber is stale and read as empty, so a new subscriber never resumes from an id in
// someone else's log.
import { z } from 'zod';
import type { AlmanacDb } from './db';

export const RELAY_STATE_KEY = 'relay:state';

export const relayStateSchema = z.strictObject({
  subscriberId: z.string().min(1),
  lastEventId: z.string().optional(),
  /** Todoist user ids the relay has confirmed linked (PUT answered 204). */
  linked: z.array(z.string()),
});
export type RelayState = z.infer<typeof relayStateSchema>;

async function readIn(db: AlmanacDb, subscriberId: string): Promise<RelayState> {
  const parsed = relayStateSchema.safeParse((await db.meta.get(RELAY_STATE_KEY))?.value);
  return parsed.success && parsed.data.subscriberId === subscriberId
    ? parsed.data
    : { subscriberId, linked: [] };
}

export async function readRelayState(db: AlmanacDb, subscriberId: string): Promise<RelayState> {
  return readIn(db, subscriberId);
}

/** Read-modify-write in one transaction (the client's cursor and the link bookkeeping both write). */
export function updateRelayState(
  db: AlmanacDb,
  subscriberId: string,
  change: (state: RelayState) => RelayState,
): Promise<void> {
  return db.transaction('rw', db.meta, async () => {
    const before = await readIn(db, subscriberId);
    const after = change(before);
    if (JSON.stringify(after) === JSON.stringify(before)) return;
    await db.meta.put({ key: RELAY_STATE_KEY, value: relayStateSchema.parse(after) });
  });
}

/** Records the last handled event id — unless the row now belongs to another subscriber (a
 * handler of the old stream finishing after a re-registration). */
export function writeRelayCursor(
  db: AlmanacDb,
  subscriberId: string,
  lastEventId: string,
): Promise<void> {
  return db.transaction('rw', db.meta, async () => {
    const parsed = relayStateSchema.safeParse((await db.meta.get(RELAY_STATE_KEY))?.value);
    if (parsed.success && parsed.data.subscriberId !== subscriberId) return;
    const state = parsed.success ? parsed.data : { subscriberId, linked: [] };
    if (state.lastEventId === lastEventId) return;
    await db.meta.put({ key: RELAY_STATE_KEY, value: { ...state, lastEventId } });
  });
}

/** A new subscriber starts with nothing handled and nothing linked. */
export async function resetRelayState(db: AlmanacDb, subscriberId: string): Promise<void> {
  await db.meta.put({ key: RELAY_STATE_KEY, value: { subscriberId, linked: [] } });
}

export async function clearRelayState(db: AlmanacDb): Promise<void> {
  await db.meta.delete(RELAY_STATE_KEY);
}
