// The push router's store reads (sync/push/push-router.ts PushLookup) and the client's resume
// point (sync/push/handled-ids.ts RelayCursorPort), over the Dexie database.
import { calendarOfChannel } from '../store/calendar-watch';
import type { AlmanacDb } from '../store/db';
import { readRelayState, writeRelayCursor } from '../store/relay-state';
import type { RelayCursorPort } from '../sync/push/handled-ids';
import type { PushLookup } from '../sync/push/push-router';

export function createPushLookup(db: AlmanacDb): PushLookup {
  return {
    async todoistSource(userId) {
      const sources = await db.sources.where('provider').equals('todoist').toArray();
      return sources.find((s) => s.userId === userId)?.id;
    },
    async todoistTask(sourceId, taskId) {
      const row = await db.tasks.get([sourceId, taskId]);
      // A row without `raw` exists only on this device (an add Todoist has not confirmed): we do
      // not hold any server version of it.
      if (!row?.raw) return undefined;
      const updatedAt = row.raw.updated_at;
      return {
        updatedAt: typeof updatedAt === 'string' ? updatedAt : undefined,
        checked: row.raw.checked === true,
      };
    },
    // The calendar row whose watch knows the channel (store/calendar-watch.ts): current, being
    // made, or being replaced — during a renewal both channels route to it.
    calendarOfChannel: (channelId) => calendarOfChannel(db, channelId),
  };
}

export function createRelayCursor(db: AlmanacDb): RelayCursorPort {
  return {
    read: async (subscriberId) => (await readRelayState(db, subscriberId)).lastEventId,
    write: (subscriberId, lastEventId) => writeRelayCursor(db, subscriberId, lastEventId),
  };
}
