// The first view's store read, started while the page's script is still evaluating instead of
// after React has mounted and run its effects (~45 ms later on the bench machine): the read and
// React's first render overlap. useAgendaData takes the primed read if it is for the same days
// and zone; a write to its tables before it is taken voids it (it might have missed the write),
// and the hook then reads afresh — so a primed read is never staler than a hook's own.
import Dexie from 'dexie';
import type { AlmanacDb } from '../../store/db';
import { touchesTables } from './use-store-read';

interface Primed {
  readonly key: string;
  readonly result: Promise<unknown>;
  dirty: boolean;
  readonly stop: () => void;
}

let primed: Primed | undefined;

/** Start `read` now, to be taken by the first `takePrimed(key)`. */
export function primeRead(
  db: AlmanacDb,
  tables: readonly string[],
  key: string,
  read: () => Promise<unknown>,
): void {
  primed?.stop();
  const onMutated = (parts: Readonly<Record<string, unknown>>) => {
    if (entry && touchesTables(parts, db.name, tables)) entry.dirty = true;
  };
  const entry: Primed = {
    key,
    result: read(),
    dirty: false,
    stop: () => Dexie.on('storagemutated').unsubscribe(onMutated),
  };
  Dexie.on('storagemutated', onMutated);
  primed = entry;
}

/** The primed read for `key`, once; undefined if there is none, or a write voided it. */
export function takePrimed<T>(key: string): Promise<T> | undefined {
  const entry = primed;
  if (!entry) return undefined;
  primed = undefined;
  entry.stop();
  return entry.key === key && !entry.dirty ? (entry.result as Promise<T>) : undefined;
}
