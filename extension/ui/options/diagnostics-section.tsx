// Diagnostics: the audit log (`runs`) and the daily counters (`metrics`) as one JSON download,
// and "reset and resync" (every cursor dropped; each scope re-lists in full).
import { useState } from 'react';
import { uiDb } from '../db';
import { useAction } from '../hooks';
import { send } from '../messaging';
import { ConfirmStep } from './confirm-step';

export async function diagnosticsJson(now: number): Promise<string> {
  const db = uiDb();
  const [runs, metrics, scopes] = await Promise.all([
    db.runs.toArray(),
    db.metrics.toArray(),
    db.scopes.toArray(),
  ]);
  return JSON.stringify(
    { exportedAt: new Date(now).toISOString(), runs, metrics, scopes },
    null,
    2,
  );
}

export function DiagnosticsSection() {
  const action = useAction();
  const [message, setMessage] = useState<string>();

  const download = () =>
    void action.run(async () => {
      const json = await diagnosticsJson(Date.now());
      const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `almanac-diagnostics-${new Date().toISOString().slice(0, 10)}.json`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    });

  const reset = async () => {
    const done = await action.run(async () => {
      await send({ type: 'resetAndResync' });
      setMessage('Re-syncing everything from scratch.');
      return true;
    });
    return done === true;
  };

  return (
    <section aria-labelledby="diagnostics-title">
      <h2 id="diagnostics-title">Diagnostics</h2>
      <div className="row">
        <button type="button" onClick={download} disabled={action.busy}>
          Export runs and metrics (JSON)
        </button>
        <ConfirmStep
          label="Reset and resync…"
          question="Fetch everything again?"
          confirmLabel="Reset and resync"
          busy={action.busy}
          onConfirm={reset}
        />
      </div>
      {message ? <p role="status">{message}</p> : null}
      {action.error ? (
        <div className="alert" role="alert">
          {action.error}
        </div>
      ) : null}
    </section>
  );
}
