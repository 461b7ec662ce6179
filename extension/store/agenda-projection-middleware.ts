// Keeps the agenda's tables equal to the projection of `events`: `agendaEvents` = projectEvent of
// every event row, `agendaDays` = those rows filed by day (agenda-buckets.ts). It works at
// Dexie's DBCore level (mirror-middleware.ts), inside the very transaction that writes the events:
// - every read-write transaction whose scope holds `events` also holds the two agenda tables;
// - a put/add of events re-files the rows whose projection changed (the written ones only); a
//   delete takes the same primary keys out; a range delete (table.clear) the same range.
// Doing it here rather than beside each caller is what makes the cursor invariant (DESIGN §2)
// hold for the projection too, whoever writes events: the engine's page applies, a calendar's
// removal, an account wipe, a STORE_VERSION reset, the bench's and tests' direct fills. A failed
// projection write aborts the transaction, so the events it mirrors are not written either.
// Installed by AlmanacDb itself (db.ts) below the write counter, so the counter keeps counting
// the synced rows a caller wrote, not this derived copy; Dexie's observability layer is below
// this one, so `storagemutated` reports the agenda tables' changes like any other.
import { EVENT_FILING } from './agenda-buckets';
import { projectEvent, sameProjection } from './agenda-projection';
import type { AgendaEventRow } from './agenda-records';
import { changesByKey, check, writeRefiled } from './bucket-writes';
import { derivedTable, mirrorMiddleware } from './mirror-middleware';
import type { EventRecord } from './records';

export const EVENTS = 'events';
export const AGENDA_EVENTS = 'agendaEvents';
export const AGENDA_DAYS = 'agendaDays';

type EventKey = [string, string];

const keyOf = (r: { calendarKey: string; id: string }): EventKey => [r.calendarKey, r.id];

export const agendaProjectionMiddleware = mirrorMiddleware<EventRecord, AgendaEventRow, EventKey>(
  'almanac-agenda-projection',
  {
    source: EVENTS,
    derived: [AGENDA_EVENTS, AGENDA_DAYS],
    // The projections as stored: the events' own rows are large (the raw Google resource).
    readBefore: (t, trans, keys) =>
      derivedTable(t, AGENDA_EVENTS).getMany({ trans, keys }) as Promise<
        (AgendaEventRow | undefined)[]
      >,
    readRange: async (t, trans, range) => {
      const rows = derivedTable(t, AGENDA_EVENTS);
      const found = await rows.query({
        trans,
        values: true,
        query: { index: rows.schema.primaryKey, range },
      });
      return found.result as AgendaEventRow[];
    },
    keyOfValue: keyOf,
    keyOfState: keyOf,
    stateOf: projectEvent,
    // Replaces the projections `before` with `after`, writing only what changed.
    async apply(t, trans, keys, before, after) {
      const rows = derivedTable(t, AGENDA_EVENTS);
      const days = derivedTable(t, AGENDA_DAYS);
      const removed: AgendaEventRow[] = [];
      const added: AgendaEventRow[] = [];
      const gone: EventKey[] = [];
      for (const change of changesByKey(keys, before, after)) {
        const old = change.before;
        const next = change.after;
        if (old && next && sameProjection(old, next)) continue;
        if (old) removed.push(old);
        if (next) added.push(next);
        else if (old) gone.push(change.key);
      }
      await Promise.all([
        added.length > 0 ? check(rows.mutate({ type: 'put', trans, values: added })) : undefined,
        gone.length > 0 ? check(rows.mutate({ type: 'delete', trans, keys: gone })) : undefined,
        writeRefiled(EVENT_FILING, days, trans, removed, added),
      ]);
    },
  },
);
