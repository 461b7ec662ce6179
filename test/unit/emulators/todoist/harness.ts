import { ManualClock } from '../../../emulators/common/clock';
import {
  createTodoistEmulator,
  type TodoistEmulator,
  type TodoistEmulatorOptions,
} from '../../../emulators/todoist';

export const BASE = 'https://api.todoist.com';
/** Wednesday 2025-03-05 15:00 UTC = 10:00 in New York. */
export const START = Date.UTC(2025, 2, 5, 15, 0, 0);

export interface Harness {
  emu: TodoistEmulator;
  clock: ManualClock;
  token: string;
  /** POST /api/v1/sync with a JSON body; answers status and parsed JSON. */
  sync(body: Record<string, unknown>, token?: string): Promise<{ status: number; json: SyncJson }>;
  /** POST /api/v1/sync form-encoded (arrays as JSON strings, as Todoist's form API takes). */
  syncForm(fields: Record<string, unknown>): Promise<{ status: number; json: SyncJson }>;
  call(path: string, init?: RequestInit): Promise<{ status: number; json: SyncJson }>;
}

// Tests read the answers loosely on purpose: the shape is what is under test.
// biome-ignore lint/suspicious/noExplicitAny: JSON answers are checked field by field.
export type SyncJson = Record<string, any>;

export function harness(opts: TodoistEmulatorOptions & { start?: number } = {}): Harness {
  const clock = new ManualClock(opts.start ?? START);
  const emu = createTodoistEmulator({ clock, ...opts });
  const token = emu.issueToken('demo');
  const call = async (path: string, init: RequestInit = {}, auth = token) => {
    const headers = new Headers(init.headers);
    if (!headers.has('authorization') && auth !== '')
      headers.set('authorization', `Bearer ${auth}`);
    const res = await emu.fetch(`${BASE}${path}`, { ...init, headers });
    const text = await res.text();
    return { status: res.status, json: text === '' ? undefined : JSON.parse(text) };
  };
  return {
    emu,
    clock,
    token,
    call: (path, init) => call(path, init),
    sync: (body, auth = token) =>
      call(
        '/api/v1/sync',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        },
        auth,
      ),
    syncForm: (fields) => {
      const form = new URLSearchParams();
      for (const [k, v] of Object.entries(fields))
        form.set(k, typeof v === 'string' ? v : JSON.stringify(v));
      return call('/api/v1/sync', { method: 'POST', body: form });
    },
  };
}

let n = 0;
/** A command with a fresh uuid. */
export function cmd(type: string, args: Record<string, unknown>, tempId?: string) {
  n++;
  return { type, uuid: `uuid-${n}-${type}`, args, ...(tempId ? { temp_id: tempId } : {}) };
}
