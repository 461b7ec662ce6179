// `npm run chaos`: seeded randomized convergence runs of the Google sync engine against the
// emulator with fault injection (DESIGN.md §5). `--short` is the quick run inside `npm test`;
// `--seed N` replays one seed with its trace; `--seeds N --steps N` size a longer soak.
import 'fake-indexeddb/auto';
import { type ChaosResult, runChaos } from './scenario';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

const short = process.argv.includes('--short');
const one = arg('seed');
const seeds = one ? [Number(one)] : range(Number(arg('seeds') ?? (short ? 4 : 25)));
const steps = Number(arg('steps') ?? (short ? 60 : 200));

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}

const results: ChaosResult[] = [];
for (const seed of seeds) {
  const r = await runChaos(seed, steps);
  results.push(r);
  const verdict = r.converged && r.quiet ? 'converged, quiet' : 'DIVERGED';
  console.log(
    `seed ${String(seed).padStart(3)}: ${r.steps} steps, ${r.changes} remote changes, ` +
      `${r.faults} faults, ${r.kills} kills, ${r.requests} requests → ${verdict}`,
  );
  if (r.problems.length > 0) {
    for (const p of r.problems.slice(0, 20)) console.log(`    ${p}`);
    if (one) console.log(`  trace: ${r.trace.join(' · ')}`);
  }
}

const bad = results.filter((r) => !(r.converged && r.quiet));
console.log(`chaos: ${results.length - bad.length} of ${results.length} seeds converged`);
if (bad.length > 0) {
  console.log(`replay with: npm run chaos -- --seed ${bad[0]!.seed}`);
  process.exit(1);
}
