// sw-lifetime: does the relay's SSE stream keep the MV3 service worker alive in Chromium
// (DESIGN §4 left it to be measured)? The built extension (Todoist emulator + the relay's own app
// and hub code in memory, over real HTTP) is connected to Todoist once through its options page
// with Playwright; then, per variant, Debian Chromium is started on that profile with NO DevTools
// client attached (an attached session keeps a worker alive; test/bench/chromium-raw.ts) and the
// extension's service_worker target is looked for in /json/list once a second. Variants:
// - `stream`: what ships. The relay writes `: ping` every 20 s (RELAY_PING_MS); on bytes the
//   client calls runtime.getPlatformInfo (relay-client.ts onActivity), which resets the worker's
//   30 s idle timer.
// - `stream-silent`: the same stream with the pings swallowed at the relay — an open fetch() and
//   nothing else: does the pending request by itself keep the worker alive?
// - `relay-down` (control): the relay stops once the stream is open; the worker has nothing left
//   to do, so it must be seen to stop, or the method could not see stops at all.
// The stream variants end with a probe: another client adds a task, and `sync-latency-ms` is the
// time from that change to the extension's own /api/v1/sync (webhook → relay → stream → push
// router's 1.5 s debounce → engine); a stopped worker holds no stream, so it misses the change.
// Found (Chromium 156): the open fetch counts for nothing — silent, the worker stops 30 s after
// its last API call and its stream dies with it; pings alone (a scratch build without the
// getPlatformInfo call) end the same way. What keeps it alive is the API call on each ping.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RELAY_ROUTES } from '../../../shared/relay-protocol';
import { buildExtension } from '../../e2e/support/build';
import { type RunningServer, startServer } from '../../emulators/common/node-server';
import { createTodoistEmulator, type TodoistEmulator } from '../../emulators/todoist/index';
import {
  delay,
  extensionWorker,
  launchSetupContext,
  type RawChromium,
  spawnChromium,
} from '../chromium-raw';
import type { BenchRow } from '../measure';
import { type MeteredRelay, type RelayMeter, startMeteredRelay } from './sw-lifetime-relay';

export const SCENARIO = 'sw-lifetime';
const SECRETS = { todoistClientSecret: 'bench-sw-client-secret', signingKey: 'bench-sw-key' };
type Variant = 'stream' | 'stream-silent' | 'relay-down';

export interface SwLifetimeOptions {
  /** Seconds each variant is watched from the browser's start (the probe comes after). */
  readonly seconds?: Partial<Record<Variant, number>>;
  /** Gets one line per variant, a second-by-second timeline: `|` worker up and stream open, `#`
   * worker up without a stream, `.` worker down, `:` worker down but the stream still open. */
  readonly log?: (line: string) => void;
}
const SECONDS: Record<Variant, number> = { stream: 180, 'stream-silent': 150, 'relay-down': 90 };
const PROBE_TIMEOUT_MS = 20_000;

interface Sample {
  readonly at: number;
  readonly alive: boolean;
  readonly streams: number;
}

interface World {
  readonly todoist: TodoistEmulator;
  readonly relay: MeteredRelay;
  readonly profile: string;
  readonly extensionDir: string;
  readonly extensionId: string;
  /** Another Todoist client (a phone) adding one task. */
  readonly phoneAdd: (content: string) => Promise<void>;
}

export async function swLifetime(opts: SwLifetimeOptions = {}): Promise<BenchRow[]> {
  const seconds = { ...SECONDS, ...opts.seconds };
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    const todoist = createTodoistEmulator({ seed: 'demo' });
    const server: RunningServer = await startServer(todoist.app, { port: 0 });
    cleanups.push(server.close);
    const relay = await startMeteredRelay(SECRETS);
    cleanups.push(relay.close);
    todoist.setWebhook({
      url: relay.url + RELAY_ROUTES.todoistHook,
      clientSecret: SECRETS.todoistClientSecret,
    });
    const extensionDir = buildExtension('bench-sw-lifetime', {
      todoistUrl: server.url,
      relayUrl: relay.url,
    });
    const profile = await mkdtemp(path.join(tmpdir(), 'almanac-sw-lifetime-'));
    cleanups.push(() => rm(profile, { recursive: true, force: true }));
    const extensionId = await connectTodoist(profile, extensionDir, relay);
    const token = todoist.issueToken('demo');
    const phoneAdd = async (content: string) => {
      const res = await fetch(`${server.url}/api/v1/sync`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          commands: [
            { type: 'item_add', uuid: crypto.randomUUID(), temp_id: 't', args: { content } },
          ],
        }),
      });
      if (!res.ok) throw new Error(`phone item_add: HTTP ${res.status}`);
    };
    const world: World = { todoist, relay, profile, extensionDir, extensionId, phoneAdd };
    const rows: BenchRow[] = [];
    // relay-down last: it takes the relay away for good.
    for (const variant of ['stream', 'stream-silent', 'relay-down'] as const) {
      const { rows: got, samples } = await watchVariant(world, variant, seconds[variant]);
      rows.push(...got);
      opts.log?.(`${variant}: ${timeline(samples)}`);
    }
    return rows;
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  }
}

/** Setup with Playwright: Connect Todoist (OAuth against the emulator) until the options page
 * says Live — the account is linked at the relay and the stream is open. */
async function connectTodoist(
  profile: string,
  extensionDir: string,
  relay: MeteredRelay,
): Promise<string> {
  const setup = await launchSetupContext(profile, extensionDir);
  try {
    const page = await setup.context.newPage();
    await page.goto(`chrome-extension://${setup.extensionId}/options.html`);
    await page.getByRole('button', { name: 'Connect Todoist' }).click();
    await page.getByText(/^Live — changes arrive within seconds/).waitFor({ timeout: 30_000 });
    await page.close();
  } finally {
    await setup.close();
  }
  await until(() => relay.streams() === 0, 10_000, 'the setup browser’s stream to close');
  return setup.extensionId;
}

async function watchVariant(
  world: World,
  variant: Variant,
  seconds: number,
): Promise<{ rows: BenchRow[]; samples: Sample[] }> {
  const { relay } = world;
  relay.meter.silent = variant === 'stream-silent';
  const before: RelayMeter = { ...relay.meter };
  const browser = await spawnChromium({
    userDataDir: world.profile,
    extensionDir: world.extensionDir,
  });
  try {
    const start = Date.now();
    const watch = startWatch(browser, world.extensionId, relay);
    if (variant === 'relay-down') {
      await until(() => relay.streams() > 0, 30_000, 'the stream to open');
      await relay.stop();
    }
    await delay(Math.max(0, start + seconds * 1_000 - Date.now()));
    const latency = variant === 'relay-down' ? null : await syncProbe(world, variant);
    const samples = await watch.stop();
    return { rows: rowsOf(variant, samples, delta(before, relay.meter), latency), samples };
  } finally {
    await browser.close();
    await until(() => relay.streams() === 0, 10_000, 'the stream to close').catch(() => undefined);
  }
}

/** ms from another client's change to the extension's own sync request; undefined = none came. */
async function syncProbe(world: World, variant: Variant): Promise<number | undefined> {
  const changedAt = Date.now();
  await world.phoneAdd(`sw-lifetime probe (${variant})`);
  const since = world.todoist.log.lastSeq; // the phone's own request is not after this
  const deadline = Date.now() + PROBE_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const sync = world.todoist.log.entries({ since }).find((e) => e.path === '/api/v1/sync');
    if (sync) return sync.at - changedAt;
    await delay(100);
  }
  return undefined;
}

function startWatch(browser: RawChromium, extensionId: string, relay: MeteredRelay) {
  const samples: Sample[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const at = Date.now();
      const alive = extensionWorker(await browser.targets(), extensionId) !== undefined;
      samples.push({ at, alive, streams: relay.streams() });
      await delay(Math.max(0, at + 1_000 - Date.now()));
    }
  })();
  loop.catch(() => undefined); // surfaced by stop()
  return {
    async stop(): Promise<Sample[]> {
      running = false;
      await loop;
      return samples;
    },
  };
}

function rowsOf(
  variant: Variant,
  samples: readonly Sample[],
  meter: RelayMeter,
  latency: number | undefined | null,
): BenchRow[] {
  const first = samples.findIndex((s) => s.alive);
  const watched = first < 0 ? [] : samples.slice(first);
  let stops = 0;
  let firstLife = watched.length;
  for (let i = 1; i < watched.length; i++) {
    if (watched[i - 1]?.alive && !watched[i]?.alive) {
      if (stops === 0) firstLife = i;
      stops += 1;
    }
  }
  const fraction = (n: number) => (watched.length === 0 ? 0 : n / watched.length);
  const row = (metric: string, value: number, unit: string): BenchRow => ({
    scenario: SCENARIO,
    variant,
    metric,
    value,
    unit,
  });
  const rows = [
    row('observed', watched.length, 's'),
    row('worker-alive-fraction', fraction(watched.filter((s) => s.alive).length), 'ratio'),
    row('worker-stops', stops, 'count'),
    row('first-life', firstLife, 's'),
    row('stream-opens', meter.opens, 'count'),
    row('stream-open-fraction', fraction(watched.filter((s) => s.streams > 0).length), 'ratio'),
    row('pings-delivered', meter.pings, 'count'),
  ];
  if (latency === null) return rows;
  rows.push(row('probe-synced', latency === undefined ? 0 : 1, 'count'));
  if (latency !== undefined) rows.push(row('sync-latency-ms', latency, 'ms'));
  return rows;
}

function timeline(samples: readonly Sample[]): string {
  const mark = (s: Sample) => (s.alive ? (s.streams > 0 ? '|' : '#') : s.streams > 0 ? ':' : '.');
  return samples.map(mark).join('');
}

function delta(before: RelayMeter, after: RelayMeter): RelayMeter {
  return {
    opens: after.opens - before.opens,
    pings: after.pings - before.pings,
    notifications: after.notifications - before.notifications,
    silent: after.silent,
  };
}

async function until(ok: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`sw-lifetime: timed out waiting for ${what}`);
    await delay(100);
  }
}
