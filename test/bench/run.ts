// `npm run bench [-- --json] [--scenario NAME]…` — runs the scenarios, prints a table (or ONE JSON
// line with --json) and, when every scenario ran, rewrites docs/benchmarks.md.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from './measure';
import { markdown, table } from './report';
import { initialIngest } from './scenarios/initial-ingest';
import { seedDay } from './scenarios/seed-day';

const SCENARIOS: Record<string, () => Promise<BenchRow[]>> = {
  'seed-day': seedDay,
  'initial-ingest': initialIngest,
};

const TARGETS = [
  '- seed-day / almanac: `converged` 1, `quiet-cycle-writes` 0, `requests` ≤ 410 per day,',
  '  `bytes-vs-naive` ≤ 0.05.',
  '- initial-ingest: `events-per-second` ≥ 5,000 in Node.',
].join('\n');

export function parseArgs(argv: readonly string[]): { json: boolean; scenarios: string[] } {
  const scenarios: string[] = [];
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') json = true;
    else if (arg === '--scenario') {
      const name = argv[++i];
      if (!name || !(name in SCENARIOS)) {
        throw new Error(`--scenario needs one of: ${Object.keys(SCENARIOS).join(', ')}`);
      }
      scenarios.push(name);
    } else throw new Error(`unknown argument ${arg}`);
  }
  return { json, scenarios };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const names = args.scenarios.length > 0 ? args.scenarios : Object.keys(SCENARIOS);
  const rows: BenchRow[] = [];
  for (const name of names) {
    const run = SCENARIOS[name];
    if (run) rows.push(...(await run()));
  }
  if (args.json) process.stdout.write(`${JSON.stringify({ rows })}\n`);
  else process.stdout.write(`${table(rows)}\n`);
  if (args.scenarios.length === 0) {
    const docs = fileURLToPath(new URL('../../docs/benchmarks.md', import.meta.url));
    await writeFile(docs, markdown(rows, new Date(), TARGETS));
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
