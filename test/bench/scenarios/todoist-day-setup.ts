// The todoist-day world: one account with 40 open tasks in two projects, a fixed plan of 30
// remote changes in 6 bursts of 5 (one a minute; made by a second client with its own token),
// and 10 local completions at fixed minutes. The remote client never touches the 20 tasks the
// local user completes, so every command has a live target (the bench measures traffic, not
// conflicts; conflicts are the engine tests' business).
import type { TodoistEmulator } from '../../emulators/todoist/index';
import { seededRandom } from '../../support/seeded-random';
import { createCommandSender } from '../../support/todoist-commands';
import { BENCH_USER } from '../env';

export const DAY_MINUTES = 24 * 60;
export const BURSTS = 6;
export const BURST_SIZE = 5;
export const LOCAL_COMPLETIONS = 10;
export const CHANGES = BURSTS * BURST_SIZE + LOCAL_COMPLETIONS;
const TASKS = 40;
const KINDS = ['add', 'update', 'complete', 'update', 'delete'] as const;

export interface TodoistWorld {
  /** Tasks only the local user completes. */
  readonly localTasks: readonly string[];
  /** Open tasks the remote client may change (kept up to date by applyRemote). */
  readonly remoteTasks: string[];
  command(
    type: string,
    args: Record<string, unknown>,
    tempId?: string,
  ): Promise<string | undefined>;
}

export async function setupTodoistWorld(todoist: TodoistEmulator): Promise<TodoistWorld> {
  const sendCommands = createCommandSender(todoist, todoist.issueToken(BENCH_USER));
  const send = async (commands: Record<string, unknown>[]) =>
    (await sendCommands(commands)).temp_id_mapping;
  let n = 0;
  const cmd = (type: string, args: Record<string, unknown>, tempId?: string) => ({
    type,
    uuid: `bench-${++n}`,
    args,
    ...(tempId ? { temp_id: tempId } : {}),
  });
  const setup = [
    cmd('project_add', { name: 'Work' }, 'work'),
    cmd('project_add', { name: 'Home' }, 'home'),
  ];
  for (let i = 0; i < TASKS; i++) {
    setup.push(
      cmd('item_add', { content: `Task ${i}`, project_id: i % 2 ? 'work' : 'home' }, `t${i}`),
    );
  }
  const mapping = await send(setup);
  const ids = Array.from({ length: TASKS }, (_, i) => mapping[`t${i}`] ?? '');
  return {
    localTasks: ids.slice(0, TASKS / 2),
    remoteTasks: ids.slice(TASKS / 2),
    async command(type, args, tempId) {
      const map = await send([cmd(type, args, tempId)]);
      return tempId === undefined ? undefined : map[tempId];
    },
  };
}

export interface PlannedRemote {
  readonly minute: number;
  readonly kind: (typeof KINDS)[number];
  readonly pick: number;
}

/** 6 bursts, starts at least 45 minutes apart, between 07:00 and 22:00 of the bench day. */
export function planRemote(seed = 2026): PlannedRemote[] {
  const random = seededRandom(seed);
  const starts: number[] = [];
  while (starts.length < BURSTS) {
    const start = 7 * 60 + Math.floor(random() * 15 * 60);
    if (starts.every((s) => Math.abs(s - start) >= 45)) starts.push(start);
  }
  return starts
    .sort((a, b) => a - b)
    .flatMap((start) => KINDS.map((kind, i) => ({ minute: start + i, kind, pick: random() })));
}

/** 10 distinct minutes between 08:00 and 23:00. */
export function planLocal(seed = 77): number[] {
  const random = seededRandom(seed);
  const minutes = new Set<number>();
  while (minutes.size < LOCAL_COMPLETIONS) minutes.add(8 * 60 + Math.floor(random() * 15 * 60));
  return [...minutes].sort((a, b) => a - b);
}

export async function applyRemote(world: TodoistWorld, change: PlannedRemote): Promise<void> {
  if (change.kind === 'add') {
    const id = await world.command(
      'item_add',
      { content: `Remote ${change.minute}` },
      `r${change.minute}`,
    );
    if (id) world.remoteTasks.push(id);
    return;
  }
  const index = Math.floor(change.pick * world.remoteTasks.length);
  const id = world.remoteTasks[index];
  if (id === undefined) return;
  if (change.kind === 'update') {
    await world.command('item_update', { id, content: `Edited at ${change.minute}` });
    return;
  }
  await world.command(change.kind === 'complete' ? 'item_close' : 'item_delete', { id });
  world.remoteTasks.splice(index, 1);
}
