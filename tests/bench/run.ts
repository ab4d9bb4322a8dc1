/**
 * `npm run bench`: every benchmark, one table of medians. Benchmarks measure; they never fail a build
 * on a timing (tests assert behaviour, not speed), but a benchmark that crashes makes this exit non-zero.
 *
 * `npm run bench -- store search` runs only the named areas.
 */
import type { BenchRow } from './types';

interface BenchSuite {
  area: string;
  load: () => Promise<() => Promise<BenchRow[]>>;
}

const SUITES: BenchSuite[] = [
  { area: 'store', load: async () => (await import('./store.bench')).benchStore },
  { area: 'match', load: async () => (await import('./match.bench')).benchMatch },
  { area: 'content', load: async () => (await import('./content.bench')).benchContent },
  { area: 'search', load: async () => (await import('./search.bench')).benchSearch },
  { area: 'import', load: async () => (await import('./import.bench')).benchImport },
];

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

const NOTE_WIDTH = 90;

function printTable(rows: BenchRow[]): void {
  const header = ['area', 'metric', 'median', 'unit', 'target', 'note'];
  // Long notes (per-run details) are cut in the table; the full rows follow it as JSON.
  const note = (text: string) => (text.length > NOTE_WIDTH ? `${text.slice(0, NOTE_WIDTH - 1)}…` : text);
  const cells = rows.map((row) => [row.area, row.metric, formatNumber(row.median), row.unit, row.target ?? '', note(row.note ?? '')]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => (line[column] ?? '').length)));
  const line = (values: string[]) =>
    `| ${values.map((value, column) => (column === 2 ? value.padStart(widths[column] ?? 0) : value.padEnd(widths[column] ?? 0))).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((width, column) => (column === 2 ? `${'-'.repeat(width + 1)}:` : '-'.repeat(width + 2))).join('|')}|`);
  for (const row of cells) console.log(line(row));
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const suites = wanted.length ? SUITES.filter((suite) => wanted.includes(suite.area)) : SUITES;
  const rows: BenchRow[] = [];
  let failed = false;
  for (const suite of suites) {
    const started = performance.now();
    console.error(`bench: ${suite.area} …`);
    try {
      const run = await suite.load();
      rows.push(...(await run()));
      console.error(`bench: ${suite.area} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      failed = true;
      console.error(`bench: ${suite.area} failed:`, error);
      rows.push({ area: suite.area, metric: 'FAILED (see stderr)', median: Number.NaN, unit: '' });
    }
  }
  console.log(`\nFactcards benchmarks, ${new Date().toISOString()}, Node ${process.version}\n`);
  printTable(rows);
  if (rows.some((row) => (row.note?.length ?? 0) > NOTE_WIDTH)) {
    console.log('\nFull notes:');
    for (const row of rows) if ((row.note?.length ?? 0) > NOTE_WIDTH) console.log(`- ${row.area} / ${row.metric}: ${row.note}`);
  }
  if (failed) process.exitCode = 1;
}

await main();
