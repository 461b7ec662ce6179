// The new tab's hooks: the live store read (re-run whenever a sync writes to the tables it reads:
// use-store-read.ts), the view in the URL hash, the page preferences, and the page's keys.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RawRead } from '../../store/agenda-raw-read';
import { AGENDA_ROW_TABLES, rowsServe } from '../../store/agenda-rows';
import type { AlmanacDb } from '../../store/db';
import { samePlainData } from '../../store/plain-equality';
import {
  type AgendaData,
  type AgendaRequest,
  loadAgendaData,
  shapeAgendaData,
  widestWindow,
} from './agenda-data';
import { peekPrimed, primeRead, takePrimed } from './agenda-prefetch';
import { type KeyAction, keyAction } from './keyboard';
import { pageStorage } from './page-storage';
import { type AgendaPrefs, loadPrefs, savePrefs } from './prefs';
import { useStoreRead } from './use-store-read';
import { parseViewHash, type ViewKind, type ViewState, viewHash } from './view-state';
import type { IsoDate } from './zone-days';

/** performance entries the bench reads (test/bench/scenarios/agenda.ts). */
export const QUERY_MEASURE = 'almanac:agenda:query';
export const DB_OPEN_MEASURE = 'almanac:agenda:db-open';
/** The page's phases up to its first frame with data, in order: its modules loaded and run; the
 * first view's rows in hand (the boot read, or Dexie's); React committed the view (and the layout
 * it forces); and that frame painted (next-paint.ts). */
export const MODULES_MARK = 'almanac:agenda:modules';
export const ROWS_MARK = 'almanac:agenda:rows';
export const COMMITTED_MARK = 'almanac:agenda:committed';
export const RENDERED_MARK = 'almanac:agenda:rendered';
/** The frame that painted the whole view: the list paints its first screen first and the rest
 * over the next frames, a time grid the hours it opens on and then the rest (render-budget.ts). */
export const COMPLETE_MARK = 'almanac:agenda:complete';

/** The tables the read touches (agenda-data.ts): a write to any of them re-runs it. */
const MAIN_TABLES = AGENDA_ROW_TABLES;

export type LiveResult =
  | { readonly state: 'loading' }
  | {
      readonly state: 'ready';
      /** The days the data was read for: until a new view's read arrives, the previous view
       * stays on screen whole, rather than its data spread over the new days. */
      readonly days: readonly IsoDate[];
      readonly data: AgendaData;
    }
  | { readonly state: 'error'; readonly error: Error };

type Read<T> =
  | { readonly key: string; readonly ok: true; readonly value: T }
  | { readonly key: string; readonly ok: false; readonly error: Error };

async function attempt<T>(key: string, read: () => Promise<T>): Promise<Read<T>> {
  try {
    return { key, ok: true, value: await read() };
  } catch (err) {
    return { key, ok: false, error: err instanceof Error ? err : new Error(String(err)) };
  }
}

type MainRead = Read<{
  readonly days: readonly IsoDate[];
  readonly data: AgendaData;
  /** Made from the boot read's rows: shown at once, then confirmed by a read through Dexie (a
   * write may have committed before this page's Dexie was listening for writes). */
  readonly unconfirmed?: true;
}>;

/** What the read depends on. */
function mainKey(request: AgendaRequest): string {
  return `${request.days.join(',')}|${request.zone}|${request.withOverdue ?? false}`;
}

/** Equal rows make equal data: a re-read that found nothing new does not re-render the page. */
function sameMain(a: MainRead, b: MainRead): boolean {
  return a.ok && b.ok && a.key === b.key && samePlainData(a.value.data.rows, b.value.data.rows);
}

function readMain(
  db: AlmanacDb,
  request: AgendaRequest,
  boot?: Promise<RawRead | undefined>,
  window = widestWindow(request),
): Promise<MainRead> {
  return attempt(mainKey(request), async () => {
    const raw = boot ? await boot : undefined;
    if (raw && rowsServe(raw.rows, widestWindow(request), request.withOverdue ?? false)) {
      performance.measure(DB_OPEN_MEASURE, { start: raw.openStart, end: raw.readStart });
      performance.measure(QUERY_MEASURE, {
        start: raw.readStart,
        end: raw.readEnd,
        detail: {
          key: mainKey(request),
          via: 'boot',
          window: raw.rows.window,
          earlier: raw.rows.earlier !== undefined,
        },
      });
      const data = shapeAgendaData(raw.rows, request);
      return { days: request.days, data, unconfirmed: true as const };
    }
    const t1 = performance.now();
    const data = await loadAgendaData(db, request, window);
    // Through Dexie, the wait for its connection is inside the read.
    performance.measure(QUERY_MEASURE, {
      start: t1,
      end: performance.now(),
      detail: {
        key: mainKey(request),
        via: 'dexie',
        window,
        earlier: request.withOverdue ?? false,
      },
    });
    return { days: request.days, data };
  });
}

/** Start the first view's read before React mounts (agenda-prefetch.ts), from the boot read's
 * rows if they cover it; settles (never rejects) when it is in. */
export function prefetchAgendaData(
  db: AlmanacDb,
  request: AgendaRequest,
  boot?: Promise<RawRead | undefined>,
): Promise<unknown> {
  return primeRead(db, MAIN_TABLES, mainKey(request), () => readMain(db, request, boot));
}

/** The view's data, live. Errors come back as a state instead of being thrown into React. */
export function useAgendaData(db: AlmanacDb, request: AgendaRequest): LiveResult {
  // `key` stands for the request (a new array each render).
  const key = mainKey(request);
  const main = useStoreRead(
    db,
    MAIN_TABLES,
    key,
    async () => {
      const primed = await takePrimed<MainRead>(key);
      if (!primed?.ok || !primed.value.unconfirmed) return primed ?? readMain(db, request);
      // Boot rows are confirmed by reading the same rows (the boot read's wider window) through
      // Dexie: unchanged rows then compare equal, and the page does not render the view again.
      return readMain(db, request, undefined, primed.value.data.rows.window);
    },
    peekPrimed<MainRead>(key),
    sameMain,
  );
  if (!main) return { state: 'loading' };
  if (!main.ok) return { state: 'error', error: main.error };
  const { days, data } = main.value;
  return { state: 'ready', days, data };
}

export function usePrefs(): [AgendaPrefs, (patch: Partial<AgendaPrefs>) => void] {
  const [prefs, setPrefs] = useState(() => loadPrefs(pageStorage()));
  const update = useCallback((patch: Partial<AgendaPrefs>) => {
    setPrefs((current) => {
      const next = { ...current, ...patch };
      savePrefs(pageStorage(), next);
      return next;
    });
  }, []);
  return [prefs, update];
}

/** The view and date, kept in `location.hash` (Back/Forward move between views). Parsed on
 * every render, so a tab opened without a hash keeps following today past midnight. */
export function useViewState(
  today: string,
  fallback: ViewKind,
): [ViewState, (next: ViewState) => void] {
  const [hash, setHash] = useState(() => globalThis.location?.hash ?? '');
  useEffect(() => {
    const onHash = () => setHash(globalThis.location.hash);
    globalThis.addEventListener?.('hashchange', onHash);
    return () => globalThis.removeEventListener?.('hashchange', onHash);
  }, []);
  const todayNow = useRef(today);
  todayNow.current = today;
  const go = useCallback((next: ViewState) => {
    const target = viewHash(next, todayNow.current);
    setHash(target);
    if (globalThis.location && globalThis.location.hash !== target) {
      globalThis.location.hash = target;
    }
  }, []);
  const state = useMemo(() => parseViewHash(hash, today, fallback), [hash, today, fallback]);
  return [state, go];
}

/** Where typed letters are text: text-like inputs, textareas, selects, contenteditable. */
function isTextField(target: HTMLElement | null): boolean {
  if (!target) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') {
    return true;
  }
  if (target.tagName !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type);
}

export function useKeyboard(onAction: (action: KeyAction, event: KeyboardEvent) => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const action = keyAction({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        inField: isTextField(target),
        arrowsTaken: target instanceof HTMLInputElement && target.type === 'radio',
      });
      if (action) onAction(action, event);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onAction]);
}
