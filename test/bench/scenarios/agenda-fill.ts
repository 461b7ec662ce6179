// The page-side half of the agenda bench: builds 50,000 events over 10 calendars and 2,000
// tasks and bulk-puts them through the new tab's own Dexie (window.__almanacNewtab.db) into real
// Chromium IndexedDB, timing the event writes. Plain JavaScript in a string, so no bundler helper
// can leak into the page. Deterministic: a seeded PRNG; dates relative to the `now` passed in.

export interface FillOptions {
  readonly now: number;
  readonly events: number;
  readonly tasks: number;
  readonly calendars: number;
  /** Rows per transaction: what one page of a sync writes (Google pages hold up to 250-2500). */
  readonly batch: number;
}

export interface FillResult {
  readonly eventsStored: number;
  readonly tasksStored: number;
  readonly ingestMs: number;
}

export function fillScript(o: FillOptions): string {
  return `(async () => {
  const o = ${JSON.stringify(o)};
  const db = globalThis.__almanacNewtab.db;
  let a = 20261121 >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const DAY = 86400000;
  const pad = (n) => String(n).padStart(2, '0');
  const isoDate = (ms) => new Date(ms).toISOString().slice(0, 10);
  const colors = ['#4986e7', '#16a765', '#f691b2', '#ffad46', '#9a9cff', '#42d692', '#fa573c', '#b3dc6c', '#cd74e6', '#92e1c0'];
  await db.sources.bulkPut([
    { id: 'bench-google', provider: 'google', label: 'bench@example.com' },
    { id: 'bench-todoist', provider: 'todoist', label: 'bench@example.com', timeZone: 'UTC' },
  ]);
  const calendars = [];
  for (let i = 0; i < o.calendars; i++) {
    const id = i === 0 ? 'bench@example.com' : 'cal' + i + '@group.calendar.google.com';
    calendars.push({
      key: 'bench-google:' + id, sourceId: 'bench-google', id, etag: '"1"',
      summary: 'Calendar ' + i, timeZone: 'UTC', accessRole: 'owner',
      backgroundColor: colors[i % colors.length], hidden: false, googleSelected: true,
      primary: i === 0, userSelected: true, raw: {},
    });
  }
  await db.calendars.bulkPut(calendars);
  await db.projects.bulkPut([
    { sourceId: 'bench-todoist', id: 'inbox', name: 'Inbox', childOrder: 0, inbox: true, archived: false, raw: {} },
    { sourceId: 'bench-todoist', id: 'work', name: 'Work', childOrder: 1, inbox: false, archived: false, raw: {} },
  ]);
  // Spread over the default sync window: 30 days back, 365 ahead.
  const from = Math.floor((o.now - 30 * DAY) / DAY) * DAY;
  const span = 395;
  const makeEvent = (i) => {
    const cal = calendars[i % calendars.length];
    const day = from + Math.floor(rand() * span) * DAY;
    const r = rand();
    const id = 'ev' + i.toString(36).padStart(6, '0');
    const base = {
      kind: 'calendar#event', id, etag: '"' + (3000000000000 + i) + '"', status: 'confirmed',
      htmlLink: 'https://www.google.com/calendar/event?eid=' + id,
      created: '2026-01-01T00:00:00.000Z', updated: '2026-01-02T00:00:00.000Z',
      summary: 'Event ' + i, description: i % 7 === 0 ? 'Agenda: review the numbers and decide next steps.' : undefined,
      location: i % 5 === 0 ? 'Room ' + (i % 40) : undefined,
      creator: { email: cal.id }, organizer: { email: cal.id, self: true },
      iCalUID: id + '@google.com', sequence: 0, eventType: 'default',
      reminders: { useDefault: true },
    };
    if (r < 0.9) {
      const start = day + (6 + Math.floor(rand() * 28) / 2) * 3600000;
      const end = start + (1 + Math.floor(rand() * 4)) * 1800000;
      return {
        calendarKey: cal.key, id, etag: base.etag, status: 'confirmed', startMs: start, endMs: end,
        allDay: false, summary: base.summary, updated: base.updated,
        raw: { ...base, start: { dateTime: new Date(start).toISOString(), timeZone: 'UTC' }, end: { dateTime: new Date(end).toISOString(), timeZone: 'UTC' } },
      };
    }
    // All day: mostly one to three days, a few one to five weeks.
    const days = r < 0.995 ? 1 + Math.floor(rand() * 3) : 7 + Math.floor(rand() * 28);
    return {
      calendarKey: cal.key, id, etag: base.etag, status: 'confirmed', startMs: day, endMs: day + days * DAY,
      allDay: true, summary: base.summary, updated: base.updated,
      raw: { ...base, start: { date: isoDate(day) }, end: { date: isoDate(day + days * DAY) } },
    };
  };
  const t0 = performance.now();
  for (let i = 0; i < o.events; i += o.batch) {
    const rows = [];
    for (let j = i; j < Math.min(o.events, i + o.batch); j++) rows.push(makeEvent(j));
    await db.events.bulkPut(rows);
  }
  const ingestMs = performance.now() - t0;
  const tasks = [];
  for (let i = 0; i < o.tasks; i++) {
    const day = from + Math.floor(rand() * 90) * DAY;
    const timed = rand() < 0.3;
    const date = timed ? isoDate(day) + 'T' + pad(8 + Math.floor(rand() * 10)) + ':00:00' : isoDate(day);
    const id = 't' + i;
    const checked = day < o.now - DAY && rand() < 0.6;
    tasks.push({
      sourceId: 'bench-todoist', id, localId: id, projectId: i % 3 === 0 ? 'work' : 'inbox',
      content: 'Task ' + i, description: '', priority: 1 + (i % 4), labels: i % 4 === 0 ? ['errand'] : [],
      due: { date, isRecurring: false }, dueMs: timed ? day + 9 * 3600000 : day, allDay: !timed,
      childOrder: i, checked, pending: [], raw: { id, content: 'Task ' + i },
    });
  }
  await db.tasks.bulkPut(tasks);
  return { eventsStored: await db.events.count(), tasksStored: await db.tasks.count(), ingestMs };
})()`;
}
