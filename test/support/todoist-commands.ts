// A second Todoist client's write path: one `POST /api/v1/sync` carrying commands, through the
// emulator's front door with its own token. Any failure throws — a test or bench world is set up
// by these commands, so a refused one is a broken world, never a result.
import type { TodoistEmulator } from '../emulators/todoist/index';

export interface CommandsAnswer {
  readonly sync_status: Record<string, unknown>;
  readonly temp_id_mapping: Record<string, string>;
}

/** Sends commands (each already carrying its uuid) as `token`'s user. */
export type SendCommands = (
  commands: readonly Record<string, unknown>[],
) => Promise<CommandsAnswer>;

export function createCommandSender(todoist: TodoistEmulator, token: string): SendCommands {
  return async (commands) => {
    const res = await todoist.fetch('https://api.todoist.com/api/v1/sync', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ commands }),
    });
    const answer = (await res.json()) as CommandsAnswer;
    if (!res.ok) throw new Error(`commands → ${res.status} ${JSON.stringify(answer)}`);
    const failed = Object.values(answer.sync_status).filter((s) => s !== 'ok');
    if (failed.length > 0) throw new Error(`command failed: ${JSON.stringify(failed)}`);
    return answer;
  };
}
