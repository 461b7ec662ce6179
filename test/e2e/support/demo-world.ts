// The Google and Todoist emulators seeded with the demo week, served on free ports, and the
// built extension pointed at them in Chromium running in `zone` — what the new tab's e2e tests
// start from.
import { type RunningServer, startServer } from '../../emulators/common/node-server';
import { createGoogleEmulator, type GoogleEmulator } from '../../emulators/google/index';
import { createTodoistEmulator, type TodoistEmulator } from '../../emulators/todoist/index';
import { type ExtensionBrowser, launchWithExtension } from './browser';
import { buildExtension } from './build';

export interface DemoWorld {
  readonly google: GoogleEmulator;
  readonly todoist: TodoistEmulator;
  /** [Google, Todoist]. */
  readonly servers: readonly [RunningServer, RunningServer];
  readonly browser: ExtensionBrowser;
  close(): Promise<void>;
}

/** `name`: the build's own (test/e2e/support/build.ts), unique per test file. */
export async function startDemoWorld(name: string, zone: string): Promise<DemoWorld> {
  const google = createGoogleEmulator({ seed: 'demo' });
  const todoist = createTodoistEmulator({ seed: 'demo' });
  const servers = [
    await startServer(google.app, { port: 0 }),
    await startServer(todoist.app, { port: 0 }),
  ] as const;
  const dir = buildExtension(name, { googleUrl: servers[0].url, todoistUrl: servers[1].url });
  const browser = await launchWithExtension({ extensionDir: dir, env: { TZ: zone } });
  return {
    google,
    todoist,
    servers,
    browser,
    async close() {
      await browser.close();
      for (const s of servers) await s.close();
    },
  };
}
