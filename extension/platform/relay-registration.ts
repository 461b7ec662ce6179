// Our subscriber at the relay and the Todoist users linked to it. The subscriber (id + secret) is
// created on first use and kept in the encrypted vault together with the relay URL it belongs to;
// the linked user ids and the stream's resume point live in a `meta` row (store/relay-state.ts).
// Links follow the accounts: every Todoist account whose `user.id` is known (recorded by its sync)
// is linked, and a disconnected one is unlinked — reconciled as set differences, so a failed call
// is simply retried at the next reconcile. All operations run one at a time.
import type { AlmanacDb } from '../store/db';
import {
  clearRelayState,
  readRelayState,
  resetRelayState,
  updateRelayState,
} from '../store/relay-state';
import type { LogPort } from '../sync/ports';
import { type RelayApi, type RelayCredentials, SubscriberGone } from '../sync/push/relay-api';
import type { SecretVault } from './secret-vault';

export interface RelayRegistrationDeps {
  readonly db: AlmanacDb;
  readonly vault: SecretVault;
  readonly api: RelayApi;
  readonly log: LogPort;
  /** The configured relay URL ('' = none). */
  readonly relayUrl: () => string;
}

export interface RelayRegistration {
  /** The subscriber for the configured relay — created (and linked) on first use — or undefined
   * when no relay is configured. Link failures are logged, not thrown (retried next time). */
  credentials(): Promise<RelayCredentials | undefined>;
  /** The relay no longer knows our subscriber: forget it, create a new one, link again. */
  reregister(): Promise<RelayCredentials | undefined>;
  /** Links and unlinks until the relay's set equals our Todoist accounts' user ids. */
  reconcileLinks(): Promise<void>;
  /** Deletes our subscriber at the relay it was created on (best effort) and forgets it: the
   * relay URL was cleared or changed, or no account is left. */
  retire(): Promise<void>;
  /** Todoist user ids the relay confirmed linked to the current subscriber. */
  linked(): Promise<string[]>;
  /** The subscriber we hold for the configured relay, without creating one (undefined: none, or
   * it belongs to another relay URL). Watch channels point at it. */
  held(): Promise<RelayCredentials | undefined>;
}

export function createRelayRegistration(deps: RelayRegistrationDeps): RelayRegistration {
  const { db, vault, api, log } = deps;
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };

  async function held(): Promise<RelayCredentials | undefined> {
    return vault.getRelay().catch((err: unknown) => {
      log.warn('relay: stored subscriber unreadable; a new one will be made', { err });
      return undefined;
    });
  }

  async function create(relayUrl: string): Promise<RelayCredentials> {
    const created = await api.createSubscriber(relayUrl);
    const creds = { relayUrl, ...created };
    await vault.putRelay(creds);
    await resetRelayState(db, creds.subscriberId);
    log.info('relay: subscriber created', { relayUrl, subscriberId: creds.subscriberId });
    return creds;
  }

  async function forget(creds: RelayCredentials | undefined, remote: boolean) {
    if (!creds) return;
    if (remote) {
      await api.deleteSubscriber(creds).catch((err: unknown) => {
        // Offline, or already gone: the relay forgets idle subscribers by itself eventually.
        log.warn('relay: could not delete the old subscriber', { err });
      });
    }
    await vault.deleteRelay();
    await clearRelayState(db);
  }

  async function wantedUserIds(): Promise<Set<string>> {
    const sources = await db.sources.where('provider').equals('todoist').toArray();
    return new Set(sources.flatMap((s) => (s.userId ? [s.userId] : [])));
  }

  /** Failures are logged and left for the next reconcile. A SubscriberGone is not cured here:
   * the stream meets the same 401/404 and re-registers (relay-client.ts), with a resync. */
  async function reconcile(creds: RelayCredentials): Promise<void> {
    const wanted = await wantedUserIds();
    const state = await readRelayState(db, creds.subscriberId);
    const id = creds.subscriberId;
    try {
      for (const userId of wanted) {
        if (state.linked.includes(userId)) continue;
        await api.linkTodoist(creds, userId);
        await updateRelayState(db, id, (s) => ({ ...s, linked: [...s.linked, userId] }));
      }
      for (const userId of state.linked) {
        if (wanted.has(userId)) continue;
        await api.unlinkTodoist(creds, userId).catch((err: unknown) => {
          // A 401/404 here means the subscriber (and so the link) is gone: unlinked all the same.
          if (!(err instanceof SubscriberGone)) throw err;
        });
        const drop = (s: typeof state) => ({ ...s, linked: s.linked.filter((u) => u !== userId) });
        await updateRelayState(db, id, drop);
      }
    } catch (err) {
      log.warn('relay: linking Todoist accounts failed; will retry', { err });
    }
  }

  async function current(): Promise<RelayCredentials | undefined> {
    const relayUrl = deps.relayUrl();
    if (!relayUrl) return undefined;
    let creds = await held();
    if (creds && creds.relayUrl !== relayUrl) {
      await forget(creds, true);
      creds = undefined;
    }
    creds ??= await create(relayUrl);
    await reconcile(creds);
    return creds;
  }

  return {
    credentials: () => serial(current),
    reregister: () =>
      serial(async () => {
        const relayUrl = deps.relayUrl();
        if (!relayUrl) return undefined;
        await forget(await held(), false); // gone at the relay already
        const creds = await create(relayUrl);
        await reconcile(creds);
        return creds;
      }),
    reconcileLinks: () =>
      serial(async () => {
        const creds = await held();
        if (creds && creds.relayUrl === deps.relayUrl()) await reconcile(creds);
      }),
    retire: () => serial(async () => forget(await held(), true)),
    held: async () => {
      const relayUrl = deps.relayUrl();
      const creds = relayUrl ? await held() : undefined;
      return creds?.relayUrl === relayUrl ? creds : undefined;
    },
    linked: async () => {
      const creds = await held();
      return creds ? (await readRelayState(db, creds.subscriberId)).linked : [];
    },
  };
}
