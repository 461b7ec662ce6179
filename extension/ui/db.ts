// The pages' handle on the store. Reads only (useLiveQuery); every write goes through the
// background, which owns the engine and the schedule.
import { AlmanacDb } from '../store/db';

let db: AlmanacDb | undefined;

export function uiDb(): AlmanacDb {
  db ??= new AlmanacDb();
  return db;
}
