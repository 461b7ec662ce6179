// The new tab's first script starts its store read here (see store/agenda-raw-read.ts for why):
// the first view's window from the hash, the saved view and the system zone, then plain
// IndexedDB. Imports nothing heavy: no React, Dexie, zod or Temporal.
import type { RawRead } from '../../store/agenda-raw-read';
import { readAgendaRowsRaw } from '../../store/agenda-raw-read';
import { DB_NAME } from '../../store/db-name';
import { bootView, bootWindow } from './boot-window';
import { pageStorage } from './page-storage';
import { PREFS_KEY } from './prefs-key';

function savedView(): unknown {
  try {
    const stored: unknown = JSON.parse(pageStorage()?.getItem(PREFS_KEY) ?? 'null');
    return typeof stored === 'object' && stored !== null
      ? (stored as { view?: unknown }).view
      : undefined;
  } catch {
    return undefined; // the page's own prefs parsing reports nothing either: defaults apply
  }
}

/** Never rejects; undefined when the page must read through Dexie instead. `onRevision` hears
 * the store's agenda revision first, or undefined when it was not read. */
export function startBootRead(
  onRevision: (revision: string | undefined) => void = () => undefined,
): Promise<RawRead | undefined> {
  const input = {
    hash: globalThis.location?.hash ?? '',
    savedView: savedView(),
    nowMs: Date.now(),
    zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
  const window = bootWindow(input);
  const api =
    typeof indexedDB === 'undefined'
      ? undefined
      : { indexedDB, IDBKeyRange: globalThis.IDBKeyRange };
  if (!window) {
    onRevision(undefined);
    return Promise.resolve(undefined);
  }
  // The agenda list of a window with now in it may show today, so its overdue group: read the
  // overdue candidates too (the grids show no overdue group).
  const earlier =
    bootView(input) === 'agenda' && window.startMs <= input.nowMs && input.nowMs < window.endMs;
  return readAgendaRowsRaw(api, DB_NAME, window, earlier, onRevision);
}
