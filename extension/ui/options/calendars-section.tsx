// Calendars per Google account, with checkboxes and their colors. Unchecking removes that
// calendar's events from this browser (the store drops them with its cursor in one transaction).
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { CalendarRecord, ScopeState } from '../../store/records';
import { isCalendarSelected } from '../../store/selection';
import { calendarListScope } from '../../sync/scope';
import { uiDb } from '../db';
import { useAction } from '../hooks';
import { send } from '../messaging';
import { CalendarListNotice } from './calendar-list-notice';

const ROLE_NOTE: Record<string, string> = {
  reader: 'read-only',
  freeBusyReader: 'free/busy only',
};

export function CalendarsSection() {
  const data = useLiveQuery(async () => {
    const db = uiDb();
    const [sources, calendars] = await Promise.all([db.sources.toArray(), db.calendars.toArray()]);
    const google = sources.filter((s) => s.provider === 'google');
    // Each account's calendar-list state: why the list may still be empty.
    const lists = await db.scopes.bulkGet(google.map((s) => calendarListScope(s.id).id));
    const listState = new Map<string, ScopeState | undefined>(
      google.map((s, i) => [s.id, lists[i]]),
    );
    return { sources: google, calendars, listState };
  }, []);
  const action = useAction();
  // The box flips at once and stays so until the store shows the change (or the background
  // refuses it). It used to fall back on the background's answer, which comes before the
  // store's change reaches this page: the box showed its old state for a moment.
  const [pending, setPending] = useState<ReadonlyMap<string, boolean>>(new Map());
  const [retrying, setRetrying] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    if (!data) return;
    setPending((p) => {
      const next = new Map(p);
      for (const [key, selected] of p) {
        const calendar = data.calendars.find((c) => c.key === key);
        if (!calendar || isCalendarSelected(calendar) === selected) next.delete(key);
      }
      return next.size === p.size ? p : next;
    });
  }, [data]);
  if (!data) return null;
  const retryList = (sourceId: string) => {
    setRetrying((r) => new Set(r).add(sourceId));
    void action
      .run(() => send({ type: 'syncNow', scope: calendarListScope(sourceId).id }))
      .finally(() =>
        setRetrying((r) => {
          const next = new Set(r);
          next.delete(sourceId);
          return next;
        }),
      );
  };
  const toggle = (c: CalendarRecord, selected: boolean) => {
    setPending((p) => new Map(p).set(c.key, selected));
    const settle = () =>
      setPending((p) => {
        const next = new Map(p);
        next.delete(c.key);
        return next;
      });
    // Settled by the store's change (the effect above), or here when the background refuses: the
    // box shows the store's state again. (The box showed the store's state when it flipped, so
    // an accepted change always reaches the store.)
    void action.run(async () => {
      try {
        await send({ type: 'setCalendarSelected', calendarKey: c.key, selected });
      } catch (err) {
        settle();
        throw err;
      }
    });
  };

  return (
    <section aria-labelledby="calendars-title">
      <h2 id="calendars-title">Calendars</h2>
      <p className="muted">Unchecking a calendar removes its events from this browser.</p>
      {action.error ? (
        <div className="alert" role="alert">
          {action.error}
        </div>
      ) : null}
      {data.sources.length === 0 ? <p className="muted">Connect a Google account first.</p> : null}
      {data.sources.map((source) => {
        const mine = data.calendars
          .filter((c) => c.sourceId === source.id)
          .sort(
            (a, b) =>
              Number(b.primary) - Number(a.primary) ||
              (a.summaryOverride ?? a.summary).localeCompare(b.summaryOverride ?? b.summary),
          );
        return (
          <fieldset key={source.id}>
            <legend>{source.label ?? source.id}</legend>
            <CalendarListNotice
              state={data.listState.get(source.id)}
              hasCalendars={mine.length > 0}
              retrying={retrying.has(source.id)}
              onRetry={() => retryList(source.id)}
            />
            {mine.map((c) => (
              <div className="calendar-choice" key={c.key}>
                <label>
                  <input
                    type="checkbox"
                    checked={pending.get(c.key) ?? isCalendarSelected(c)}
                    disabled={pending.has(c.key)}
                    onChange={(e) => toggle(c, e.target.checked)}
                  />
                  <span
                    className="swatch"
                    style={{ background: c.backgroundColor }}
                    aria-hidden="true"
                  />
                  <span>
                    {c.summaryOverride ?? c.summary}
                    {c.primary ? <span className="muted"> · primary</span> : null}
                    {c.accessRole && ROLE_NOTE[c.accessRole] ? (
                      <span className="muted"> · {ROLE_NOTE[c.accessRole]}</span>
                    ) : null}
                    {c.hidden ? <span className="muted"> · hidden in Google Calendar</span> : null}
                  </span>
                </label>
              </div>
            ))}
          </fieldset>
        );
      })}
    </section>
  );
}
