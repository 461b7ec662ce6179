// The new tab's change tracking (use-store-read.ts) and its primed first read
// (agenda-prefetch.ts), over a real Dexie on fake-indexeddb.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AlmanacDb } from '../../../extension/store/db';
import { peekPrimed, primeRead, takePrimed } from '../../../extension/ui/agenda/agenda-prefetch';
import { touchesTables } from '../../../extension/ui/agenda/use-store-read';
import { timedEvent } from './fixtures';

describe('touchesTables', () => {
  const parts = (...names: string[]) => Object.fromEntries(names.map((n) => [n, {}]));

  it('matches a write to one of the tables of that database, on any index', () => {
    expect(touchesTables(parts('idb://almanac/events/startMs'), 'almanac', ['events'])).toBe(true);
    expect(touchesTables(parts('idb://almanac/tasks/'), 'almanac', ['events', 'tasks'])).toBe(true);
  });

  it('ignores other tables, tables sharing a prefix, and other databases', () => {
    expect(touchesTables(parts('idb://almanac/meta/'), 'almanac', ['events'])).toBe(false);
    expect(touchesTables(parts('idb://almanac/eventsX/'), 'almanac', ['events'])).toBe(false);
    expect(touchesTables(parts('idb://other/events/'), 'almanac', ['events'])).toBe(false);
  });
});

describe('a primed first read', () => {
  let db: AlmanacDb;
  beforeEach(async () => {
    db = new AlmanacDb(`prefetch-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
    await db.open();
  });
  afterEach(() => db.close());

  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

  it('is taken once, and only for its own key', async () => {
    primeRead(db, ['events'], 'week-a', async () => 'A');
    expect(takePrimed('week-b')).toBeUndefined();
    // A take for another key drops it: the hook's own read takes over.
    expect(takePrimed('week-a')).toBeUndefined();
    primeRead(db, ['events'], 'week-a', async () => 'A');
    await expect(takePrimed<string>('week-a')).resolves.toBe('A');
    expect(takePrimed('week-a')).toBeUndefined();
  });

  it('is void after a write to a table it reads, kept after writes elsewhere', async () => {
    primeRead(db, ['events'], 'week', async () => 'before');
    await db.meta.put({ key: 'unrelated', value: 1 });
    await settle();
    await expect(takePrimed<string>('week')).resolves.toBe('before');

    primeRead(db, ['events'], 'week', async () => 'before');
    await db.events.put(timedEvent('Standup', '2026-11-23T09:00:00Z', '2026-11-23T09:15:00Z'));
    await settle();
    expect(takePrimed('week')).toBeUndefined();
  });

  it('can be peeked at for the first render once it is in, without being taken', async () => {
    const read = primeRead(db, ['agendaDays'], 'week', async () => 'rows');
    expect(peekPrimed('week')).toBeUndefined(); // not in yet
    await read;
    expect(peekPrimed<string>('week')).toBe('rows');
    expect(peekPrimed('other week')).toBeUndefined();
    await expect(takePrimed<string>('week')).resolves.toBe('rows');
    expect(peekPrimed('week')).toBeUndefined();
  });

  it('is not peeked at after an event write changed what the agenda shows', async () => {
    const read = primeRead(db, ['agendaDays'], 'week', async () => 'rows');
    await read;
    // The projection's bucket table is written with the event, so a read of it is voided.
    await db.events.put(timedEvent('Standup', '2026-11-23T09:00:00Z', '2026-11-23T09:15:00Z'));
    await settle();
    expect(peekPrimed('week')).toBeUndefined();
    expect(takePrimed('week')).toBeUndefined();
  });
});
