// The service worker's body. Every listener is registered synchronously, before any await
// (DESIGN §6): a worker woken by an alarm, a message or a menu click must find its listener on the
// first turn. The listeners then wait for the services (database open, settings loaded). Each start
// reconnects the relay stream (when configured) and catches up: every due scope runs (a run
// missed while the worker was stopped happens now), and so does every scope whose run a stopped
// worker left unfinished (its activity row is still there).

import { pruneOrphans } from './account-wipe';
import { OUTBOX_ALARM } from './alarm-plan';
import type { MenuClickHandler } from './context-menus';
import { createMenuClickHandler } from './context-menus';
import { createHandlers } from './message-handlers';
import { createMessageListener, createMessageRouter } from './message-router';
import type { Reply } from './messages';
import { createNotifier } from './notifier';
import { type BackgroundDeps, createServices, type Services } from './services';

export interface Background {
  readonly ready: Promise<Services>;
  /** Exactly what contextMenus.onClicked calls (tests invoke it directly). */
  readonly onMenuClicked: MenuClickHandler;
  /** Exactly what runtime.onMessage routes to. */
  readonly route: (raw: unknown) => Promise<Reply>;
  /** Exactly what alarms.onAlarm calls. */
  readonly onAlarm: (name: string) => Promise<void>;
  /** Resolves when the start-up catch-up (due runs, outbox) is done. */
  readonly caughtUp: Promise<void>;
}

export function startBackground(deps: BackgroundDeps): Background {
  const { api, log } = deps;
  const notifier = createNotifier({
    notifications: api.notifications,
    session: api.storage.session,
    tabs: api.tabs,
    newId: deps.newId,
  });
  const ready = createServices(deps, notifier);
  const onReady = () => ready;

  const route = createMessageRouter(createHandlers(onReady, api.alarms));
  const onMenuClicked = createMenuClickHandler({
    ready: async () => (await ready).quickAdd,
    newId: deps.newId,
  });
  async function onAlarm(name: string) {
    const s = await ready;
    if (name === OUTBOX_ALARM) {
      await s.quickAdd.drain();
      return;
    }
    if (!(await s.sync.onAlarm(name))) log.warn('unknown alarm', { name });
  }
  const report = (what: string) => (err: unknown) =>
    log.error(`${what} failed`, { error: err instanceof Error ? err.message : String(err) });

  // ── listeners: synchronously, first thing ──────────────────────────────────────────────────
  api.runtime.onMessage.addListener(createMessageListener(route, () => api.runtime.id));
  api.alarms.onAlarm.addListener((alarm) => {
    void onAlarm(alarm.name).catch(report(`alarm ${alarm.name}`));
  });
  api.contextMenus.onClicked.addListener((info, tab) => {
    void onMenuClicked(info, tab).catch(report('menu click'));
  });
  api.notifications.onClicked.addListener((id) => {
    void notifier.onClicked(id).catch(report('notification click'));
  });
  api.notifications.onButtonClicked.addListener((id, index) => {
    void notifier.onButtonClicked(id, index).catch(report('notification button'));
  });
  // Menus survive restarts but not an update/reinstall; alarms are reconciled on every start.
  api.runtime.onInstalled.addListener(() => {
    void ready.then((s) => s.rebuildMenus()).catch(report('menus'));
  });
  api.runtime.onStartup.addListener(() => {
    // Its presence starts the worker with the browser; the catch-up below then runs, as it does on
    // every worker start.
  });

  // ── start-up catch-up ──────────────────────────────────────────────────────────────────────
  const caughtUp = ready.then(async (s) => {
    // The push stream first (it only starts connecting): it resumes after the last event handled
    // by the previous worker, so nothing the relay logged meanwhile is missed.
    await s.relay.refresh().catch(report('relay'));
    const interrupted = await s.activity.clearStale();
    // Before the catch-up, whose schedule refresh redraws the badge from the rows that remain.
    await pruneOrphans(s.db);
    await s.scheduler.ensureSafetyAlarm(s.current().safetyPollMinutes);
    await s.rebuildMenus();
    await s.sync.catchUp(interrupted);
    await s.quickAdd.drain();
  });
  caughtUp.catch(report('start-up'));

  return { ready, onMenuClicked, route, onAlarm, caughtUp };
}
