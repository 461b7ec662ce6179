import type { Hono } from 'hono';
import type { EmulatorEnv } from '../common/env';
import type { EventJson } from './events/event-types';
import type { ChannelRegistry } from './push/channels';
import type { GoogleState } from './state';
import type { SyncTokenRegistry } from './sync/sync-tokens';

/** What every route module needs; one instance per emulator, stable across resets. */
export interface GoogleDeps {
  state: GoogleState;
  tokens: SyncTokenRegistry;
  channels: ChannelRegistry;
  /** Listing results per (query, snapshot): later pages reuse the first page's work. */
  listCache: Map<string, EventJson[]>;
  /** How far past "now" a series expands when no timeMax bounds it. */
  horizonMs: number;
  /** updatedMin older than this → 410 updatedMinTooLongAgo. */
  updatedMinLimitMs: number;
  /** Serve some short and empty pages (spec §1 allows both). */
  shortPages: boolean;
}

export type GoogleApp = Hono<EmulatorEnv>;
