// Small React hooks shared by the popup and the options page.
import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { Status } from '../platform/messages';
import type { Settings } from '../platform/settings';
import { SETTINGS_KEY } from '../platform/settings-store';
import { send } from './messaging';
import { readSettings } from './settings-read';

/** The current time, re-read every `everyMs` so "3 minutes ago" stays true, and as soon as the
 * page is looked at again: timers stop while the computer sleeps and are throttled in a hidden
 * tab, so a page left open overnight showed yesterday until its next tick. */
export function useNow(everyMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const id = setInterval(tick, everyMs);
    const onShown = () => {
      if (document.visibilityState === 'visible') tick();
    };
    document.addEventListener('visibilitychange', onShown);
    globalThis.addEventListener('focus', tick);
    globalThis.addEventListener('pageshow', tick);
    return () => {
      clearInterval(id);
      document.removeEventListener('visibilitychange', onShown);
      globalThis.removeEventListener('focus', tick);
      globalThis.removeEventListener('pageshow', tick);
    };
  }, [everyMs]);
  return now;
}

/** The background's status; `refresh` after any action. Re-asked when `deps` change. A failed
 * ask (no answer, or one this page can't read: ui/messaging.ts) keeps the last good status and
 * says why in `error`, for a page that shows it; the next good answer clears it. */
export function useStatus(...deps: unknown[]): {
  status: Status | undefined;
  error: string | undefined;
  refresh: () => void;
} {
  const [status, setStatus] = useState<Status>();
  const [error, setError] = useState<string>();
  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-ask when the caller's data changes.
  useEffect(() => {
    let live = true;
    send({ type: 'getStatus' }).then(
      (s) => {
        if (!live) return;
        setStatus(s);
        setError(undefined);
      },
      (err: unknown) => live && setError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
  }, [tick, ...deps]);
  return { status, error, refresh: useCallback(() => setTick((t) => t + 1), []) };
}

/** Settings as stored (validated, defaults filled in), live across pages. */
export function useSettings(): Settings | undefined {
  const [settings, setSettings] = useState<Settings>();
  useEffect(() => {
    let live = true;
    const read = () =>
      void readSettings().then(
        (value) => live && setSettings(value),
        () => undefined, // storage unreadable: the page keeps what it has (its defaults)
      );
    read();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && SETTINGS_KEY in changes) read();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return settings;
}

/** Runs an async action with a busy flag and its error message. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = useCallback(async <T>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(undefined);
    try {
      return await action();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run, clearError: () => setError(undefined) };
}

/**
 * A boolean setting as a control shows it: flips at once on change and stays flipped until the
 * saved value (read live through useSettings) catches up, instead of lagging a round trip through
 * the background behind the click; reverts if the save fails, with the error to show.
 */
export function useBooleanSetting(
  saved: boolean,
  save: (value: boolean) => Promise<unknown>,
): { value: boolean; set: (value: boolean) => void; error: string | undefined } {
  const [pending, setPending] = useState<boolean>();
  const action = useAction();
  useEffect(() => {
    if (pending === saved) setPending(undefined);
  }, [pending, saved]);
  const set = (value: boolean) => {
    setPending(value);
    void action.run(async () => {
      try {
        await save(value);
      } catch (error) {
        setPending(undefined);
        throw error;
      }
    });
  };
  return { value: pending ?? saved, set, error: action.error };
}
