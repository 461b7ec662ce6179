// The agenda revision (store/agenda-revision.ts): it changes, in the same transaction, with every
// write the new tab's first frame is drawn from, and with nothing else; both readers return it
// with the rows, and the boot read hears it before the rows are in.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type IndexedDbApi, readAgendaRowsRaw } from '../../../extension/store/agenda-raw-read';
import { AGENDA_REVISION_KEY } from '../../../extension/store/agenda-revision';
import { readAgendaRows } from '../../../extension/store/agenda-rows';
import { AlmanacDb } from '../../../extension/store/db';
import type { TimeWindow } from '../../../extension/store/records';
import { at, calendar, task, timedEvent } from './fixtures';

const LA = 'America/Los_Angeles';
const week: TimeWindow = {
  startMs: Date.parse('2026-11-23T08:00:00Z'),
  endMs: Date.parse('2026-11-30T08:00:00Z'),
};

let api: IndexedDbApi;
let name: string;
let db: AlmanacDb;
beforeEach(async () => {
  api = { indexedDB: new IDBFactory(), IDBKeyRange };
  name = `revision-${Math.random()}`;
  db = new AlmanacDb(name, api);
  await db.open();
});
afterEach(() => db.close());

const revision = async () => (await db.meta.get(AGENDA_REVISION_KEY))?.value;

describe('the agenda revision', () => {
  it('changes with each write the view is drawn from, and with nothing else', async () => {
    expect(await revision()).toBeUndefined();
    const seen = new Set<unknown>();
    const changes = async (write: () => Promise<unknown>) => {
      const before = await revision();
      await write();
      const after = await revision();
      seen.add(after);
      return after !== before;
    };
    const standup = timedEvent('Standup', at('2026-11-24T09:00', LA), at('2026-11-24T09:15', LA));
    expect(await changes(() => db.events.put(standup))).toBe(true);
    expect(await changes(() => db.events.delete([standup.calendarKey, standup.id]))).toBe(true);
    expect(await changes(() => db.tasks.put(task('Water plants', '2026-11-24')))).toBe(true);
    expect(await changes(() => db.calendars.put(calendar({ backgroundColor: '#123456' })))).toBe(
      true,
    );
    expect(await changes(() => db.sources.put({ id: 'g1', provider: 'google' }))).toBe(true);
    expect(await changes(() => db.events.clear())).toBe(true);
    // Sync state and audit rows are not drawn into the first frame.
    expect(await changes(() => db.scopes.put({ scope: 'g1', status: 'idle' } as never))).toBe(
      false,
    );
    expect(await changes(() => db.runs.add({ scope: 'g1', startedAt: 1 } as never))).toBe(false);
    // A read-write transaction that writes nothing leaves it (a quiet sync cycle).
    expect(
      await changes(() => db.transaction('rw', db.tasks, db.events, () => db.tasks.count())),
    ).toBe(false);
    expect(seen.size).toBe(6);
  });

  it('is written in the change’s own transaction: an aborted change leaves it as it was', async () => {
    await db.tasks.put(task('First', '2026-11-24'));
    const before = await revision();
    await expect(
      db.transaction('rw', db.tasks, async () => {
        await db.tasks.put(task('Never stored', '2026-11-25'));
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await revision()).toBe(before);
    expect((await db.tasks.toArray()).map((t) => t.content)).toEqual(['First']);
  });

  it('comes with the rows from both readers; the boot read tells it before the rows', async () => {
    await db.tasks.put(task('Water plants', '2026-11-24'));
    const current = await revision();
    expect(typeof current).toBe('string');
    expect((await readAgendaRows(db, week)).revision).toBe(current);
    const heard: unknown[] = [];
    let rowsIn = false;
    const read = readAgendaRowsRaw(api, name, week, false, (r) => heard.push([r, rowsIn]));
    void read.then(() => {
      rowsIn = true;
    });
    const raw = await read;
    expect(heard).toEqual([[current, false]]);
    expect(raw?.rows.revision).toBe(current);
    // Told once, undefined, when there is no database to read.
    const none: unknown[] = [];
    await readAgendaRowsRaw(api, `missing-${Math.random()}`, week, false, (r) => none.push(r));
    expect(none).toEqual([undefined]);
  });
});
