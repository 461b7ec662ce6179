// Secrets at rest (OAuth access/refresh tokens, Todoist API tokens), encrypted with AES-GCM under a
// NON-extractable WebCrypto key. The key lives in IndexedDB as a CryptoKey object: scripts of the
// extension can use it but never read its bytes, so a copy of the profile's storage (or a dump of
// the database) yields only ciphertext. The source id is the GCM additional data, so a ciphertext
// cannot be moved to another account's row. Kept apart from the synced data (own database): wiping
// synced data never loses sign-ins, and signing out wipes exactly one row here.
import Dexie, { type Table } from 'dexie';
import { z } from 'zod';

export const secretSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('google-oauth'),
    accessToken: z.string().optional(),
    /** Epoch ms; the token is renewed a minute before. */
    expiresAt: z.number().optional(),
    refreshToken: z.string().optional(),
    scope: z.string().optional(),
  }),
  /** Chrome's own account sign-in: Chrome keeps the tokens; nothing secret is stored. */
  z.strictObject({ kind: z.literal('google-chrome') }),
  z.strictObject({
    kind: z.literal('todoist'),
    accessToken: z.string().min(1),
    method: z.enum(['oauth', 'token']),
  }),
]);
export type Secret = z.infer<typeof secretSchema>;

/** The push relay's subscriber (platform/relay-registration.ts): its secret is the bearer for the
 * subscriber's stream and links. One per profile, kept apart from the accounts' secrets. */
export const relaySecretSchema = z.strictObject({
  relayUrl: z.string().min(1),
  subscriberId: z.string().min(1),
  secret: z.string().min(1),
});
export type RelaySecret = z.infer<typeof relaySecretSchema>;
/** Its row id; source ids never contain ':' (platform/accounts.ts sourceIdFor). */
const RELAY_ROW = 'relay:subscriber';

export interface SecretVault {
  get(sourceId: string): Promise<Secret | undefined>;
  put(sourceId: string, secret: Secret): Promise<void>;
  delete(sourceId: string): Promise<void>;
  /** The source ids holding a secret. */
  list(): Promise<string[]>;
  getRelay(): Promise<RelaySecret | undefined>;
  putRelay(secret: RelaySecret): Promise<void>;
  deleteRelay(): Promise<void>;
}

interface KeyRow {
  readonly id: string;
  readonly key: CryptoKey;
}
interface SecretRow {
  readonly sourceId: string;
  readonly iv: Uint8Array;
  readonly data: ArrayBuffer;
}

class VaultDb extends Dexie {
  declare keys: Table<KeyRow, string>;
  declare secrets: Table<SecretRow, string>;
  constructor(name: string, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({ keys: 'id', secrets: 'sourceId' });
  }
}

export interface VaultOptions {
  readonly name?: string;
  readonly subtle?: SubtleCrypto;
  readonly getRandomValues?: <T extends Uint8Array>(array: T) => T;
  readonly indexedDB?: IDBFactory;
  readonly IDBKeyRange?: typeof IDBKeyRange;
}

const KEY_ID = 'vault';
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function createSecretVault(options: VaultOptions = {}): SecretVault {
  const subtle = options.subtle ?? crypto.subtle;
  const getRandomValues =
    options.getRandomValues ?? (<T extends Uint8Array>(a: T) => crypto.getRandomValues(a));
  const db = new VaultDb(options.name ?? 'almanac-secrets', {
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
  });
  let keyPromise: Promise<CryptoKey> | undefined;

  function key(): Promise<CryptoKey> {
    keyPromise ??= (async () => {
      const existing = await db.keys.get(KEY_ID);
      if (existing) return existing.key;
      const created = await subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
        'encrypt',
        'decrypt',
      ]);
      // Two contexts racing to create it: the first write wins and both use the stored one.
      await db.transaction('rw', db.keys, async () => {
        if (!(await db.keys.get(KEY_ID))) await db.keys.add({ id: KEY_ID, key: created });
      });
      return (await db.keys.get(KEY_ID))?.key ?? created;
    })();
    keyPromise.catch(() => {
      keyPromise = undefined;
    });
    return keyPromise;
  }

  async function read<T>(id: string, schema: z.ZodType<T>): Promise<T | undefined> {
    const row = await db.secrets.get(id);
    if (!row) return undefined;
    const plain = await subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: row.iv as Uint8Array<ArrayBuffer>,
        additionalData: encoder.encode(id),
      },
      await key(),
      row.data,
    );
    return schema.parse(JSON.parse(decoder.decode(plain)));
  }

  async function write(id: string, value: unknown): Promise<void> {
    const iv = getRandomValues(new Uint8Array(12));
    const data = await subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: encoder.encode(id) },
      await key(),
      encoder.encode(JSON.stringify(value)),
    );
    await db.secrets.put({ sourceId: id, iv, data });
  }

  return {
    get: (sourceId) => read(sourceId, secretSchema),
    put: (sourceId, secret) => write(sourceId, secretSchema.parse(secret)),
    async delete(sourceId) {
      await db.secrets.delete(sourceId);
    },
    async list() {
      const ids = (await db.secrets.toCollection().primaryKeys()) as string[];
      return ids.filter((id) => id !== RELAY_ROW);
    },
    getRelay: () => read(RELAY_ROW, relaySecretSchema),
    putRelay: (secret) => write(RELAY_ROW, relaySecretSchema.parse(secret)),
    async deleteRelay() {
      await db.secrets.delete(RELAY_ROW);
    },
  };
}
