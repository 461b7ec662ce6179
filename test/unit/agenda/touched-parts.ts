// What a write reported as changed: the parts of Dexie's cross-context `storagemutated` event
// (the one the new tab and liveQuery re-read on) while `write` runs and settles. Each part names
// a database and table (".../idb://db/table/..."), so a test can assert which tables a write
// touched and which it left alone.
import Dexie from 'dexie';

export async function touchedParts(write: () => Promise<unknown>): Promise<string[]> {
  const touched: string[] = [];
  const listen = (parts: Record<string, unknown>) => touched.push(...Object.keys(parts));
  Dexie.on('storagemutated', listen);
  try {
    await write();
    await new Promise((resolve) => setTimeout(resolve, 0));
  } finally {
    Dexie.on('storagemutated').unsubscribe(listen);
  }
  return touched;
}
