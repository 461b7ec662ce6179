// The Worker's bindings (wrangler.toml) and variables (docs/security.md).
import type { DurableObjectNamespace } from 'cloudflare:workers';
import type { SubscriberHub } from './subscriber-hub';
import type { TodoistDirectory } from './todoist-directory';

export interface RelayWorkerEnv {
  SUBSCRIBER_HUB: DurableObjectNamespace<SubscriberHub>;
  TODOIST_DIRECTORY: DurableObjectNamespace<TodoistDirectory>;
  /** Secrets: `wrangler secret put` in production, `--var` or .dev.vars under `wrangler dev`. */
  TODOIST_CLIENT_SECRET?: string;
  TODOIST_CLIENT_SECRET_PREVIOUS?: string;
  RELAY_SIGNING_KEY?: string;
  RELAY_SIGNING_KEY_PREVIOUS?: string;
  /** Optional tuning (decimal strings); defaults from shared/relay-protocol.ts. */
  RELAY_PING_MS?: string;
  RELAY_LOG_MAX_ENTRIES?: string;
  RELAY_LOG_MAX_AGE_MS?: string;
}
