// User settings (options page), validated with zod at every boundary: storage, messages, form.
// Stored whole in chrome.storage.local; a stored value that no longer parses falls back to the
// defaults field by field instead of breaking the extension.
import { z } from 'zod';
import type { BuildConfig, Endpoints } from './build-config';

/** Why `value` can't be an endpoint's base, if it can't: the code appends paths to it, so a
 * query, a fragment or credentials would end up in the wrong place (or make fetch throw). */
function urlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an http(s) URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an http(s) URL';
  if (url.username || url.password) return 'must not hold a user name or password';
  if (value.includes('?')) return 'must not have a query (?…)';
  if (value.includes('#')) return 'must not have a fragment (#…)';
  return undefined;
}

/** An endpoint's base URL; `appended` is the path the code adds itself (giving it twice would
 * double it); `orEmpty`: "" stands for none. One schema, not a union with "", so a refusal says
 * why rather than zod's "Invalid input". */
const httpUrl = (appended?: string, orEmpty = false) =>
  z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      if (orEmpty && value === '') return;
      const problem = urlProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
      else if (appended && value.replace(/\/+$/, '').endsWith(appended)) {
        ctx.addIssue({ code: 'custom', message: `leave out ${appended}: Almanac adds it` });
      }
    })
    .transform((value) => value.replace(/\/+$/, ''));

/** Run-time overrides of the build-time endpoints ("Advanced"); absent = the build default. */
export const advancedSchema = z.strictObject({
  googleApiBase: httpUrl('/calendar/v3').optional(),
  googleAuthUrl: httpUrl().optional(),
  googleTokenUrl: httpUrl().optional(),
  todoistApiBase: httpUrl('/api/v1').optional(),
});
export type AdvancedSettings = z.infer<typeof advancedSchema>;

export const CONFLICT_POLICIES = ['ask', 'remote-wins', 'local-wins', 'newest-wins'] as const;

export const settingsSchema = z.strictObject({
  /** The events window of a full sync (sync/google/window.ts); applies from the next full sync. */
  syncWindow: z.strictObject({
    backDays: z.int().min(1).max(365),
    aheadDays: z.int().min(7).max(730),
  }),
  /** How often each calendar is polled (the relay would push sooner; it isn't built yet). The
   * floor is chrome.alarms' 30 s minimum rounded up to a minute. */
  safetyPollMinutes: z
    .int()
    .min(1)
    .max(24 * 60),
  /** Empty = no relay. Stored for the push path; the extension polls until it exists. */
  relayUrl: httpUrl('/v1', true),
  /** Stored now, used when two-way sync lands. */
  conflictPolicy: z.enum(CONFLICT_POLICIES),
  /** Whether task lists (the new tab) show completed Todoist tasks. The engine keeps checked
   * tasks either way (store/todoist/queries.ts `includeCompleted`); this only chooses the view. */
  showCompletedTasks: z.boolean(),
  advanced: advancedSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

/** What updateSettings accepts: any subset; `advanced` replaces the whole override set. */
export const settingsPatchSchema = settingsSchema.partial();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export function defaultSettings(build: Pick<BuildConfig, 'relayUrl'>): Settings {
  return {
    syncWindow: { backDays: 30, aheadDays: 365 },
    safetyPollMinutes: 15,
    relayUrl: build.relayUrl,
    conflictPolicy: 'ask',
    showCompletedTasks: false,
    advanced: {},
  };
}

/** A stored value → valid settings: every field that fails validation takes its default. */
export function parseStoredSettings(stored: unknown, defaults: Settings): Settings {
  const whole = settingsSchema.safeParse(stored);
  if (whole.success) return whole.data;
  const record: Record<string, unknown> =
    typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const merged: Record<string, unknown> = { ...defaults };
  // The schema's own keys, read from the record only where it has them: a stored key such as
  // "constructor" must not reach into Object.prototype for a schema.
  for (const key of Object.keys(settingsSchema.shape) as (keyof Settings)[]) {
    if (!Object.hasOwn(record, key)) continue;
    const parsed = settingsSchema.shape[key].safeParse(record[key]);
    if (parsed.success) merged[key] = parsed.data;
  }
  return settingsSchema.parse(merged);
}

export function applySettingsPatch(current: Settings, patch: SettingsPatch): Settings {
  return settingsSchema.parse({ ...current, ...patch });
}

/** The endpoints in force: build-time defaults with the user's overrides on top. */
export function effectiveEndpoints(build: BuildConfig, settings: Settings): Endpoints {
  const a = settings.advanced;
  const googleTokenUrl = a.googleTokenUrl ?? build.googleTokenUrl;
  const todoistMoved = a.todoistApiBase !== undefined && a.todoistApiBase !== build.todoistApiBase;
  return {
    googleApiBase: a.googleApiBase ?? build.googleApiBase,
    googleAuthUrl: a.googleAuthUrl ?? build.googleAuthUrl,
    googleTokenUrl,
    googleRevokeUrl: a.googleTokenUrl
      ? googleTokenUrl.replace(/\/token$/, '/revoke')
      : build.googleRevokeUrl,
    todoistApiBase: a.todoistApiBase ?? build.todoistApiBase,
    // Sign-in follows an API base that points elsewhere (an emulator serves both); the real
    // API's own address, typed in, keeps Todoist's real sign-in (app.todoist.com, not api.).
    todoistAuthUrl: todoistMoved ? `${a.todoistApiBase}/oauth/authorize` : build.todoistAuthUrl,
    todoistTokenUrl: todoistMoved
      ? `${a.todoistApiBase}/oauth/access_token`
      : build.todoistTokenUrl,
    relayUrl: settings.relayUrl,
  };
}

/** Origins (as optional-permission match patterns) the overrides need beyond the manifest's. */
export function originsOf(advanced: AdvancedSettings): string[] {
  const patterns = new Set<string>();
  for (const value of Object.values(advanced)) {
    if (!value) continue;
    const url = new URL(value);
    patterns.add(`${url.protocol}//${url.hostname}/*`);
  }
  return [...patterns];
}
