// The new tab's boot read: AgendaRows (agenda-rows.ts) straight from IndexedDB, started by the
// page's first, tiny script while the rest of the page (React, Dexie, the Temporal polyfill: some
// 500 KB) is still loading and evaluating. Opening the database and reading a week cost ~50 ms on
// a cold start, which the page used to spend idle AFTER its scripts had run; here they overlap.
// Only plain IndexedDB and the key layout Dexie gives the tables (db.ts): a primary key
// [day+calendarKey] is the array [day, calendarKey], an index is the property's own value.
// It never creates, upgrades or blocks anything: a database that does not exist yet, or one from
// before the agenda tables or the task buckets, makes it give up
// (undefined) and the page reads through Dexie as before, which upgrades it; its connection is
// closed as soon as the read is sent, so an upgrade waits at most for that one read-only
// transaction.
import { windowBuckets } from './agenda-days';
import { LONG_EVENT_BUCKET } from './agenda-records';
import { AGENDA_REVISION_KEY, META, withRevision } from './agenda-revision';
import type { AgendaRows } from './agenda-rows';
import { taskBucketRanges, tasksInBuckets } from './agenda-task-queries';
import type { TimeWindow } from './records';

export interface RawRead {
  readonly rows: AgendaRows;
  /** performance.now() when the open was asked for, when it succeeded, when the rows were in. */
  readonly openStart: number;
  readonly readStart: number;
  readonly readEnd: number;
}

const STORES = [META, 'sources', 'calendars', 'projects', 'scopes', 'agendaDays', 'taskDays'];

/** IndexedDB itself: the page's globals, or fake-indexeddb's in tests. */
export interface IndexedDbApi {
  readonly indexedDB: IDBFactory;
  readonly IDBKeyRange: typeof IDBKeyRange;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function open(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(name);
    // No such database: do not create an empty one (Dexie will, with its schema).
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
    req.onblocked = () => reject(new Error('blocked'));
  });
}

/** The rows for `window` (with the open tasks due before it when `earlier`), or undefined when
 * they cannot be read this way (see above). Never rejects. `onRevision` hears the agenda
 * revision (agenda-revision.ts) as soon as it is read, first in the transaction and long before
 * the rows: undefined when there is none, or it could not be read. */
export async function readAgendaRowsRaw(
  api: IndexedDbApi | undefined,
  name: string,
  window: TimeWindow,
  earlier = false,
  onRevision: (revision: string | undefined) => void = () => undefined,
): Promise<RawRead | undefined> {
  let heard = false;
  const hear = (revision: unknown) => {
    if (heard) return;
    heard = true;
    onRevision(typeof revision === 'string' ? revision : undefined);
  };
  if (!api) {
    hear(undefined);
    return undefined;
  }
  const { IDBKeyRange: Range } = api;
  // Every array key starting with `first` … `last` (an array sorts after every number and string).
  const prefixRange = (first: number | string, last: number | string = first) =>
    Range.bound([first], [last, []]);
  const openStart = performance.now();
  let db: IDBDatabase | undefined;
  try {
    db = await open(api.indexedDB, name);
    const readStart = performance.now();
    if (!STORES.every((store) => db?.objectStoreNames.contains(store))) return undefined;
    const tx = db.transaction(STORES, 'readonly');
    const revision = request(tx.objectStore(META).get(AGENDA_REVISION_KEY)).then(
      (record: { value?: unknown } | undefined) => {
        hear(record?.value);
        return record?.value;
      },
    );
    const all = (store: string) => request(tx.objectStore(store).getAll());
    const { first, last } = windowBuckets(window);
    const days = tx.objectStore('agendaDays');
    const taskDays = tx.objectStore('taskDays');
    const ranges = taskBucketRanges(window, earlier);
    const bucketsIn = ([lower, upper]: readonly [unknown, unknown]) =>
      request(taskDays.getAll(Range.bound(lower, upper)));
    const reads = Promise.all([
      all('sources'),
      all('calendars'),
      all('projects'),
      all('scopes'),
      request(days.getAll(prefixRange(first, last))),
      request(days.getAll(prefixRange(LONG_EVENT_BUCKET))),
      bucketsIn(ranges.open),
      bucketsIn(ranges.done),
    ]);
    db.close(); // takes effect once the transaction is done
    db = undefined;
    const [[sources, calendars, projects, scopes, dayRows, longRows, openRows, doneRows], rev] =
      await Promise.all([reads, revision]);
    return {
      rows: withRevision(
        {
          window,
          sources,
          calendars,
          projects,
          scopes,
          buckets: { days: dayRows, long: longRows },
          ...tasksInBuckets([...openRows, ...doneRows], window, earlier),
        },
        rev,
      ),
      openStart,
      readStart,
      readEnd: performance.now(),
    };
  } catch {
    hear(undefined);
    return undefined;
  } finally {
    hear(undefined); // a database it gave up on
    db?.close();
  }
}
