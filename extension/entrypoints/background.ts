// The MV3 service worker: real platform dependencies in, everything else in platform/.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../platform/background-main';
import { buildConfig } from '../platform/build-config';
import { createConsoleLog } from '../platform/console-log';
import { createRandom, randomId } from '../platform/random';
import { createSecretVault } from '../platform/secret-vault';
import { createWebLock } from '../platform/web-lock';
import { openAlmanacStore } from '../store/open';

export default defineBackground(() => {
  const background = startBackground({
    api: browser,
    openStore: () => openAlmanacStore(),
    vault: createSecretVault(),
    fetch: (input, init) => fetch(input, init),
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    lock: createWebLock(navigator.locks),
    log: createConsoleLog('info'),
    random: createRandom(crypto),
    newId: () => randomId(crypto),
    subtle: crypto.subtle,
    getRandomValues: (a) => crypto.getRandomValues(a),
    build: buildConfig(),
    timers: {
      setInterval: (fn, ms) => setInterval(fn, ms),
      clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
    },
  });
  // The e2e tests (and anyone debugging in "Inspect views") reach the very functions the listeners
  // call; only code running inside this worker can see this global.
  Object.assign(globalThis, { __almanac: background });
});
