// What the calendar watcher (watch.ts) needs from outside the engine: the calendar rows (the
// store implements it: store/calendar-watch.ts) and the relay (the platform: relay-service.ts).
import type { CalendarRecord, CalendarWatch } from '../../store/records';
import type { MetricDelta } from '../store-port';
import type { WatchDestination, WatchTarget } from './watch-plan';

export interface WatchStorePort {
  /** Every calendar row, and whether it is synced (selected, its account connected). */
  calendars(): Promise<ReadonlyArray<{ readonly row: CalendarRecord; readonly wanted: boolean }>>;
  /** Read-modify-write of one row's `watch` in one transaction: the new value, or null when the
   * row is gone. */
  updateWatch(
    key: string,
    change: (watch: CalendarWatch | undefined) => CalendarWatch | undefined,
  ): Promise<CalendarWatch | undefined | null>;
  /** Connected Google accounts. */
  googleSources(): Promise<string[]>;
  /** Adds the channel calls to the day's metrics (`requests:events.watch`, …), like a run's. */
  recordMetrics(at: number, metrics: readonly MetricDelta[]): Promise<void>;
}

export interface WatchRelayPort {
  /** Where channels must point now (watch-plan.ts WatchDestination). */
  target(): Promise<WatchDestination>;
  /** The stream is open and ready. */
  live(): boolean;
  /** The token for events.watch, issued by the relay for this channel id (relay-api.ts). */
  channelToken(target: WatchTarget, channelId: string): Promise<string>;
  /** Google's `address`: the relay's hook (shared/relay-protocol.ts RELAY_ROUTES.googleHook). */
  hookUrl(target: WatchTarget): string;
}
