// The new tab's own preferences ("show completed tasks" is a shared setting, not one of them),
// kept in this page's localStorage: read synchronously, so the
// first paint already uses them. Validated with zod; a field that no longer parses takes its
// default instead of breaking the page.
import { z } from 'zod';
import { PREFS_KEY } from './prefs-key';
import { VIEWS } from './view-state';

export { PREFS_KEY };

export const prefsSchema = z.strictObject({
  /** Events the user declined: shown dimmed, or not at all. */
  declined: z.enum(['dim', 'hide']),
  /** The view a new tab opens with. */
  view: z.enum(VIEWS),
  /** Where quick add goes when the page opens. */
  quickAddTarget: z.enum(['google', 'todoist']),
});
export type AgendaPrefs = z.infer<typeof prefsSchema>;

export const DEFAULT_PREFS: AgendaPrefs = {
  declined: 'dim',
  view: 'agenda',
  quickAddTarget: 'google',
};

export function parsePrefs(stored: string | null): AgendaPrefs {
  let value: unknown;
  try {
    value = stored === null ? {} : JSON.parse(stored);
  } catch {
    value = {};
  }
  const record = typeof value === 'object' && value !== null ? value : {};
  const merged: Record<string, unknown> = { ...DEFAULT_PREFS };
  for (const [key, field] of Object.entries(prefsSchema.shape)) {
    const parsed = field.safeParse((record as Record<string, unknown>)[key]);
    if (parsed.success) merged[key] = parsed.data;
  }
  return prefsSchema.parse(merged);
}

export function loadPrefs(storage: Pick<Storage, 'getItem'> | undefined): AgendaPrefs {
  try {
    return parsePrefs(storage?.getItem(PREFS_KEY) ?? null);
  } catch {
    return DEFAULT_PREFS;
  }
}

export function savePrefs(storage: Pick<Storage, 'setItem'> | undefined, prefs: AgendaPrefs) {
  try {
    storage?.setItem(PREFS_KEY, JSON.stringify(prefsSchema.parse(prefs)));
  } catch {
    // Storage full or disabled: the choice lasts for this page only.
  }
}
