// Opens the database the same way in the extension and in Node (fake-indexeddb passes its
// IDBFactory/IDBKeyRange explicitly, or installs them globally with fake-indexeddb/auto).
import type { SyncStore } from '../sync/store-port';
import type { TodoistStorePort } from '../sync/todoist/store-port';
import { AlmanacDb, DB_NAME } from './db';
import { createDexieSyncStore } from './dexie-sync-store';
import { ensureStoreVersion, STORE_VERSION, type VersionCheck } from './store-version';
import { createTodoistStore } from './todoist/todoist-store';
import { installWriteCounter, type WriteCounter } from './write-counter';

export interface OpenStoreOptions {
  readonly name?: string;
  readonly indexedDB?: IDBFactory;
  readonly IDBKeyRange?: typeof IDBKeyRange;
  /** Tests override it to simulate a release that bumps STORE_VERSION. */
  readonly storeVersion?: number;
}

export interface AlmanacStore {
  readonly db: AlmanacDb;
  readonly sync: SyncStore;
  /** The Todoist provider's and actions' storage (sync/todoist/store-port.ts). */
  readonly todoist: TodoistStorePort;
  readonly writes: WriteCounter;
  readonly versionCheck: VersionCheck;
  close(): void;
}

export async function openAlmanacStore(options: OpenStoreOptions = {}): Promise<AlmanacStore> {
  const db = new AlmanacDb(options.name ?? DB_NAME, {
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
  });
  const writes = installWriteCounter(db);
  await db.open();
  const versionCheck = await ensureStoreVersion(db, options.storeVersion ?? STORE_VERSION);
  return {
    db,
    sync: createDexieSyncStore(db),
    todoist: createTodoistStore(db),
    writes,
    versionCheck,
    close: () => db.close(),
  };
}
