// Sync settings: the events window, the safety-poll interval, the relay URL (with the relay's
// live state) and the conflict policy. Validated with the same zod schema the background applies.
// A relay host the manifest does not cover is requested as an optional host permission from the
// Save click (permissions.request needs a user gesture).
import { useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { CONFLICT_POLICIES, type Settings, settingsPatchSchema } from '../../platform/settings';
import { FormStatus } from '../components/form-status';
import { useAction } from '../hooks';
import { send } from '../messaging';
import { useDraftForm } from './draft-form';
import { RelayStatusLine } from './relay-status';

const POLICY_LABELS: Record<(typeof CONFLICT_POLICIES)[number], string> = {
  ask: 'Ask me',
  'remote-wins': 'Keep the provider’s version',
  'local-wins': 'Keep my local edit',
  'newest-wins': 'Keep the newest change',
};

type Form = {
  backDays: string;
  aheadDays: string;
  poll: string;
  relayUrl: string;
  conflictPolicy: Settings['conflictPolicy'];
};

const toForm = (s: Settings): Form => ({
  backDays: String(s.syncWindow.backDays),
  aheadDays: String(s.syncWindow.aheadDays),
  poll: String(s.safetyPollMinutes),
  relayUrl: s.relayUrl,
  conflictPolicy: s.conflictPolicy,
});

export function SyncSection(props: { settings: Settings }) {
  // Saves elsewhere (Tasks, Advanced, another tab) update the fields the user has not touched.
  const draft = useDraftForm(toForm(props.settings));
  const form = draft.values;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [saves, setSaves] = useState(0);
  const action = useAction();
  const ids = { back: useId(), ahead: useId(), poll: useId(), relay: useId(), policy: useId() };

  const set = (patch: Partial<Form>) => {
    setSaved(false);
    draft.set(patch);
  };
  const submit = async () => {
    const parsed = settingsPatchSchema.safeParse({
      syncWindow: { backDays: Number(form.backDays), aheadDays: Number(form.aheadDays) },
      safetyPollMinutes: Number(form.poll),
      relayUrl: form.relayUrl.trim(),
      conflictPolicy: form.conflictPolicy,
    });
    if (!parsed.success) {
      setErrors(
        Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message] as const)),
      );
      return;
    }
    setErrors({});
    const submitted = form;
    const relayUrl = parsed.data.relayUrl ?? '';
    const done = await action.run(async () => {
      if (relayUrl !== '' && relayUrl !== props.settings.relayUrl) {
        const { protocol, hostname } = new URL(relayUrl);
        const origins = [`${protocol}//${hostname}/*`];
        if (!(await browser.permissions.request({ origins }))) {
          throw new Error('Almanac needs access to the relay’s host to use it.');
        }
      }
      return send({ type: 'updateSettings', settings: parsed.data });
    });
    if (done !== undefined) {
      draft.commit(submitted);
      setSaved(true);
      setSaves((n) => n + 1);
    }
  };
  const invalid = (key: string) =>
    errors[key] ? (
      <span className="invalid" role="alert">
        {errors[key]}
      </span>
    ) : null;

  return (
    <section aria-labelledby="sync-title">
      <h2 id="sync-title">Sync</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        className="row"
        style={{ flexDirection: 'column', alignItems: 'stretch' }}
      >
        <div className="field">
          <label htmlFor={ids.back}>Keep past events (days)</label>
          <input
            id={ids.back}
            type="number"
            min={1}
            max={365}
            value={form.backDays}
            onChange={(e) => set({ backDays: e.target.value })}
          />
          {invalid('syncWindow.backDays')}
        </div>
        <div className="field">
          <label htmlFor={ids.ahead}>Keep future events (days)</label>
          <input
            id={ids.ahead}
            type="number"
            min={7}
            max={730}
            value={form.aheadDays}
            onChange={(e) => set({ aheadDays: e.target.value })}
          />
          {invalid('syncWindow.aheadDays')}
          <span className="hint muted">
            A new window applies with a full re-sync, started on save.
          </span>
        </div>
        <div className="field">
          <label htmlFor={ids.poll}>Check for changes every (minutes)</label>
          <input
            id={ids.poll}
            type="number"
            min={1}
            max={1440}
            value={form.poll}
            onChange={(e) => set({ poll: e.target.value })}
          />
          {invalid('safetyPollMinutes')}
          <span className="hint muted">
            The safety poll. With a live relay, Todoist changes arrive within seconds and its
            accounts are checked hourly.
          </span>
        </div>
        <div className="field">
          <label htmlFor={ids.relay}>Relay URL</label>
          <input
            id={ids.relay}
            type="url"
            placeholder="none"
            value={form.relayUrl}
            onChange={(e) => set({ relayUrl: e.target.value })}
          />
          {invalid('relayUrl')}
          <RelayStatusLine saved={saves} />
        </div>
        <div className="field">
          <label htmlFor={ids.policy}>When an event changed on both sides</label>
          <select
            id={ids.policy}
            value={form.conflictPolicy}
            onChange={(e) => set({ conflictPolicy: e.target.value as Form['conflictPolicy'] })}
          >
            {CONFLICT_POLICIES.map((p) => (
              <option key={p} value={p}>
                {POLICY_LABELS[p]}
              </option>
            ))}
          </select>
          <span className="hint muted">Stored now; used once two-way sync arrives.</span>
        </div>
        <div className="row">
          <button type="submit" className="primary" disabled={action.busy}>
            Save
          </button>
          <FormStatus saved={saved} error={action.error} />
        </div>
      </form>
    </section>
  );
}
