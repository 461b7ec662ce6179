// A Todoist account's refused writes in the popup: "1 change couldn’t be saved — Retry / Discard".
// Retry sends it again; Discard drops it, and the task keeps Todoist's version.
import { plural } from '../relative-time';
import type { FailedWrite } from '../todoist-writes-model';

export function FailedWrites(props: {
  failed: readonly FailedWrite[];
  busy: ReadonlySet<string>;
  onRetry: (outboxId: string) => void;
  onDiscard: (outboxId: string) => void;
}) {
  if (props.failed.length === 0) return null;
  const count = plural(props.failed.length, 'change');
  return (
    <div className="alert failed-writes" role="alert">
      <div>{count} couldn’t be saved</div>
      <ul>
        {props.failed.map((w) => (
          <li key={w.id} className="row spread" data-write={w.id}>
            <span className="what">
              <span title={w.what}>{w.what}</span>
              <span className="why" title={w.error}>
                {w.error}
              </span>
            </span>
            <span className="row">
              <button
                type="button"
                className="small"
                disabled={props.busy.has(w.id)}
                onClick={() => props.onRetry(w.id)}
              >
                Retry
              </button>
              <button
                type="button"
                className="small"
                disabled={props.busy.has(w.id)}
                onClick={() => props.onDiscard(w.id)}
              >
                Discard
              </button>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
