// spec §5: a task's web link. Its own module, free of the sync engine, because the new tab links
// every task with it: importing it from actions.ts pulled the whole Todoist engine (client,
// schemas, commands) into the new tab's bundle.
export function taskWebLink(taskId: string): string {
  return `https://app.todoist.com/app/task/${encodeURIComponent(taskId)}`;
}
