// Advanced: run-time overrides of the build-time endpoints (e.g. the local emulators). A host the
// manifest does not cover is requested as an optional host permission first — from this click,
// since permissions.request needs a user gesture.
import { useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { buildConfig } from '../../platform/build-config';
import {
  type AdvancedSettings,
  advancedSchema,
  originsOf,
  type Settings,
} from '../../platform/settings';
import { FormStatus } from '../components/form-status';
import { useAction } from '../hooks';
import { send } from '../messaging';
import { useDraftForm } from './draft-form';

const FIELDS: { key: keyof AdvancedSettings; label: string; fallback: () => string }[] = [
  {
    key: 'googleApiBase',
    label: 'Google Calendar API',
    fallback: () => buildConfig().googleApiBase,
  },
  {
    key: 'googleAuthUrl',
    label: 'Google authorize URL',
    fallback: () => buildConfig().googleAuthUrl,
  },
  {
    key: 'googleTokenUrl',
    label: 'Google token URL',
    fallback: () => buildConfig().googleTokenUrl,
  },
  { key: 'todoistApiBase', label: 'Todoist API', fallback: () => buildConfig().todoistApiBase },
];

const toValues = (s: Settings): Record<string, string> =>
  Object.fromEntries(FIELDS.map((f) => [f.key, s.advanced[f.key] ?? '']));

export function AdvancedSection(props: { settings: Settings }) {
  // Saves elsewhere (Sync, Tasks, another tab) update the fields the user has not touched.
  const draft = useDraftForm(toValues(props.settings));
  const values = draft.values;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const baseId = useId();

  const save = async (next: Record<string, string>) => {
    const overrides = Object.fromEntries(Object.entries(next).filter(([, v]) => v.trim() !== ''));
    const parsed = advancedSchema.safeParse(overrides);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setErrors({});
    const origins = originsOf(parsed.data);
    const done = await action.run(async () => {
      if (origins.length > 0 && !(await browser.permissions.request({ origins }))) {
        throw new Error('Almanac needs access to those hosts to use them.');
      }
      return send({ type: 'updateSettings', settings: { advanced: parsed.data } });
    });
    if (done !== undefined) {
      draft.commit(next);
      setSaved(true);
    }
  };

  return (
    <section aria-labelledby={`${baseId}-title`}>
      <details>
        <summary>
          <h2 id={`${baseId}-title`} style={{ display: 'inline' }}>
            Advanced
          </h2>
        </summary>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save(values);
          }}
          className="row"
          style={{ flexDirection: 'column', alignItems: 'stretch', marginTop: 12 }}
        >
          <p className="muted" style={{ margin: 0 }}>
            Endpoints Almanac talks to. Empty = the built-in default shown.
          </p>
          {FIELDS.map((f) => (
            <div className="field" key={f.key}>
              <label htmlFor={`${baseId}-${f.key}`}>{f.label}</label>
              <input
                id={`${baseId}-${f.key}`}
                type="url"
                placeholder={f.fallback()}
                value={values[f.key] ?? ''}
                onChange={(e) => {
                  setSaved(false);
                  draft.set({ [f.key]: e.target.value });
                }}
              />
              {errors[f.key] ? (
                <span className="invalid" role="alert">
                  {errors[f.key]}
                </span>
              ) : null}
            </div>
          ))}
          <div className="row">
            <button type="submit" className="primary" disabled={action.busy}>
              Save endpoints
            </button>
            <button
              type="button"
              disabled={action.busy}
              onClick={() => void save(Object.fromEntries(FIELDS.map((f) => [f.key, ''])))}
            >
              Reset to defaults
            </button>
            <FormStatus saved={saved} error={action.error} />
          </div>
        </form>
      </details>
    </section>
  );
}
