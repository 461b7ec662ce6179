// What each runtime message does (messages.ts names them; message-router.ts validates and routes).
import { setCalendarSelected } from '../store/calendar-selection';
import { calendarScope } from '../sync/scope';
import { scopeSourceId } from './account-wipe';
import { scopeOfAlarm } from './alarm-plan';
import type { AlarmsApi } from './browser-api';
import { type Handlers, MessageFailure } from './message-router';
import { type AccountStatus, relayStatusSchema, type Status } from './messages';
import { QUICK_ADD_KIND } from './quick-add-outbox';
import type { Secret } from './secret-vault';
import type { Services } from './services';
import { createTodoistHandlers } from './todoist-handlers';

export function createHandlers(ready: () => Promise<Services>, alarms: AlarmsApi): Handlers {
  return {
    async getStatus() {
      const s = await ready();
      return status(s, alarms);
    },
    async syncNow(message) {
      const s = await ready();
      const results = await s.sync.syncNow(message.scope);
      return results.map((r) => ({
        scope: r.scope,
        outcome: r.outcome,
        ...(r.outcome === 'error' && r.state.lastError ? { error: r.state.lastError.message } : {}),
      }));
    },
    async connect(message) {
      const s = await ready();
      const account =
        message.provider === 'google'
          ? await s.accounts.connectGoogle(
              message.loginHint ? { loginHint: message.loginHint } : {},
            )
          : await s.accounts.connectTodoist(message.token ? { token: message.token } : {});
      return { sourceId: account.sourceId, label: account.label };
    },
    async disconnect(message) {
      const s = await ready();
      if (!(await s.db.sources.get(message.sourceId))) {
        throw new MessageFailure('rejected', `No account ${message.sourceId}.`);
      }
      await s.accounts.disconnect(message.sourceId);
      return null;
    },
    async updateSettings(message) {
      const s = await ready();
      const { before, after } = await s.settings.update(message.settings);
      s.setCurrent(after);
      // A new relay: the old subscriber goes, a new one is made and the stream reconnects.
      if (before.relayUrl !== after.relayUrl) await s.relay.relayUrlChanged();
      if (before.safetyPollMinutes !== after.safetyPollMinutes) {
        await s.scheduler.ensureSafetyAlarm(after.safetyPollMinutes);
      }
      const relist =
        JSON.stringify(before.syncWindow) !== JSON.stringify(after.syncWindow) ||
        before.advanced.googleApiBase !== after.advanced.googleApiBase;
      // A new window only takes effect with a full listing: re-list everything (in background).
      if (relist) void s.sync.resetAndResync().catch(() => undefined);
      else await s.sync.refreshSchedule();
      return null;
    },
    async setCalendarSelected(message) {
      const s = await ready();
      const row = await s.db.calendars.get(message.calendarKey);
      if (!row) throw new MessageFailure('rejected', `No calendar ${message.calendarKey}.`);
      // Deselecting drops the calendar's events and cursor in one transaction (store).
      await setCalendarSelected(s.db, message.calendarKey, message.selected);
      await s.rebuildMenus();
      if (message.selected) {
        void s.sync.syncNow(calendarScope(row.sourceId, row.id).id).catch(() => undefined);
      } else {
        await s.sync.refreshSchedule();
      }
      return null;
    },
    async quickAdd(message) {
      const s = await ready();
      return s.quickAdd.submit(message.request);
    },
    ...createTodoistHandlers(ready),
    async resetAndResync() {
      const s = await ready();
      const scopes = (await s.host.engine().knownScopes()).length;
      void s.sync.resetAndResync().catch(() => undefined);
      return { scopes };
    },
  };
}

async function status(s: Services, alarms: AlarmsApi): Promise<Status> {
  const [sources, states, all] = await Promise.all([
    s.db.sources.toArray(),
    s.db.scopes.toArray(),
    alarms.getAll(),
  ]);
  const parked = new Set(
    states.filter((st) => st.status === 'needs-sign-in').map((st) => scopeSourceId(st.scope)),
  );
  const accounts: AccountStatus[] = [];
  for (const source of sources) {
    const secret = await s.vault.get(source.id).catch(() => undefined);
    accounts.push({
      sourceId: source.id,
      provider: source.provider,
      label: source.label ?? source.id,
      signedIn: usable(secret) && !parked.has(source.id),
      ...(secret ? { method: methodOf(secret) } : {}),
    });
  }
  const next = all
    .filter((a) => scopeOfAlarm(a.name) !== undefined)
    .map((a) => a.scheduledTime)
    .sort((a, b) => a - b)[0];
  const queued = await s.db.outbox.filter((o) => o.kind === QUICK_ADD_KIND).count();
  const settings = s.current();
  const relay = relayStatusSchema.parse(s.relay.status());
  return {
    mode: relay.state === 'live' ? 'live' : 'polling',
    pollMinutes: settings.safetyPollMinutes,
    relayConfigured: settings.relayUrl !== '',
    relay,
    accounts,
    syncing: s.activity.inFlight(),
    nextAlarmAt: next,
    queuedQuickAdds: queued,
  };
}

function usable(secret: Secret | undefined): boolean {
  if (!secret) return false;
  if (secret.kind === 'google-oauth') return Boolean(secret.refreshToken ?? secret.accessToken);
  return true;
}

function methodOf(secret: Secret): AccountStatus['method'] {
  if (secret.kind === 'google-chrome') return 'chrome';
  if (secret.kind === 'todoist') return secret.method;
  return 'oauth';
}
