// One engine with the Todoist provider against the in-process Todoist emulator and a fresh Dexie
// store on fake-indexeddb, all on a ManualClock (sleeps advance it). The engine's own requests are
// recorded by a fetch wrapper (the "remote" — a phone, another app — uses its own token and is
// not counted), so tests assert exactly what the engine sent.
import { expect } from 'vitest';
import type { AlmanacStore } from '../../../extension/store/open';
import type { TaskRecord } from '../../../extension/store/records';
import { todoistTasks } from '../../../extension/store/todoist/queries';
import { createSyncEngine, type SyncEngine } from '../../../extension/sync/engine';
import type { SyncPorts, TokenPort } from '../../../extension/sync/ports';
import { createProviderRegistry } from '../../../extension/sync/provider';
import type { SchedulePolicy } from '../../../extension/sync/scheduler';
import { type TodoistScope, todoistScope } from '../../../extension/sync/scope';
import { createTodoistActions, type TodoistActions } from '../../../extension/sync/todoist/actions';
import {
  createTodoistProviders,
  type TodoistOptions,
} from '../../../extension/sync/todoist/providers';
import { ManualClock } from '../../emulators/common/clock';
import {
  createTodoistEmulator,
  type TodoistEmulator,
  type TodoistEmulatorOptions,
} from '../../emulators/todoist/index';
import { seededRandom } from '../../support/seeded-random';
import { createTestPorts } from '../../support/test-ports';
import { type CommandsAnswer, createCommandSender } from '../../support/todoist-commands';
import { openTestStore } from './open-test-store';

export const TODOIST_USER = 'demo';
export const TODOIST_SOURCE = 'todoist-demo';
export const TODOIST_START = Date.UTC(2025, 0, 6, 17);

export interface SentRequest {
  readonly path: string;
  readonly body: Record<string, unknown>;
}

export interface TodoistHarnessOptions {
  readonly seed?: 'demo' | 'empty';
  readonly budgets?: TodoistEmulatorOptions['budgets'];
  readonly schedule?: Partial<SchedulePolicy>;
  readonly todoist?: Omit<TodoistOptions, 'store'>;
  /** Wraps the engine's fetch (after the request recorder). */
  readonly wrapFetch?: (inner: typeof fetch) => typeof fetch;
  readonly store?: AlmanacStore;
  readonly emulator?: TodoistEmulator;
  readonly clock?: ManualClock;
}

export interface TodoistTokens extends TokenPort {
  readonly invalidated: string[];
  /** When set, handed out instead of a real token (a revoked or mistyped personal token). */
  override: string | undefined;
}

export interface TodoistHarness {
  readonly clock: ManualClock;
  readonly todoist: TodoistEmulator;
  readonly store: AlmanacStore;
  readonly engine: SyncEngine;
  readonly actions: TodoistActions;
  readonly tokens: TodoistTokens;
  readonly remote: TodoistRemote;
  readonly ports: SyncPorts;
  readonly scope: TodoistScope;
  /** Every request the engine (and actions) sent, in order. */
  readonly sent: SentRequest[];
  /** All task rows of the source, including completed and locally deleted ones. */
  rows(): Promise<TaskRecord[]>;
  row(id: string): Promise<TaskRecord | undefined>;
  run(reason?: string): ReturnType<SyncEngine['sync']>;
  /** Open tasks, completed ones, projects, sections and labels equal the emulator's truth. */
  expectConverged(): Promise<void>;
}

export async function createTodoistHarness(
  options: TodoistHarnessOptions = {},
): Promise<TodoistHarness> {
  const clock = options.clock ?? new ManualClock(TODOIST_START);
  const todoist =
    options.emulator ??
    createTodoistEmulator({
      clock,
      seed: options.seed ?? 'demo',
      ...(options.budgets === undefined ? {} : { budgets: options.budgets }),
    });
  const store = options.store ?? (await openTestStore());
  await store.db.sources.put({
    ...(await store.db.sources.get(TODOIST_SOURCE)),
    id: TODOIST_SOURCE,
    provider: 'todoist',
  });
  store.writes.reset();

  let token: string | undefined;
  const tokens: TodoistTokens = {
    invalidated: [],
    override: undefined,
    async getAccessToken() {
      if (tokens.override !== undefined) return tokens.override;
      token ??= todoist.issueToken(TODOIST_USER);
      return token;
    },
    async invalidate(_source, rejected) {
      tokens.invalidated.push(rejected);
    },
  };

  const sent: SentRequest[] = [];
  const recorder = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const text = typeof init?.body === 'string' ? init.body : '';
    sent.push({ path: url.pathname, body: text === '' ? {} : JSON.parse(text) });
    return todoist.fetch(input, init);
  }) as typeof fetch;

  const ports = createTestPorts({
    clock,
    store,
    fetch: options.wrapFetch ? options.wrapFetch(recorder) : recorder,
    tokens,
    random: seededRandom(7),
  });
  const todoistOptions: TodoistOptions = { store: store.todoist, ...options.todoist };
  const engine = createSyncEngine({
    ports,
    providers: createProviderRegistry(createTodoistProviders(ports, todoistOptions)),
    ...(options.schedule ? { schedule: options.schedule } : {}),
  });
  const actions = createTodoistActions({ ports, engine, ...todoistOptions });
  const scope = todoistScope(TODOIST_SOURCE);

  async function rows() {
    return store.db.tasks.where('sourceId').equals(TODOIST_SOURCE).toArray();
  }

  return {
    clock,
    todoist,
    store,
    engine,
    actions,
    tokens,
    remote: createTodoistRemote(todoist, TODOIST_USER),
    ports,
    scope,
    sent,
    rows,
    row: (id) => store.db.tasks.get([TODOIST_SOURCE, id]),
    run: (reason = 'test') => engine.sync(scope, reason),
    async expectConverged() {
      const truth = todoist.snapshot(TODOIST_USER);
      const mine = await rows();
      const open = mine.filter((t) => !t.checked && !t.deleting);
      const fields = (t: {
        id: string;
        content?: string;
        project_id?: string;
        priority?: number;
      }) => [t.id, t.content, t.project_id, t.priority].join(' | ');
      expect(open.map((t) => fields({ ...t, project_id: t.projectId })).sort()).toEqual(
        truth.items.map(fields).sort(),
      );
      // Completed tasks reach a client through incremental syncs only (emulator [open]): the
      // ones we hold must be completed in truth too.
      const done = new Set(truth.completedItems.map((t) => t.id));
      for (const t of mine.filter((r) => r.checked)) expect(done.has(t.id), t.id).toBe(true);
      const ids = async (table: 'projects' | 'sections' | 'labels') =>
        (await store.db[table].where('sourceId').equals(TODOIST_SOURCE).toArray())
          .map((r) => r.id)
          .sort();
      expect(await ids('projects')).toEqual(truth.projects.map((p) => p.id).sort());
      expect(await ids('sections')).toEqual(truth.sections.map((s) => s.id).sort());
      expect(await ids('labels')).toEqual(truth.labels.map((l) => l.id).sort());
    },
  };
}

/** Changes made "by someone else" through the emulator's public API, with their own token. */
export interface TodoistRemote {
  commands(
    commands: { type: string; args: Record<string, unknown>; temp_id?: string }[],
  ): Promise<CommandsAnswer>;
  addTask(content: string, args?: Record<string, unknown>): Promise<string>;
  update(id: string, args: Record<string, unknown>): Promise<void>;
  complete(id: string): Promise<void>;
  remove(id: string): Promise<void>;
}

export function createTodoistRemote(todoist: TodoistEmulator, user: string): TodoistRemote {
  const send = createCommandSender(todoist, todoist.issueToken(user));
  let n = 0;
  const commands = (list: { type: string; args: Record<string, unknown>; temp_id?: string }[]) =>
    send(list.map((c) => ({ ...c, uuid: `remote-${user}-${++n}` })));
  const one = async (type: string, args: Record<string, unknown>) => {
    await commands([{ type, args }]);
  };
  return {
    commands,
    async addTask(content, args = {}) {
      const temp = `remote-temp-${n + 1}`;
      const answer = await commands([
        { type: 'item_add', temp_id: temp, args: { content, ...args } },
      ]);
      const id = answer.temp_id_mapping[temp];
      if (!id) throw new Error('remote add: no id');
      return id;
    },
    update: (id, args) => one('item_update', { id, ...args }),
    complete: (id) => one('item_close', { id }),
    remove: (id) => one('item_delete', { id }),
  };
}

export interface SentCommand {
  readonly type: string;
  readonly uuid: string;
  readonly temp_id?: string;
  readonly args: Record<string, unknown>;
}

/** The commands a recorded sync request carried (none when it was a plain read). */
export function commandsOf(request: SentRequest | undefined): SentCommand[] {
  const commands = request?.body.commands;
  return Array.isArray(commands) ? (commands as SentCommand[]) : [];
}

/** A harness past its first sync, a minute on, with its request log emptied. */
export async function syncedTodoistHarness(
  options: TodoistHarnessOptions = {},
): Promise<TodoistHarness> {
  const h = await createTodoistHarness(options);
  await h.run();
  h.clock.advance(60_000);
  h.sent.length = 0;
  return h;
}

/** The store's first open task that does not repeat (the demo seed has several). */
export async function firstOpenTask(h: TodoistHarness): Promise<TaskRecord> {
  const task = (await todoistTasks(h.store.db)).find((t) => !t.due?.isRecurring);
  if (!task) throw new Error('demo seed has open tasks');
  return task;
}
