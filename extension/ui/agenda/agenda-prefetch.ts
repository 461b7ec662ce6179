// The first view's store read, started while the page's script is still evaluating instead of
// after React has mounted and run its effects: the page mounts React once that read is in
// (main.tsx), so the first render already has the week (peekPrimed) — no skeleton render and
// effects competing with the read for the main thread, no second render. useAgendaData then takes
// the primed read if it is for the same days and zone; a write to its tables before it is taken
// voids it (it might have missed the write), and the hook then reads afresh — so a primed read is
// never staler than a hook's own.
import Dexie from 'dexie';
import type { AlmanacDb } from '../../store/db';
import { touchesTables } from './use-store-read';

interface Primed {
  readonly key: string;
  readonly result: Promise<unknown>;
  settled?: { readonly value: unknown };
  dirty: boolean;
  readonly stop: () => void;
}

let primed: Primed | undefined;

/** Start `read` now, to be taken by the first `takePrimed(key)`. Returns the read, for the page
 * to wait on (it never rejects: `read` must not). */
export function primeRead(
  db: AlmanacDb,
  tables: readonly string[],
  key: string,
  read: () => Promise<unknown>,
): Promise<unknown> {
  primed?.stop();
  const onMutated = (parts: Readonly<Record<string, unknown>>) => {
    if (entry && touchesTables(parts, db.name, tables)) entry.dirty = true;
  };
  const result = read();
  const entry: Primed = {
    key,
    result,
    dirty: false,
    stop: () => Dexie.on('storagemutated').unsubscribe(onMutated),
  };
  void result.then((value) => {
    entry.settled = { value };
  });
  Dexie.on('storagemutated', onMutated);
  primed = entry;
  return result;
}

/** The primed read's result for `key` if it has arrived and no write voided it; it stays primed
 * (a render may be discarded; the hook's effect takes it). */
export function peekPrimed<T>(key: string): T | undefined {
  const entry = primed;
  if (!entry || entry.key !== key || entry.dirty) return undefined;
  return entry.settled?.value as T | undefined;
}

/** The primed read for `key`, once; undefined if there is none, or a write voided it. */
export function takePrimed<T>(key: string): Promise<T> | undefined {
  const entry = primed;
  if (!entry) return undefined;
  primed = undefined;
  entry.stop();
  return entry.key === key && !entry.dirty ? (entry.result as Promise<T>) : undefined;
}
