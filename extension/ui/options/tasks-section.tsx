// Todoist task preferences. "Show completed tasks" is the `showCompletedTasks` setting: the
// engine keeps checked tasks either way, and the task lists (the new tab) read this to decide
// whether to show them. Saved at once, through the background like every setting.
import { useId } from 'react';
import type { Settings } from '../../platform/settings';
import { FormStatus } from '../components/form-status';
import { useBooleanSetting } from '../hooks';
import { send } from '../messaging';

export function TasksSection(props: { settings: Settings }) {
  const id = useId();
  const showCompleted = useBooleanSetting(props.settings.showCompletedTasks, (value) =>
    send({ type: 'updateSettings', settings: { showCompletedTasks: value } }),
  );
  return (
    <section aria-labelledby="tasks-title">
      <h2 id="tasks-title">Tasks</h2>
      <div className="row">
        <input
          id={id}
          type="checkbox"
          checked={showCompleted.value}
          onChange={(e) => showCompleted.set(e.target.checked)}
        />
        <label htmlFor={id}>Show completed tasks</label>
        <FormStatus error={showCompleted.error} />
      </div>
      <p className="hint muted">
        Completed Todoist tasks stay in lists, checked off, instead of disappearing.
      </p>
    </section>
  );
}
