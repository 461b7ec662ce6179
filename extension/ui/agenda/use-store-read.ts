// A live store read with table-grained change tracking. Dexie's useLiveQuery records every
// primary key a read returns (a range set of compound keys, to re-run only on writes that touch
// them): for a week of 1,000+ events (and the overdue key scan) that bookkeeping took ~90 ms of
// main-thread time per page load in the agenda bench's CPU profile, more than the IndexedDB reads
// themselves. Here the read runs outside any live-query context and is re-run on ANY committed
// write to the tables it reads — coarser, never staler: Dexie already reports every bulk write
// of 50+ rows (a sync page) as touching the whole table, so a syncing store re-ran the view's
// read on each page before too.
// Writes from the background arrive through the same `storagemutated` event liveQuery listens to
// (Dexie propagates them between an extension's pages and its service worker).
import Dexie from 'dexie';
import { useEffect, useRef, useState } from 'react';

type Parts = Readonly<Record<string, unknown>>;

/** Whether a `storagemutated` report touches one of `tables` of the database `dbName`. */
export function touchesTables(parts: Parts, dbName: string, tables: readonly string[]): boolean {
  const prefixes = tables.map((t) => `idb://${dbName}/${t}/`);
  return Object.keys(parts).some((part) => prefixes.some((p) => part.startsWith(p)));
}

/**
 * The latest result of `read`, re-read whenever a write to `tables` commits. `key` stands for
 * the read (a new key starts a new read; the previous result is returned until it arrives);
 * `read` undefined means "nothing to read yet". `read` must not reject (wrap its errors).
 * `initial`: a result already in hand for the first render (the effect still runs `read`, and a
 * result identical to the one shown is not set again, so it costs no second render).
 * `same`: when a new result counts as the one shown (default: the same object) — a re-read that
 * found nothing new then costs no render either.
 */
export function useStoreRead<T>(
  db: Dexie,
  tables: readonly string[],
  key: string,
  read: (() => Promise<T>) | undefined,
  initial?: T,
  same: (a: T, b: T) => boolean = Object.is,
): T | undefined {
  const [value, setValue] = useState<{ readonly v: T } | undefined>(() =>
    initial === undefined ? undefined : { v: initial },
  );
  const shown = useRef(value);
  shown.current = value;
  const latest = useRef(read);
  latest.current = read;
  const sameRef = useRef(same);
  sameRef.current = same;
  const tableList = tables.join(',');
  const active = read !== undefined;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `read`.
  useEffect(() => {
    const run = latest.current;
    if (!active || !run) return;
    let closed = false;
    let running = false;
    let dirty = false;
    const go = async () => {
      running = true;
      dirty = false;
      try {
        const v = await run();
        const current = shown.current;
        if (!closed && !(current && sameRef.current(v, current.v))) setValue({ v });
      } finally {
        running = false;
        // A write committed while reading may not be in the result: read again.
        if (dirty && !closed) void go();
      }
    };
    const names = tableList.split(',');
    const onMutated = (parts: Parts) => {
      if (closed || !touchesTables(parts, db.name, names)) return;
      if (running) dirty = true;
      else void go();
    };
    Dexie.on('storagemutated', onMutated);
    void go();
    return () => {
      closed = true;
      Dexie.on('storagemutated').unsubscribe(onMutated);
    };
  }, [db, key, tableList, active]);
  return value?.v;
}
