// Quick add from the new tab: the same `quickAdd` message as the context menu, to a Google
// calendar (Google's own quick-add parsing) or to Todoist (Todoist's quick-add syntax).
import { type FormEvent, type RefObject, useState } from 'react';
import { z } from 'zod';
import type { CalendarRecord, SourceRecord } from '../../store/records';
import { todoistScope } from '../../sync/scope';
import { describeError } from '../error-text';
import { send } from '../messaging';
import { calendarName } from './event-view';

export type QuickAddTarget = 'google' | 'todoist';

/** A stored sync error (ErrorInfo): its class and HTTP status say what happened in words. */
const errorSchema = z.looseObject({
  name: z.string().catch('Error'),
  message: z.string(),
  status: z.number().optional().catch(undefined),
});

/** What the background answers (platform/quick-add-outbox.ts QuickAddOutcome). */
const outcomeSchema = z.union([
  z.looseObject({ status: z.literal('created'), title: z.string(), link: z.string() }),
  z.looseObject({ status: z.literal('queued'), error: errorSchema }),
  z.looseObject({ status: z.literal('failed'), error: errorSchema }),
]);

/** Why an add failed, in words: the raw text ("HTTP 401") is the engine's, and an expired
 * sign-in needs saying what to do, as the notification does. */
function whyText(error: z.infer<typeof errorSchema>): string {
  if (error.name === 'AuthExpired')
    return 'the sign-in has expired. Sign in again, then add it again.';
  // A refusal with no HTTP status carries its reason in words: ours, before anything was sent
  // ("That calendar is no longer available."), or Todoist's for a refused command ("Invalid
  // argument value").
  if (error.name === 'RequestRejected' && error.status === undefined)
    return sentence(error.message);
  return sentence(describeError(error));
}

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

const WRITABLE = new Set(['owner', 'writer']);

interface QuickAddProps {
  readonly calendars: readonly CalendarRecord[];
  readonly sources: readonly SourceRecord[];
  readonly target: QuickAddTarget;
  readonly onTarget: (target: QuickAddTarget) => void;
  /** `n` focuses the text box. */
  readonly inputRef: RefObject<HTMLInputElement | null>;
}

export function QuickAdd(props: QuickAddProps) {
  const writable = props.calendars.filter((c) => WRITABLE.has(c.accessRole ?? ''));
  const todoist = props.sources.filter((s) => s.provider === 'todoist');
  const [calendarKey, setCalendarKey] = useState<string>();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const canGoogle = writable.length > 0;
  const canTodoist = todoist.length > 0;
  const target: QuickAddTarget =
    props.target === 'todoist' && canTodoist ? 'todoist' : canGoogle ? 'google' : 'todoist';
  const chosen = writable.find((c) => c.key === calendarKey) ?? writable[0];

  async function submit(event: FormEvent) {
    event.preventDefault();
    const value = text.trim();
    if (!value || busy) return;
    setBusy(true);
    setMessage(undefined);
    // The box is cleared of what was sent only: what the user typed while it was on its way
    // (the next entry) stays.
    const clearSent = () => setText((typed) => (typed.trim() === value ? '' : typed));
    try {
      const request =
        target === 'google'
          ? { target: 'google' as const, calendarKey: chosen?.key ?? '', text: value }
          : { target: 'todoist' as const, sourceId: todoist[0]?.id ?? '', text: value };
      const reply = outcomeSchema.parse(await send({ type: 'quickAdd', request }));
      if (reply.status === 'created') {
        clearSent();
        setMessage({ kind: 'ok', text: `Added “${reply.title}”.` });
        // Google's add is synced by the background; a Todoist add is not yet, so ask for it.
        if (target === 'todoist' && todoist[0]) {
          void send({ type: 'syncNow', scope: todoistScope(todoist[0].id).id }).catch(() => {});
        }
      } else if (reply.status === 'queued') {
        clearSent();
        setMessage({
          kind: 'ok',
          text: `Saved; it will be added when possible. ${sentence(describeError(reply.error))}`,
        });
      } else {
        setMessage({ kind: 'error', text: `Couldn’t add it: ${whyText(reply.error)}` });
      }
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  }

  if (!canGoogle && !canTodoist) return null;
  const placeholder =
    target === 'google' ? 'Lunch with Sam tomorrow 1pm' : 'Call the bank friday p1 #Home';
  return (
    <form className="quick-add" onSubmit={submit} aria-label="Quick add">
      <fieldset className="segmented">
        <legend className="visually-hidden">Add to</legend>
        <label className={target === 'google' ? 'on' : undefined}>
          <input
            type="radio"
            name="quick-add-target"
            value="google"
            checked={target === 'google'}
            disabled={!canGoogle}
            onChange={() => props.onTarget('google')}
          />
          Calendar
        </label>
        <label className={target === 'todoist' ? 'on' : undefined}>
          <input
            type="radio"
            name="quick-add-target"
            value="todoist"
            checked={target === 'todoist'}
            disabled={!canTodoist}
            onChange={() => props.onTarget('todoist')}
          />
          Todoist
        </label>
      </fieldset>
      {target === 'google' && writable.length > 1 ? (
        <select
          aria-label="Google calendar"
          value={chosen?.key}
          onChange={(e) => setCalendarKey(e.target.value)}
        >
          {writable.map((c) => (
            <option key={c.key} value={c.key}>
              {calendarName(c)}
            </option>
          ))}
        </select>
      ) : null}
      <input
        ref={props.inputRef}
        type="text"
        className="quick-add-text"
        aria-label={target === 'google' ? 'New event' : 'New task'}
        placeholder={placeholder}
        value={text}
        maxLength={1000}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className="primary" disabled={busy || text.trim() === ''}>
        {busy ? 'Adding…' : 'Add'}
      </button>
      <p className={`quick-add-result ${message?.kind ?? ''}`} role="status" aria-live="polite">
        {message?.text}
      </p>
    </form>
  );
}
