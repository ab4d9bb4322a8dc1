/**
 * Store benchmark (issue 3): time to load into IndexedDB the bundled seed pack and a generated pack of
 * 1,000 articles and 10,000 entities. Target: the 1,000-article pack in under 5 s in Chromium.
 *
 * Chromium: the built extension's options page sends the protocol's own messages (`resetToSeed`,
 * `importPack`) to the background, so the time is what a user waits for: messaging, validation,
 * hashing and the one Dexie transaction. Node: the same store code on fake-indexeddb, for a quick
 * figure without a browser (fake-indexeddb is far slower than a browser's IndexedDB).
 */
// Node has no IndexedDB: the Node figures run the store on fake-indexeddb (browsers are unaffected).
import 'fake-indexeddb/auto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generatePack } from './generate-pack';
import { median, type BenchRow } from './types';

const SEED_PATH = resolve(import.meta.dirname, '../../lib/pack/seed-pack.generated.json');
const LARGE = { articles: 1_000, entities: 10_000, aliasesPerEntity: 2, seed: 3, id: 'bench-large' };
const LARGE_LABEL = '1,000 articles + 10,000 entities';

function readSeed(): unknown {
  if (!existsSync(SEED_PATH)) throw new Error(`${SEED_PATH} is missing: run \`npm run build:pack\` first.`);
  return JSON.parse(readFileSync(SEED_PATH, 'utf8')) as unknown;
}

function describe(times: number[]): string {
  return `${times.length} runs, min ${Math.min(...times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`;
}

export async function benchStore(): Promise<BenchRow[]> {
  const seed = readSeed();
  const large = generatePack(LARGE);
  const rows: BenchRow[] = [];
  rows.push(...(await benchChromium(large)));
  rows.push(...(await benchNode(seed, large)));
  return rows;
}

async function benchNode(seed: unknown, large: ReturnType<typeof generatePack>): Promise<BenchRow[]> {
  const { openFactcardsDb } = await import('../../lib/store/db');
  const { importPack } = await import('../../lib/store/import');
  const { loadBundledPack } = await import('../../lib/store/packs');

  const time = async (runs: number, load: (db: ReturnType<typeof openFactcardsDb>) => Promise<unknown>) => {
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      const db = openFactcardsDb(`factcards-bench-${run}-${Math.random()}`);
      await db.open();
      const started = performance.now();
      await load(db);
      times.push(performance.now() - started);
      db.close();
      await db.delete();
    }
    return times;
  };
  const seedTimes = await time(5, (db) => loadBundledPack(db, seed));
  const largeTimes = await time(3, (db) => importPack(db, large));
  return [
    { area: 'store', metric: 'load seed pack (Node, fake-indexeddb)', median: median(seedTimes), unit: 'ms', note: describe(seedTimes) },
    { area: 'store', metric: `load ${LARGE_LABEL} (Node, fake-indexeddb)`, median: median(largeTimes), unit: 'ms', note: describe(largeTimes) },
  ];
}

async function benchChromium(large: ReturnType<typeof generatePack>): Promise<BenchRow[]> {
  const { launchExtension } = await import('../e2e/harness');
  const session = await launchExtension('chromium');
  try {
    const page = await session.openExtensionPage('options.html');
    /** Sends one protocol message from the options page and returns the elapsed time and the answer. */
    const send = (type: string, data: unknown) =>
      page.evaluate(
        async ({ type, data }) => {
          const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).chrome.runtime;
          const started = performance.now();
          const response = (await runtime.sendMessage({ id: Math.random(), type, data, timestamp: Date.now() })) as {
            res?: { ok: boolean; error?: { message: string } };
            err?: unknown;
          };
          const elapsed = performance.now() - started;
          return { elapsed, ok: response.res?.ok === true, error: response.res?.error?.message ?? (response.err ? JSON.stringify(response.err) : null) };
        },
        { type, data },
      );
    const timed = async (type: string, data: unknown) => {
      const answer = await send(type, data);
      if (!answer.ok) throw new Error(`${type} failed in Chromium: ${answer.error}`);
      return answer.elapsed;
    };
    // The pack goes as JSON text, as the options page sends a file it read.
    const largeText = JSON.stringify(large);
    const seedTimes: number[] = [];
    for (let run = 0; run < 5; run++) seedTimes.push(await timed('resetToSeed', undefined));
    const largeTimes: number[] = [];
    for (let run = 0; run < 5; run++) {
      largeTimes.push(await timed('importPack', { pack: largeText }));
      await timed('removePack', { packId: large.id });
    }
    return [
      { area: 'store', metric: 'load seed pack (Chromium, resetToSeed)', median: median(seedTimes), unit: 'ms', note: describe(seedTimes) },
      {
        area: 'store',
        metric: `load ${LARGE_LABEL} (Chromium, importPack)`,
        median: median(largeTimes),
        unit: 'ms',
        target: '< 5000 ms',
        note: describe(largeTimes),
      },
    ];
  } finally {
    await session.close();
  }
}
