// The relay's environment: two secrets (docs/security.md: `wrangler secret put`, or `--var` /
// .dev.vars under `wrangler dev`), their rotation partners, and tuning knobs tests shrink.
import { z } from 'zod';
import {
  RELAY_LOG_MAX_AGE_MS,
  RELAY_LOG_MAX_ENTRIES,
  RELAY_PING_MS,
} from '../shared/relay-protocol';
import type { RelaySecrets } from './ports';

export const RELAY_ENV_NAMES = {
  todoistClientSecret: 'TODOIST_CLIENT_SECRET',
  previousTodoistClientSecret: 'TODOIST_CLIENT_SECRET_PREVIOUS',
  signingKey: 'RELAY_SIGNING_KEY',
  previousSigningKey: 'RELAY_SIGNING_KEY_PREVIOUS',
  pingMs: 'RELAY_PING_MS',
  maxEntries: 'RELAY_LOG_MAX_ENTRIES',
  maxAgeMs: 'RELAY_LOG_MAX_AGE_MS',
} as const;

const secret = z.string().min(1).optional().catch(undefined);
const positiveInt = z
  .string()
  .regex(/^\d+$/, 'a positive integer')
  .transform(Number)
  .pipe(z.int().positive())
  .optional();

const envSchema = z.object({
  TODOIST_CLIENT_SECRET: secret,
  TODOIST_CLIENT_SECRET_PREVIOUS: secret,
  RELAY_SIGNING_KEY: secret,
  RELAY_SIGNING_KEY_PREVIOUS: secret,
  RELAY_PING_MS: positiveInt,
  RELAY_LOG_MAX_ENTRIES: positiveInt,
  RELAY_LOG_MAX_AGE_MS: positiveInt,
});

export interface RelayConfig {
  secrets: RelaySecrets | { readonly missing: string };
  pingMs: number;
  maxEntries: number;
  maxAgeMs: number;
}

/** Reads the config; a malformed tuning knob throws (loudly, at the first request). */
export function readRelayConfig(env: Readonly<Record<string, unknown>>): RelayConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new Error(`relay environment: ${z.prettifyError(parsed.error)}`);
  const e = parsed.data;
  const missing = [
    e.TODOIST_CLIENT_SECRET === undefined ? RELAY_ENV_NAMES.todoistClientSecret : null,
    e.RELAY_SIGNING_KEY === undefined ? RELAY_ENV_NAMES.signingKey : null,
  ].filter((name) => name !== null);
  const secrets: RelayConfig['secrets'] =
    e.TODOIST_CLIENT_SECRET === undefined || e.RELAY_SIGNING_KEY === undefined
      ? { missing: missing.join(', ') }
      : {
          todoistClientSecret: e.TODOIST_CLIENT_SECRET,
          signingKey: e.RELAY_SIGNING_KEY,
          ...(e.TODOIST_CLIENT_SECRET_PREVIOUS === undefined
            ? {}
            : { previousTodoistClientSecret: e.TODOIST_CLIENT_SECRET_PREVIOUS }),
          ...(e.RELAY_SIGNING_KEY_PREVIOUS === undefined
            ? {}
            : { previousSigningKey: e.RELAY_SIGNING_KEY_PREVIOUS }),
        };
  return {
    secrets,
    pingMs: e.RELAY_PING_MS ?? RELAY_PING_MS,
    maxEntries: e.RELAY_LOG_MAX_ENTRIES ?? RELAY_LOG_MAX_ENTRIES,
    maxAgeMs: e.RELAY_LOG_MAX_AGE_MS ?? RELAY_LOG_MAX_AGE_MS,
  };
}
