// Wires the background's services once the database is open. Everything here is created from
// injected dependencies, so the same wiring runs in the service worker and in the wiring tests.
import type { AlmanacDb } from '../store/db';
import type { AlmanacStore } from '../store/open';
import type { LockPort, LogPort } from '../sync/ports';
import { calendarListScope, todoistScope } from '../sync/scope';
import { type Accounts, createAccounts } from './accounts';
import { type Activity, createActivity, withProgress } from './activity';
import { type AlarmScheduler, createAlarmScheduler } from './alarm-scheduler';
import type { BrowserApis } from './browser-api';
import type { BuildConfig, Endpoints } from './build-config';
import { buildMenus, createMenuInstaller } from './context-menus';
import { createEngineHost, type EngineHost, type EngineShape } from './engine-host';
import type { Notifier } from './notifier';
import { createProviderCalls } from './provider-calls';
import { createQuickAddService, type QuickAddService } from './quick-add-outbox';
import { createRelayService, type RelayService } from './relay-service';
import type { SecretVault } from './secret-vault';
import { defaultSettings, effectiveEndpoints, type Settings } from './settings';
import { createSettingsStore, type SettingsStore } from './settings-store';
import { createSyncService, type SyncService } from './sync-service';
import { createTodoistWrites, type TodoistWrites } from './todoist-writes';
import { createTokenPort } from './token-port';

export interface BackgroundDeps {
  readonly api: BrowserApis;
  readonly openStore: () => Promise<AlmanacStore>;
  readonly vault: SecretVault;
  readonly fetch: typeof fetch;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly lock: LockPort;
  readonly log: LogPort;
  readonly random: () => number;
  readonly newId: () => string;
  readonly subtle: SubtleCrypto;
  readonly getRandomValues: (a: Uint8Array) => Uint8Array;
  readonly build: BuildConfig;
  readonly timers: {
    setInterval(fn: () => void, ms: number): unknown;
    clearInterval(handle: unknown): void;
  };
}

export interface Services {
  readonly db: AlmanacDb;
  readonly store: AlmanacStore;
  readonly settings: SettingsStore;
  current(): Settings;
  setCurrent(settings: Settings): void;
  endpoints(): Endpoints;
  readonly activity: Activity;
  readonly host: EngineHost;
  readonly scheduler: AlarmScheduler;
  readonly sync: SyncService;
  readonly accounts: Accounts;
  readonly quickAdd: QuickAddService;
  /** Todoist writes (add, edit, complete, delete, quick add, retry / discard). */
  readonly todoist: TodoistWrites;
  readonly vault: SecretVault;
  /** The push path: relay stream, router, registration (relay-service.ts). */
  readonly relay: RelayService;
  rebuildMenus(): Promise<void>;
}

export const engineShape = (
  build: BuildConfig,
  settings: Settings,
  pushedScopes: readonly string[] = [],
): EngineShape => ({
  googleApiBase: effectiveEndpoints(build, settings).googleApiBase,
  todoistApiBase: effectiveEndpoints(build, settings).todoistApiBase,
  window: settings.syncWindow,
  pollMinutes: settings.safetyPollMinutes,
  pushedScopes,
});

export async function createServices(deps: BackgroundDeps, notifier: Notifier): Promise<Services> {
  const { api, build, now } = deps;
  const store = await deps.openStore();
  const db = store.db;
  const settingsStore = createSettingsStore(api.storage.local, defaultSettings(build));
  let settings = await settingsStore.load();
  const endpoints = () => effectiveEndpoints(build, settings);

  const activity = createActivity(db, now);
  const tokens = createTokenPort({
    vault: deps.vault,
    identity: api.identity,
    fetch: deps.fetch,
    now,
    google: () => ({
      tokenUrl: endpoints().googleTokenUrl,
      clientId: build.googleClientId,
      clientSecret: build.googleClientSecret,
      scopes: build.googleScopes,
    }),
  });
  const host = createEngineHost(
    {
      store: withProgress(store.sync, activity),
      todoistStore: store.todoist,
      tokens,
      fetch: deps.fetch,
      now,
      sleep: deps.sleep,
      lock: deps.lock,
      log: deps.log,
      random: deps.random,
    },
    engineShape(build, settings),
  );
  const ping = () => api.runtime.getPlatformInfo?.() ?? Promise.resolve();
  const scheduler = createAlarmScheduler({ alarms: api.alarms, now, inFlight: activity.inFlight });
  const installMenus = createMenuInstaller(api.contextMenus);
  const rebuildMenus = async () =>
    installMenus(buildMenus(await db.sources.toArray(), await db.calendars.toArray()));

  const sync = createSyncService({
    host,
    store: store.sync,
    activity,
    scheduler,
    action: api.action,
    log: deps.log,
    onCalendarsChanged: rebuildMenus,
    ping,
    timers: deps.timers,
    // A Todoist run may have learned the account's user id: the relay links it. A calendar-list
    // run (hourly) is the watch channels' cadence: renewals, refused calendars asked again.
    afterRun: async (scope) => {
      if (scope.provider === 'todoist') await relay.accountsChanged();
      if (scope.kind === 'calendar-list') relay.calendarsChanged();
    },
    // Calendars selected, deselected, added or removed: channels follow at once.
    onScopesChanged: () => relay.calendarsChanged(),
  });
  const relay: RelayService = createRelayService({
    db,
    store: store.sync,
    vault: deps.vault,
    fetch: deps.fetch,
    now,
    sleep: deps.sleep,
    random: deps.random,
    log: deps.log,
    tokens,
    googleApiBase: () => endpoints().googleApiBase,
    relayUrl: () => settings.relayUrl,
    host,
    sync: (scope, reason) => sync.sync(scope, reason),
    refreshSchedule: () => sync.refreshSchedule(),
    ping,
  });
  const todoist = createTodoistWrites({
    db,
    store: store.todoist,
    ports: {
      fetch: deps.fetch,
      now,
      sleep: deps.sleep,
      random: deps.random,
      tokens,
      log: deps.log,
    },
    baseUrl: () => endpoints().todoistApiBase,
    run: (scope, reason) => sync.sync(scope, reason),
    afterRun: () => sync.refreshSchedule(),
  });
  const calls = createProviderCalls({
    fetch: deps.fetch,
    now,
    sleep: deps.sleep,
    random: deps.random,
    tokens,
    db,
  });
  const quickAdd = createQuickAddService({
    db,
    calls,
    todoist: () => todoist.actions(),
    endpoints,
    notifier,
    now,
    random: deps.random,
    newId: deps.newId,
    afterCreated: (scope) => {
      void sync.syncNow(scope).catch((err: unknown) => deps.log.warn('post-add sync', { err }));
    },
    scheduleRetry: (at) => scheduler.scheduleOutbox(at),
  });
  const accountsCore = createAccounts({
    db,
    vault: deps.vault,
    identity: api.identity,
    calls,
    fetch: deps.fetch,
    now,
    subtle: deps.subtle,
    getRandomValues: deps.getRandomValues,
    build,
    endpoints,
    async afterConnect(sourceId, provider) {
      await host.engine().resumeSource(sourceId);
      const scope = provider === 'google' ? calendarListScope(sourceId) : todoistScope(sourceId);
      await sync.syncNow(scope.id);
    },
    async afterChange() {
      await rebuildMenus();
      await sync.refreshSchedule();
      // Links follow the accounts; the last sign-out retires the subscriber.
      await relay.accountsChanged().catch((err: unknown) => deps.log.warn('relay', { err }));
    },
  });

  const accounts: Accounts = {
    ...accountsCore,
    async disconnect(sourceId) {
      // Its watch channels are stopped first, while its token can still sign channels.stop.
      await relay.releaseAccount(sourceId).catch((err: unknown) => {
        deps.log.warn('could not stop the watch channels of a disconnected account', { err });
      });
      await accountsCore.disconnect(sourceId);
    },
  };

  return {
    db,
    store,
    settings: settingsStore,
    current: () => settings,
    setCurrent(next) {
      settings = next;
      host.configure(engineShape(build, next, host.shape().pushedScopes));
    },
    endpoints,
    activity,
    host,
    scheduler,
    sync,
    accounts,
    quickAdd,
    todoist,
    vault: deps.vault,
    relay,
    rebuildMenus,
  };
}
