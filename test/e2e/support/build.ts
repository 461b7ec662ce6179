// The e2e layer builds its OWN copy of the extension with the endpoints pointing at emulators it
// started on ephemeral ports (`npm test` builds .output/chrome-mv3 with the real defaults first).
// Build-time endpoints are the robust choice: the hosts land in host_permissions, so nothing has
// to click through a permission prompt, and the code under test is the production bundle.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export interface EndpointEnv {
  readonly googleUrl?: string;
  readonly todoistUrl?: string;
  readonly relayUrl?: string;
}

/** Builds into `.output/e2e-<name>/chrome-mv3` and returns that directory. */
export function buildExtension(name: string, endpoints: EndpointEnv): string {
  const outDir = path.resolve(`.output/e2e-${name}`);
  const env: NodeJS.ProcessEnv = { ...process.env, ALMANAC_OUT_DIR: outDir };
  if (endpoints.googleUrl) {
    env.ALMANAC_GOOGLE_API_BASE = endpoints.googleUrl;
    env.ALMANAC_GOOGLE_AUTH_BASE = endpoints.googleUrl;
  }
  if (endpoints.todoistUrl) env.ALMANAC_TODOIST_API_BASE = endpoints.todoistUrl;
  if (endpoints.relayUrl) env.ALMANAC_RELAY_URL = endpoints.relayUrl;
  const result = spawnSync('npx', ['wxt', 'build'], { env, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`wxt build failed:\n${result.stdout}\n${result.stderr}`);
  }
  return path.join(outDir, 'chrome-mv3');
}
