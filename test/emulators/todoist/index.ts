import type { Hono } from 'hono';
import { type Clock, systemClock } from '../common/clock';
import type { Seed } from '../common/control-routes';
import type { EmulatorEnv } from '../common/env';
import { FaultInjector } from '../common/faults';
import { inProcessFetch } from '../common/in-process';
import { RequestLog } from '../common/request-log';
import { buildTodoistApp } from './app';
import { TodoistTokens } from './auth';
import { type BudgetLimits, DEFAULT_BUDGETS, SyncBudgets } from './budgets';
import type { ForceFullSync } from './control';
import { forceFullSyncSchema } from './control';
import type { TodoistDeps } from './deps';
import { IdGenerator } from './ids';
import type { LabelJson, NoteJson, ProjectJson, SectionJson, TaskJson } from './model';
import { seedStore } from './seed';
import { TodoistStore, type UserData } from './store';
import { createTodoistPush, type TodoistPush, type WebhookConfig, WebhookSender } from './webhooks';

/**
 * The Todoist API v1 emulator (../../shared/specs/todoist-api.md). Choices where the spec is
 * [open] or silent, each the stricter one, each also commented where it is made:
 * - an unknown / garbled / other user's sync token is answered with a full sync (sync.ts);
 * - full syncs hold active tasks only: completed ones arrive through incremental syncs with
 *   `checked: true` (sync-read.ts);
 * - `resource_types` exclusions only subtract: `["-projects"]` alone selects nothing;
 * - temp ids resolve within their request only; a failed command's uuid may be retried;
 * - more than 100 commands: the whole request is a 400 INVALID_ARGUMENT_VALUE, nothing runs;
 * - quick add and the GET list routes spend the partial-sync budget; a full sync that returns
 *   data spends the full one, any other sync request the partial one;
 * - item_complete completes a recurring task for good; item_close advances it (never into
 *   the past); item_uncomplete reopens checked ancestors too;
 * - webhooks go only to users who hold a token (the emulator's stand-in for "authorised the
 *   app through OAuth", spec §7);
 * - a non-empty body that is neither JSON nor form-encoded (text/plain, no Content-Type) is a
 *   400 BAD_REQUEST, never read as an empty form (body.ts);
 * - "every N <unit>" with N over 1000 is no recurrence, so no valid due (recurrence.ts).
 */
export type { BudgetLimits } from './budgets';
export type { ForceFullSync } from './control';
export type * from './model';
export { taskWebLink } from './model';
export { TODOIST_RETRY_DELAYS_MS, todoistSignature } from './webhooks';

export interface TodoistEmulatorOptions {
  clock?: Clock;
  /** Default 'empty': users `demo` and `alex` with only their Inbox. */
  seed?: Seed;
  /** The fetch webhook deliveries use (real HTTP by default). */
  pushFetch?: typeof fetch;
  /** Waits before webhook retries; Todoist's are 3 × 15 minutes (spec §7). */
  pushRetryDelaysMs?: number[];
  /** spec §6 sync budgets per user per 15 min; `false` turns them off. */
  budgets?: BudgetLimits | false;
  /** When set, `/oauth/access_token` requires it; also the default webhook secret. */
  clientSecret?: string;
}

/** The truth, for convergence checks: what a perfect client would hold. */
export interface TodoistSnapshot {
  /** Active tasks: not deleted, not completed. */
  items: TaskJson[];
  /** Completed (checked) tasks that are not deleted. */
  completedItems: TaskJson[];
  projects: ProjectJson[];
  sections: SectionJson[];
  labels: LabelJson[];
  notes: NoteJson[];
}

export interface TodoistEmulator {
  app: Hono<EmulatorEnv>;
  fetch: typeof fetch;
  clock: Clock;
  log: RequestLog;
  faults: FaultInjector;
  push: TodoistPush;
  tokens: TodoistTokens;
  reset(seed: Seed): void;
  /** A new bearer token for `user` (default `demo`); unknown users get a fresh empty account. */
  issueToken(user?: string): string;
  /** Registers (or with null removes) the app's webhook (spec §7). */
  setWebhook(config: { url: string; clientSecret?: string } | null): void;
  /** Control of full-sync answers (see README: `POST /__emulator/force-full-sync`). */
  forceFullSync(input?: ForceFullSync): void;
  snapshot(user?: string): TodoistSnapshot;
  /** Direct access to a user's live data (tests that need to reach past the API). */
  user(key?: string): UserData;
}

export function createTodoistEmulator(opts: TodoistEmulatorOptions = {}): TodoistEmulator {
  const clock = opts.clock ?? systemClock;
  const log = new RequestLog();
  const faults = new FaultInjector();
  const tokens = new TodoistTokens(clock);
  const push = createTodoistPush({
    clock,
    ...(opts.pushFetch ? { fetch: opts.pushFetch } : {}),
    ...(opts.pushRetryDelaysMs ? { retryDelaysMs: opts.pushRetryDelaysMs } : {}),
  });
  let deliveryIds = new IdGenerator(0xde11);
  const webhooks = new WebhookSender({
    push,
    clock,
    isAuthorized: (u) => tokens.isAuthorized(u),
    deliveryId: () => deliveryIds.uuid(),
  });
  const budgets = new SyncBudgets(
    opts.budgets === undefined ? DEFAULT_BUDGETS : opts.budgets,
    clock,
  );

  const deps: TodoistDeps = {
    store: new TodoistStore(clock, new IdGenerator()),
    clock,
    budgets,
    userOf: (c) => {
      const key = c.get('user') as string;
      const user = deps.store.user(key);
      if (user === undefined) throw new Error(`no todoist user ${key}`);
      return user;
    },
  };

  const reset = (seed: Seed) => {
    deps.store = new TodoistStore(clock, new IdGenerator());
    seedStore(deps.store, seed);
    // Listen only after seeding: seed data is the starting truth, not news.
    deps.store.onChange((event) => webhooks.onChange(event));
    deliveryIds = new IdGenerator(0xde11);
    tokens.clear();
    budgets.reset();
    webhooks.set(null);
    log.clear();
    faults.clear();
    push.reset();
  };

  const issueToken = (user = 'demo') => {
    if (deps.store.user(user) === undefined) deps.store.createUser(user);
    return tokens.issue(user).access_token;
  };

  const existingUser = (key: string) => {
    const user = deps.store.user(key);
    if (user === undefined) throw new Error(`unknown todoist user ${key}`);
    return user;
  };

  const forceFullSync = (input: ForceFullSync = {}): boolean => {
    const f = forceFullSyncSchema.parse(input);
    const user = deps.store.user(f.user);
    if (user === undefined) return false;
    if (f.mode === 'full') user.forcedFull += f.count;
    else user.delayedFull = { count: f.count, delayMs: f.delayMs };
    return true;
  };

  const setWebhook = (config: { url: string; clientSecret?: string } | null) => {
    if (config === null) return webhooks.set(null);
    const clientSecret = config.clientSecret ?? opts.clientSecret;
    if (clientSecret === undefined) throw new Error('setWebhook needs a clientSecret');
    webhooks.set({ url: config.url, clientSecret } satisfies WebhookConfig);
  };

  const app = buildTodoistApp({
    deps,
    clock,
    log,
    faults,
    tokens,
    control: {
      reset,
      issueToken,
      push,
      webhooks,
      forceFullSync,
    },
    ...(opts.clientSecret !== undefined ? { clientSecret: opts.clientSecret } : {}),
  });

  reset(opts.seed ?? 'empty');

  return {
    app,
    fetch: inProcessFetch(app),
    clock,
    log,
    faults,
    push,
    tokens,
    reset,
    issueToken,
    setWebhook,
    forceFullSync: (input) => {
      if (!forceFullSync(input)) throw new Error(`unknown todoist user ${input?.user ?? 'demo'}`);
    },
    snapshot: (key = 'demo') => snapshotOf(existingUser(key)),
    user: (key = 'demo') => existingUser(key),
  };
}

function snapshotOf(user: UserData): TodoistSnapshot {
  const live = <T extends { is_deleted: boolean }>(m: Map<string, T>) =>
    structuredClone([...m.values()].filter((r) => !r.is_deleted));
  const items = live(user.items);
  return {
    items: items.filter((t) => !t.checked),
    completedItems: items.filter((t) => t.checked),
    projects: live(user.projects),
    sections: live(user.sections),
    labels: live(user.labels),
    notes: live(user.notes),
  };
}
