// The agenda's store reads on a real Dexie over fake-indexeddb: exact results, and only indexed,
// bounded ranges of the slim projections' buckets (`agendaDays`, never `events`; `taskDays`,
// never `tasks`), asserted through a recording DBCore layer.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventsInBuckets, readDayBuckets } from '../../../extension/store/agenda-queries';
import { readAgendaRows } from '../../../extension/store/agenda-rows';
import { AlmanacDb } from '../../../extension/store/db';
import type { TimeWindow } from '../../../extension/store/records';
import { loadAgendaData } from '../../../extension/ui/agenda/agenda-data';
import { DAY_MS, dayBounds, daysFrom } from '../../../extension/ui/agenda/zone-days';
import { allDayEvent, at, CAL_KEY, calendar, task, timedEvent } from './fixtures';
import { isBounded, type RecordedRead, recordReads } from './read-recorder';

const LA = 'America/Los_Angeles';
let db: AlmanacDb;
let reads: RecordedRead[];

beforeEach(async () => {
  db = new AlmanacDb(`agenda-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  reads = recordReads(db);
  await db.open();
});
afterEach(() => db.close());

const week = {
  startMs: Date.parse('2026-11-23T08:00:00Z'),
  endMs: Date.parse('2026-11-30T08:00:00Z'),
};
const iso = (ms: number) => new Date(ms).toISOString();
/** The view's events as the page finds them: its day buckets read, then cut to the window. */
const eventsTouching = async (db: AlmanacDb, window: TimeWindow) =>
  eventsInBuckets(await readDayBuckets(db, window), window);
const event = (title: string, startMs: number, endMs: number) =>
  timedEvent(title, iso(startMs), iso(endMs));

describe('events touching a window', () => {
  it('finds events inside, ending inside, spanning it, and nothing else, in start order', async () => {
    const h = 3_600_000;
    await db.events.bulkPut([
      event('before', week.startMs - 5 * h, week.startMs - h),
      event('ends at the start', week.startMs - h, week.startMs),
      event('overnight into it', week.startMs - 2 * h, week.startMs + 2 * h),
      event('inside', week.startMs + 30 * h, week.startMs + 31 * h),
      event('zero length at the start', week.startMs, week.startMs),
      event('two-week vacation', week.startMs - 5 * DAY_MS, week.endMs + 4 * DAY_MS),
      event('into next week', week.endMs - h, week.endMs + h),
      event('starts at the end', week.endMs, week.endMs + h),
      event('after', week.endMs + 2 * h, week.endMs + 3 * h),
    ]);
    const found = await eventsTouching(db, week);
    expect(found.map((e) => e.summary)).toEqual([
      'two-week vacation',
      'overnight into it',
      'zero length at the start',
      'inside',
      'into next week',
    ]);
  });

  it('reads only the day buckets: one bounded primary-key range, and the long buckets', async () => {
    await db.events.bulkPut([
      event('inside', week.startMs + DAY_MS, week.startMs + DAY_MS + 3_600_000),
      event('long', week.startMs - 3 * DAY_MS, week.endMs + 3 * DAY_MS),
      event('overnight', week.startMs - 3_600_000, week.startMs + 3_600_000),
    ]);
    reads.length = 0;
    const found = await eventsTouching(db, week);
    expect(found.map((e) => e.summary)).toEqual(['long', 'overnight', 'inside']);
    expect(reads.filter((r) => r.table === 'events')).toEqual([]);
    expect(reads.map((r) => [r.table, r.op, r.index])).toEqual([
      ['agendaDays', 'query', null],
      ['agendaDays', 'query', null],
    ]);
    expect(reads.every((r) => isBounded(r.range))).toBe(true);
  });

  it('finds events of any length, however far they reach past the window', async () => {
    const year = 365 * DAY_MS;
    await db.events.bulkPut([
      event('sabbatical', week.startMs - year, week.endMs + year),
      event('two months, ends inside', week.startMs - 60 * DAY_MS, week.endMs - DAY_MS),
      event('long, ended before', week.startMs - year, week.startMs),
      event('long, starts at the end', week.endMs, week.endMs + year),
    ]);
    expect((await eventsTouching(db, week)).map((e) => e.summary)).toEqual([
      'sabbatical',
      'two months, ends inside',
    ]);
  });

  it('returns an event covering several of the window’s days once', async () => {
    await db.events.put(event('conference', week.startMs + DAY_MS, week.startMs + 4 * DAY_MS));
    expect((await eventsTouching(db, week)).map((e) => e.summary)).toEqual(['conference']);
  });
});

describe('tasks by due moment', () => {
  it('reads tasks due in a window, and when asked the open ones due before it, from their buckets', async () => {
    await db.tasks.bulkPut([
      task('in the week', '2026-11-24T10:00:00'),
      task('done in the week', '2026-11-25', { checked: true }),
      task('deleted', '2026-11-24', { deleting: true }),
      task('last week', '2026-11-17'),
      task('done last week', '2026-11-18', { checked: true }),
      task('next week', '2026-12-01'),
      task('no date', undefined),
    ]);
    reads.length = 0;
    // The view's read, in due order; a task whose delete is queued is in no bucket.
    const plain = await readAgendaRows(db, week);
    expect(plain.tasks.map((t) => t.content)).toEqual(['in the week', 'done in the week']);
    expect(plain.earlier).toBeUndefined();
    expect(reads.filter((r) => r.table === 'tasks')).toEqual([]);
    // One primary-key range of each half (open, done), inside one state each.
    const buckets = reads.filter((r) => r.table === 'taskDays');
    expect(buckets.map((r) => [r.op, r.index])).toEqual([
      ['query', null],
      ['query', null],
    ]);
    expect(buckets.every((r) => isBounded(r.range))).toBe(true);
    reads.length = 0;
    const withEarlier = await readAgendaRows(db, week, true);
    expect(withEarlier.tasks).toEqual(plain.tasks);
    // Open ones only: the done half is never read before the window.
    expect(withEarlier.earlier?.map((t) => t.content)).toEqual(['last week']);
    const bounds = reads
      .filter((r) => r.table === 'taskDays')
      .map((r) => [r.range?.lower, r.range?.upper] as [unknown[], unknown[]]);
    expect(bounds.map(([lower, upper]) => [lower[0], upper[0]])).toEqual([
      ['open', 'open'],
      ['done', 'done'],
    ]);
    // The overdue read is open below (every earlier day of the open half), bounded above by the
    // window's last day, like the done half's.
    const [open, done] = bounds;
    expect(open?.[0]).toEqual(['open']);
    expect(open?.[1][1]).toBe(done?.[1][1]);
  });
});

describe('a view’s data', () => {
  it('keeps selected calendars only, places items in the viewer’s zone', async () => {
    const work = calendar();
    const other = calendar({
      key: 'g1:other',
      id: 'other',
      summary: 'Other',
      primary: false,
      googleSelected: false,
    });
    await db.calendars.bulkPut([work, other]);
    await db.sources.bulkPut([
      { id: 'g1', provider: 'google' },
      { id: 't1', provider: 'todoist' },
    ]);
    await db.projects.put({
      sourceId: 't1',
      id: 'p1',
      name: 'Home',
      childOrder: 1,
      inbox: false,
      archived: false,
      raw: {},
    });
    await db.events.bulkPut([
      timedEvent(
        'Standup',
        at('2026-11-23T09:30', 'Europe/Berlin'),
        at('2026-11-23T09:45', 'Europe/Berlin'),
      ),
      allDayEvent(
        'Holiday',
        '2026-11-26',
        '2026-11-27',
        calendar({ timeZone: 'Pacific/Kiritimati' }),
      ),
      timedEvent(
        'Hidden calendar',
        at('2026-11-24T09:00', LA),
        at('2026-11-24T10:00', LA),
        {},
        other,
      ),
    ]);
    await db.tasks.bulkPut([
      task('Water plants', '2026-11-25', { projectId: 'p1' }),
      task('Being deleted', '2026-11-25', { deleting: true }),
      task('Overdue', '2026-11-20'),
      task('Done before', '2026-11-19', { checked: true }),
      task('Deleted before', '2026-11-19', { deleting: true }),
    ]);
    const days = daysFrom('2026-11-23', 7);
    const data = await loadAgendaData(db, { days, zone: LA, withOverdue: true });
    // A view without today reads no overdue candidates.
    expect((await loadAgendaData(db, { days, zone: LA })).earlierTasks).toEqual([]);
    expect(data.calendars.map((c) => c.key)).toEqual([CAL_KEY]);
    expect(data.events.map((e) => e.title)).toEqual(['Standup', 'Holiday']);
    expect(data.events[1]).toMatchObject({ startDate: '2026-11-26', endDate: '2026-11-27' });
    // A task whose delete is on its way is hidden at once.
    expect(data.tasks.map((t) => [t.title, t.projectName])).toEqual([['Water plants', 'Home']]);
    // Open ones only (the plan keeps those dated before the view).
    expect(data.earlierTasks.map((t) => t.title)).toEqual(['Overdue']);
    expect(dayBounds(days[0]!, LA).startMs).toBe(week.startMs);
    // Whole reads only of the small tables; never a read of the full event rows.
    expect(reads.filter((r) => r.table === 'events')).toEqual([]);
    // Key lookups are no scans: the agenda revision is one (agenda-revision.ts).
    expect(new Set(reads.filter((r) => r.op === 'get').map((r) => r.table))).toEqual(
      new Set(['meta']),
    );
    const whole = reads.filter((r) => !isBounded(r.range) && r.op !== 'getMany' && r.op !== 'get');
    expect(new Set(whole.map((r) => r.table))).toEqual(
      new Set(['sources', 'calendars', 'projects', 'scopes']),
    );
    // Tasks only through their buckets (two reads for each of the two views): the view's days,
    // and the open half before them.
    expect(reads.filter((r) => r.table === 'tasks')).toEqual([]);
    const taskReads = reads.filter((r) => r.table === 'taskDays');
    expect(taskReads.map((r) => [r.op, r.index])).toEqual(Array(4).fill(['query', null]));
  });
});

describe('other zones’ midnights', () => {
  it('finds an all-day event whose calendar’s day ends before the viewer’s begins', async () => {
    // Kiritimati (UTC+14) and a viewer at UTC−12: Nov 23 there ends at 10:00 UTC, two hours
    // before Nov 23 begins here. Only the zone pad reaches it; its date puts it on Nov 23.
    const kiri = calendar({ key: 'g1:kiri', id: 'kiri', timeZone: 'Pacific/Kiritimati' });
    await db.calendars.put(kiri);
    await db.sources.put({ id: 'g1', provider: 'google' });
    await db.events.put(allDayEvent('Early bird', '2026-11-23', '2026-11-24', kiri));
    const days = daysFrom('2026-11-23', 7);
    const data = await loadAgendaData(db, { days, zone: 'Etc/GMT+12' });
    expect(data.events.map((e) => [e.title, e.startDate])).toEqual([['Early bird', '2026-11-23']]);
  });
});
