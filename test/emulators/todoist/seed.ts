import type { Seed } from '../common/control-routes';
import { type Command, executeBatch } from './commands/execute';
import type { TodoistStore, UserData } from './store';
import { todayIn } from './time';

/**
 * Seed data, built with the real command executors so it is exactly what a client could have
 * made. Dates are relative to the clock's "today" in the user's zone, so the demo always shows
 * a live week. Both seeds create the users `demo` (America/New_York) and `alex`
 * (Europe/Berlin); `empty` gives each only an Inbox.
 */
export function seedStore(store: TodoistStore, seed: Seed): void {
  const demo = store.createUser('demo', { timeZone: 'America/New_York', fullName: 'Demo User' });
  const alex = store.createUser('alex', { timeZone: 'Europe/Berlin', fullName: 'Alex Berg' });
  if (seed === 'empty') return;
  run(demo, demoCommands(demo));
  run(alex, alexCommands(alex));
}

function run(user: UserData, commands: Command[]): void {
  const result = executeBatch(user, commands);
  const failed = Object.entries(result.syncStatus).filter(([, s]) => s !== 'ok');
  if (failed.length > 0) throw new Error(`todoist seed failed: ${JSON.stringify(failed)}`);
  // Seeding is not the client's doing: its uuids must not shadow a test's.
  user.executed.clear();
}

/** Builds commands with sequential uuids; `ref` names a temp id. */
function builder(prefix: string) {
  const commands: Command[] = [];
  const add = (type: string, args: Record<string, unknown>, tempId?: string) => {
    commands.push({
      type,
      uuid: `${prefix}-${commands.length + 1}`,
      args,
      ...(tempId ? { temp_id: tempId } : {}),
    });
  };
  return { commands, add };
}

function demoCommands(user: UserData): Command[] {
  const today = todayIn(user.clock.now(), user.account.timeZone);
  const day = (n: number) => today.add({ days: n }).toString();
  const at = (n: number, time: string) => `${day(n)}T${time}:00`;
  const inbox = user.account.inboxProjectId;
  const { commands, add } = builder('seed-demo');

  add('project_add', { name: 'Work', color: 'blue' }, 'work');
  add('project_add', { name: 'Home', color: 'green' }, 'home');
  add('section_add', { name: 'This week', project_id: 'work' }, 'this-week');
  add('section_add', { name: 'Later', project_id: 'work' }, 'later');
  add('label_add', { name: 'errand', color: 'orange' });
  add('label_add', { name: 'deep-work', color: 'violet' });
  add('label_add', { name: 'waiting', color: 'grey' });

  const task = (args: Record<string, unknown>, tempId?: string) => add('item_add', args, tempId);
  task({
    content: 'Call the dentist',
    project_id: inbox,
    due: { date: day(0) },
    priority: 3,
    labels: ['errand'],
  });
  task({
    content: 'Buy groceries',
    project_id: inbox,
    due: { date: at(0, '18:00') },
    labels: ['errand'],
  });
  task({ content: 'Renew passport', project_id: inbox, due: { date: day(-1) }, priority: 4 });
  task({ content: 'Read "Designing Data-Intensive Applications"', project_id: inbox });
  task({
    content: 'Team standup',
    project_id: 'work',
    due: { string: 'every weekday' },
    labels: [],
  });
  task(
    {
      content: 'Draft Q3 planning doc',
      section_id: 'this-week',
      due: { date: at(1, '10:00') },
      priority: 4,
      labels: ['deep-work'],
      description: 'Outline goals, risks and staffing. Share with the leads before Friday.',
      duration: { amount: 90, unit: 'minute' },
    },
    'q3-doc',
  );
  task({
    content: 'Collect metrics from the dashboard',
    parent_id: 'q3-doc',
    due: { date: day(1) },
  });
  task({
    content: 'Review pull requests',
    section_id: 'this-week',
    due: { date: day(0) },
    labels: ['deep-work'],
  });
  task({
    content: 'Reply to Sam about the offsite',
    section_id: 'this-week',
    due: { date: day(2) },
    labels: ['waiting'],
  });
  task({
    content: 'Prepare slides for the demo',
    section_id: 'this-week',
    due: { date: at(3, '14:00') },
    priority: 3,
  });
  task({ content: 'Update onboarding checklist', section_id: 'later' });
  task(
    { content: 'Submit expense report', project_id: 'work', due: { date: day(-1) } },
    'expenses',
  );
  add('item_complete', { id: 'expenses' });
  task({ content: 'Water the plants', project_id: 'home', due: { date: day(2) } });
  task({
    content: 'Fix the leaking tap',
    project_id: 'home',
    due: { date: day(4) },
    priority: 2,
    labels: ['errand'],
  });
  task({
    content: 'Plan weekend trip',
    project_id: 'home',
    due: { date: day(5) },
    labels: ['waiting'],
  });
  task({
    content: 'Pay electricity bill',
    project_id: 'home',
    due: { date: day(1) },
    deadline: { date: day(3) },
    priority: 3,
  });
  return commands;
}

function alexCommands(user: UserData): Command[] {
  const today = todayIn(user.clock.now(), user.account.timeZone);
  const { commands, add } = builder('seed-alex');
  add('project_add', { name: 'Side project', color: 'red' }, 'side');
  add('label_add', { name: 'errand' });
  add('item_add', {
    content: 'Sketch the landing page',
    project_id: 'side',
    due: { date: today.toString() },
  });
  add('item_add', {
    content: 'Pick up parcel',
    due: { date: today.add({ days: 1 }).toString() },
    labels: ['errand'],
  });
  return commands;
}
