// Printing and recording bench rows: a console table, one JSON line, docs/benchmarks.md.
import { cpus, totalmem } from 'node:os';
import type { BenchRow } from './measure';

export function machineNote(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const memGb = Math.round(totalmem() / 2 ** 30);
  return `Node ${process.version} on ${process.platform}/${process.arch}, ${cpu} (${cpus().length} cores), ${memGb} GB RAM`;
}

export function formatValue(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('en-US') : String(value);
}

export function table(rows: readonly BenchRow[]): string {
  const head = ['scenario', 'variant', 'metric', 'value', 'unit'];
  const body = rows.map((r) => [r.scenario, r.variant, r.metric, formatValue(r.value), r.unit]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 3 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

export function markdown(
  rows: readonly BenchRow[],
  date: Date,
  targets: string,
  notes = '',
): string {
  const lines = [
    '# Benchmarks',
    '',
    `Measured ${date.toISOString().slice(0, 10)} with \`npm run bench\` — ${machineNote()}.`,
    'Virtual time (ManualClock); in-process emulator; Dexie on fake-indexeddb. Bytes are request +',
    "response bodies from the emulator's request log. `store-writes` counts rows of synced data",
    '(events, calendars, sources — cursors included); `audit-writes` counts runs, metrics and',
    'scheduling rows, which every run leaves on purpose. `initial-ingest` is the median wall time of',
    '3 first cycles, including the in-process emulator rendering the listings and fake-indexeddb',
    '(both dominate it; the engine code itself is a small share). The machine is shared: expect noise.',
    '',
    '| scenario | variant | metric | value | unit |',
    '|---|---|---|---:|---|',
    ...rows.map(
      (r) => `| ${r.scenario} | ${r.variant} | ${r.metric} | ${formatValue(r.value)} | ${r.unit} |`,
    ),
    '',
    '## Targets',
    '',
    targets,
    '',
    ...(notes === '' ? [] : [notes, '']),
  ];
  return lines.join('\n');
}
