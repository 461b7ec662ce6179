// The new tab's reads, all indexed range queries (never a scan of `events` or `tasks`). Every
// window given here is ALREADY widened by the caller for other zones' midnights (zone-pad.ts).
// - eventsNear: rows that START in the window (startMs index), plus the keys of rows that END in
//   it (endMs index, keys only), fetched by key when they started earlier. This is the first
//   paint: everything except events that span the whole window.
// - eventsSpanning: rows that start before the window and end after it — the keys present in
//   BOTH "starts in the lookback before" and "ends in the lookback after" (two key-only ranges),
//   fetched by key. Key scans are slow in Chromium's IndexedDB on a large store, so this read is
//   kept out of the first paint and its result merged in when it arrives.
// - tasks by their due moment (dueMs index).
// Limits of what today's indexes allow (db.ts is not the agenda's to change): an event starting
// more than SPAN_LOOKBACK_MS before the window AND ending more than SPAN_LOOKBACK_MS after it is
// not found (a sparse index on long events' start would make it exact and cheap), and the overdue
// read walks every task due before the view, completed ones included (a sparse index of OPEN
// tasks' due would bound it).
import type { AlmanacDb } from '../../store/db';
import type { EventRecord, TaskRecord, TimeWindow } from '../../store/records';
import { DAY_MS } from './zone-days';

/** How far around the window window-spanning events are looked for. */
export const SPAN_LOOKBACK_MS = 31 * DAY_MS;

type EventKey = [string, string];
const keyText = (k: EventKey) => `${k[0]}\u0000${k[1]}`;

function byStart(a: EventRecord, b: EventRecord): number {
  return (
    a.startMs - b.startMs || a.calendarKey.localeCompare(b.calendarKey) || a.id.localeCompare(b.id)
  );
}

async function fetchMissing(
  db: AlmanacDb,
  keys: Iterable<EventKey>,
  have: Set<string>,
): Promise<EventRecord[]> {
  const missing: EventKey[] = [];
  for (const k of keys) {
    const text = keyText(k);
    if (have.has(text)) continue;
    have.add(text);
    missing.push(k);
  }
  if (missing.length === 0) return [];
  const rows = await db.events.bulkGet(missing);
  return rows.filter((e): e is EventRecord => e !== undefined);
}

/** Events that start in [start, end) or end in (start, end]: all but the window-spanning ones. */
export async function eventsNear(db: AlmanacDb, window: TimeWindow): Promise<EventRecord[]> {
  const { startMs: start, endMs: end } = window;
  const [inside, endingKeys] = await Promise.all([
    db.events.where('startMs').between(start, end, true, false).toArray(),
    db.events.where('endMs').between(start, end, false, true).primaryKeys(),
  ]);
  const have = new Set(inside.map((e) => keyText([e.calendarKey, e.id])));
  const earlier = await fetchMissing(db, endingKeys as EventKey[], have);
  return inside.concat(earlier).sort(byStart);
}

/** Events that start before `start` and end after `end` (within SPAN_LOOKBACK_MS each side). */
export async function eventsSpanning(db: AlmanacDb, window: TimeWindow): Promise<EventRecord[]> {
  const { startMs: start, endMs: end } = window;
  const [beforeKeys, afterKeys] = await Promise.all([
    db.events
      .where('startMs')
      .between(start - SPAN_LOOKBACK_MS, start, true, false)
      .primaryKeys(),
    db.events
      .where('endMs')
      .between(end, end + SPAN_LOOKBACK_MS, false, true)
      .primaryKeys(),
  ]);
  const after = new Set((afterKeys as EventKey[]).map(keyText));
  const both = (beforeKeys as EventKey[]).filter((k) => after.has(keyText(k)));
  return (await fetchMissing(db, both, new Set())).sort(byStart);
}

/** Every event touching the window: endMs > start and startMs < end (Google's timeMin/timeMax
 * rule, spec §1), plus zero-length events at its start. Sorted by start. */
export async function eventsTouching(db: AlmanacDb, window: TimeWindow): Promise<EventRecord[]> {
  const [near, spanning] = await Promise.all([eventsNear(db, window), eventsSpanning(db, window)]);
  return near.concat(spanning).sort(byStart);
}

/** Tasks due in [start, end), hidden deletes left out. */
export async function tasksDueIn(db: AlmanacDb, window: TimeWindow): Promise<TaskRecord[]> {
  const rows = await db.tasks
    .where('dueMs')
    .between(window.startMs, window.endMs, true, false)
    .toArray();
  return rows.filter((t) => !t.deleting);
}

/** Open tasks due before `beforeMs`: the overdue candidates. */
export async function openTasksDueBefore(db: AlmanacDb, beforeMs: number): Promise<TaskRecord[]> {
  const rows = await db.tasks.where('dueMs').below(beforeMs).toArray();
  return rows.filter((t) => !t.deleting && !t.checked);
}
