// The few Workers-runtime types the relay's Worker-only files (index.ts, durable-ports.ts, the
// Durable Object classes) use. Declared here rather than pulling in @cloudflare/workers-types,
// whose globals clash with the DOM lib the rest of the project compiles against.
// Shapes follow https://developers.cloudflare.com/durable-objects/api/ (read, restated).

declare namespace Cloudflare {
  // Augmented with the relay's bindings where a test needs them (test/relay/env.d.ts).
  // biome-ignore lint/suspicious/noEmptyInterface: an augmentation point, like workers-types'.
  interface Env {}
}

declare module 'cloudflare:workers' {
  export interface SqlStorageCursor<T> {
    toArray(): T[];
    one(): T;
    readonly rowsRead: number;
    readonly rowsWritten: number;
  }

  export interface SqlStorage {
    exec<T extends Record<string, unknown> = Record<string, unknown>>(
      query: string,
      ...bindings: (string | number | null | ArrayBuffer)[]
    ): SqlStorageCursor<T>;
    readonly databaseSize: number;
  }

  export interface DurableObjectStorage {
    readonly sql: SqlStorage;
    getAlarm(): Promise<number | null>;
    setAlarm(scheduledTime: number | Date): Promise<void>;
    deleteAlarm(): Promise<void>;
    deleteAll(): Promise<void>;
    transactionSync<T>(closure: () => T): T;
  }

  export interface DurableObjectId {
    toString(): string;
    readonly name?: string;
  }

  export interface DurableObjectState {
    readonly id: DurableObjectId;
    readonly storage: DurableObjectStorage;
    blockConcurrencyWhile<T>(callback: () => Promise<T>): Promise<T>;
    waitUntil(promise: Promise<unknown>): void;
  }

  export abstract class DurableObject<Env = unknown> {
    protected ctx: DurableObjectState;
    protected env: Env;
    constructor(ctx: DurableObjectState, env: Env);
    fetch?(request: Request): Response | Promise<Response>;
    alarm?(): void | Promise<void>;
  }

  /** RPC: every method of the object, answering through a promise. */
  export type DurableObjectStub<T> = {
    [K in Exclude<keyof T, 'fetch' | 'alarm'>]: T[K] extends (...args: infer A) => infer R
      ? (...args: A) => Promise<Awaited<R>>
      : never;
  } & { readonly id: DurableObjectId; fetch(request: Request): Promise<Response> };

  export interface DurableObjectNamespace<T> {
    idFromName(name: string): DurableObjectId;
    get(id: DurableObjectId): DurableObjectStub<T>;
    getByName(name: string): DurableObjectStub<T>;
  }

  export const env: Cloudflare.Env;
}
