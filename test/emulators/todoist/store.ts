import type { Clock } from '../common/clock';
import type { Account } from './account';
import { ChangeLog } from './change-log';
import { newProject } from './factories';
import { IdGenerator } from './ids';
import type {
  AnyResourceJson,
  LabelJson,
  NoteJson,
  ProjectJson,
  ResourceJsonByKind,
  ResourceKind,
  SectionJson,
  TaskJson,
} from './model';
import { isoMicros } from './time';

/** A change worth a webhook (spec §7): `item:added`, `project:deleted`, ... */
export interface ChangeEvent {
  user: UserData;
  eventName: string;
  data: AnyResourceJson;
  extra?: Record<string, unknown>;
}

export type ChangeListener = (event: ChangeEvent) => void;

/** The answer remembered for an executed command uuid (spec §3: never executed twice). */
export interface ExecutedCommand {
  tempId?: string;
  realId?: string;
}

const EVENT_FAMILY: Record<ResourceKind, string> = {
  items: 'item',
  projects: 'project',
  sections: 'section',
  labels: 'label',
  notes: 'note',
};

/** One user's whole account: live resources, change log, executed command uuids. */
export class UserData {
  readonly account: Account;
  readonly items = new Map<string, TaskJson>();
  readonly projects = new Map<string, ProjectJson>();
  readonly sections = new Map<string, SectionJson>();
  readonly labels = new Map<string, LabelJson>();
  readonly notes = new Map<string, NoteJson>();
  readonly log = new ChangeLog();
  readonly executed = new Map<string, ExecutedCommand>();
  /** Position of the last change to the `user` resource itself. */
  userSeq = 0;
  /** Control: how many coming incremental requests are answered with a full sync. */
  forcedFull = 0;
  /** Control: how many coming full-sync answers are "delayed", and by how much. */
  delayedFull: { count: number; delayMs: number } | null = null;
  readonly #store: TodoistStore;

  constructor(store: TodoistStore, account: Account) {
    this.#store = store;
    this.account = account;
  }

  get clock(): Clock {
    return this.#store.clock;
  }

  get ids(): IdGenerator {
    return this.#store.ids;
  }

  map<K extends ResourceKind>(kind: K): Map<string, ResourceJsonByKind[K]> {
    return this[kind] as unknown as Map<string, ResourceJsonByKind[K]>;
  }

  /**
   * Stores `record` as the new truth, appends its snapshot to the change log and announces
   * the change. `action` completes the webhook event name (`added`, `updated`, ...).
   */
  commit<K extends ResourceKind>(
    kind: K,
    record: ResourceJsonByKind[K],
    action: string,
    extra?: Record<string, unknown>,
  ): void {
    const now = this.clock.now();
    if ('updated_at' in record && action !== 'added') record.updated_at = isoMicros(now);
    this.map(kind).set(record.id, record);
    this.log.append(kind, record.id, record, now);
    this.#store.emit({
      user: this,
      eventName: `${EVENT_FAMILY[kind]}:${action}`,
      data: structuredClone(record),
      ...(extra ? { extra } : {}),
    });
  }

  /** A live (not deleted) resource, or undefined. */
  live<K extends ResourceKind>(kind: K, id: string): ResourceJsonByKind[K] | undefined {
    const r = this.map(kind).get(id);
    return r === undefined || r.is_deleted ? undefined : r;
  }

  inbox(): ProjectJson {
    const inbox = this.projects.get(this.account.inboxProjectId);
    if (inbox === undefined) throw new Error(`user ${this.account.key} has no inbox`);
    return inbox;
  }

  /** Active children of a task (not deleted), direct only. */
  childrenOf(taskId: string): TaskJson[] {
    return [...this.items.values()].filter((t) => t.parent_id === taskId && !t.is_deleted);
  }

  /** Task and all its descendants, depth first, parent before children. */
  subtree(taskId: string): TaskJson[] {
    const root = this.items.get(taskId);
    if (root === undefined) return [];
    const out = [root];
    for (const child of this.childrenOf(taskId)) out.push(...this.subtree(child.id));
    return out;
  }

  nextChildOrder(projectId: string, parentId: string | null, sectionId: string | null): number {
    let max = 0;
    for (const t of this.items.values()) {
      if (t.is_deleted || t.project_id !== projectId) continue;
      if (t.parent_id !== parentId || t.section_id !== sectionId) continue;
      max = Math.max(max, t.child_order);
    }
    return max + 1;
  }
}

/** All users of one emulator instance, plus the issued sync tokens. */
export class TodoistStore {
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly #users = new Map<string, UserData>();
  /** sync token → the user it belongs to and the log position it names. */
  readonly #syncTokens = new Map<string, { user: string; seq: number }>();
  readonly #listeners: ChangeListener[] = [];
  /** Its own generator, so resource ids do not depend on how often a client read. */
  readonly #tokenIds = new IdGenerator(0x5eed70c);

  constructor(clock: Clock, ids: IdGenerator) {
    this.clock = clock;
    this.ids = ids;
  }

  onChange(listener: ChangeListener): void {
    this.#listeners.push(listener);
  }

  emit(event: ChangeEvent): void {
    for (const l of this.#listeners) l(event);
  }

  user(key: string): UserData | undefined {
    return this.#users.get(key);
  }

  users(): UserData[] {
    return [...this.#users.values()];
  }

  /**
   * Creates an account with its Inbox. Setting up the Inbox is not a change anyone watched, so
   * it is logged (a full sync must include it) but not announced by webhook.
   */
  createUser(key: string, opts: { timeZone?: string; fullName?: string } = {}): UserData {
    const existing = this.#users.get(key);
    if (existing !== undefined) return existing;
    const now = this.clock.now();
    const inboxId = this.ids.id();
    const account: Account = {
      key,
      id: String(1_000_000 + this.#users.size * 7919 + 41),
      email: `${key}@example.com`,
      fullName: opts.fullName ?? key.charAt(0).toUpperCase() + key.slice(1),
      timeZone: opts.timeZone ?? 'America/New_York',
      joinedAt: now,
      inboxProjectId: inboxId,
    };
    const user = new UserData(this, account);
    const inbox = newProject(user, { id: inboxId, name: 'Inbox', inbox_project: true });
    user.projects.set(inbox.id, inbox);
    user.log.append('projects', inbox.id, inbox, now);
    this.#users.set(key, user);
    return user;
  }

  /** Issues a sync token for the user's current log position. */
  issueSyncToken(user: UserData, seq = user.log.position): string {
    const token = this.#tokenIds.chars(48);
    this.#syncTokens.set(token, { user: user.account.key, seq });
    return token;
  }

  /** The position a token names, or undefined when it is unknown or another user's. */
  resolveSyncToken(user: UserData, token: string): number | undefined {
    const t = this.#syncTokens.get(token);
    return t !== undefined && t.user === user.account.key ? t.seq : undefined;
  }
}
