// `npm test`: everything that gates a change, in order (DESIGN.md §5). Each step streams its own
// output; the last line is the plain "N passed, N failed" total across every vitest layer.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

interface Step {
  name: string;
  cmd: string[];
  vitestReport?: string;
}

const report = (name: string) => `test-results/${name}.json`;
const vitest = (name: string, projects: string[]): Step => ({
  name,
  cmd: [
    'npx',
    'vitest',
    'run',
    ...projects.flatMap((p) => ['--project', p]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report(name)}`,
  ],
  vitestReport: report(name),
});

const steps: Step[] = [
  { name: 'check', cmd: ['npm', 'run', '--silent', 'check'] },
  vitest('node-layers', ['unit', 'conformance', 'engine', 'extension']),
  vitest('relay', ['relay']),
  { name: 'build', cmd: ['npm', 'run', '--silent', 'build'] },
  vitest('e2e', ['e2e']),
];
if (existsSync('test/chaos/run.ts')) {
  steps.push({ name: 'chaos', cmd: ['npm', 'run', '--silent', 'chaos', '--', '--short'] });
}

mkdirSync('test-results', { recursive: true });
let passed = 0;
let failed = 0;
const failedSteps: string[] = [];
for (const step of steps) {
  console.log(`\n━━ ${step.name}: ${step.cmd.join(' ')}`);
  const result = spawnSync(step.cmd[0]!, step.cmd.slice(1), { stdio: 'inherit' });
  if (step.vitestReport && existsSync(step.vitestReport)) {
    const json = JSON.parse(readFileSync(step.vitestReport, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
    };
    passed += json.numPassedTests;
    failed += json.numFailedTests;
  }
  if (result.status !== 0) failedSteps.push(step.name);
}

console.log(
  `\n━━ ${failedSteps.length ? `failed steps: ${failedSteps.join(', ')}` : 'all steps green'}`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failedSteps.length ? 1 : 0);
