/// <reference types="@cloudflare/vitest-pool-workers/types" />
import type { RelayWorkerEnv } from '../../relay/worker-env';

declare global {
  namespace Cloudflare {
    // `env` from cloudflare:workers carries the relay's bindings (wrangler.toml) and the test
    // values vitest.config.ts gives its variables.
    interface Env extends RelayWorkerEnv {}
  }
}
