/**
 * Mention detection speed in Node, at the issue's scale: a generated store of 10,000 entities and
 * 30,000 aliases. Compile time (background, when packs change), load time (content script, every page),
 * scan time per 100 KB of text (dense generated text, and the real saved pages' text), the fuzzy
 * side, and the size of the compiled matcher that crosses messaging and sits in storage.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompiledMatcher } from '../../lib/match/compiled';
import { findNameCandidates } from '../../lib/match/candidates';
import { createFuzzyResolver } from '../../lib/match/fuzzy';
import { compileMatcher, findMentions, loadMatcher } from '../../lib/match/matcher';
import { generateSyntheticStore, generateSyntheticText } from '../../lib/match/synthetic-store';
import { median, type BenchRow } from './types';

const ENTITY_COUNT = 10_000;
const ALIASES_PER_ENTITY = 4; // the canonical name plus three aliases: 30,000 aliases
const COMPILE_RUNS = 5;
const LOAD_RUNS = 15;
const SCAN_RUNS = 15;
const PAGES_DIR = new URL('../../../shared/pages/', import.meta.url);

/** Wall-clock milliseconds of one run; `cpuTimes` also collects the process's CPU milliseconds. */
const cpuTimes: number[] = [];
function time(run: () => void): number {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  run();
  const elapsed = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  cpuTimes.push((cpu.user + cpu.system) / 1000);
  return elapsed;
}

/**
 * CPU time of the runs since the last call, as a note: on a shared machine the wall-clock median
 * includes waiting for a core, which the CPU time does not (it does include GC threads).
 */
function cpuNote(scale = 1): string {
  const values = cpuTimes.splice(0).map((value) => value * scale);
  return `CPU median ${median(values).toFixed(1)} ms`;
}

/** The visible-ish text of a saved page: good enough to time a scan, not to test extraction. */
function pageText(html: string): string {
  return html
    .replace(/<(script|style|noscript|template|svg)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&')
    .replace(/&#?\w+;/g, ' ')
    .replace(/\s+/g, ' ');
}

function savedPagesText(): string {
  try {
    const dir = PAGES_DIR.pathname;
    return readdirSync(dir)
      .filter((file) => file.endsWith('.html'))
      .map((file) => pageText(readFileSync(join(dir, file), 'utf8')))
      .join('\n');
  } catch {
    return '';
  }
}

export async function benchMatch(): Promise<BenchRow[]> {
  const store = generateSyntheticStore(ENTITY_COUNT, ALIASES_PER_ENTITY);
  const scale = `${store.entities.length.toLocaleString('en')} entities / ${store.aliases.length.toLocaleString('en')} aliases`;
  const rows: BenchRow[] = [];

  let compiled: CompiledMatcher = compileMatcher(store.entities, store.aliases);
  cpuTimes.length = 0;
  const compileTimes = Array.from({ length: COMPILE_RUNS }, () => time(() => (compiled = compileMatcher(store.entities, store.aliases))));
  rows.push({ area: 'match', metric: `compileMatcher, ${scale}`, median: median(compileTimes), unit: 'ms', note: `${COMPILE_RUNS} runs, background; ${cpuNote()}` });

  const json = JSON.stringify(compiled);
  rows.push({ area: 'match', metric: 'compiled matcher size (JSON)', median: json.length / 1024, unit: 'KB', note: `tokens ${(compiled.tokens.length / 1024).toFixed(0)} KB, alias records ${(compiled.aliases.length / 1024).toFixed(0)} KB, entities ${((JSON.stringify(compiled.entityIds).length + JSON.stringify(compiled.entityNames).length) / 1024).toFixed(0)} KB` });

  // Each load starts from a fresh copy, as a content script receives it through messaging.
  const copies = Array.from({ length: LOAD_RUNS }, () => JSON.parse(json) as CompiledMatcher);
  const loadTimes = copies.map((copy) => time(() => loadMatcher(copy)));
  rows.push({ area: 'match', metric: `loadMatcher, ${scale}`, median: median(loadTimes), unit: 'ms', target: '≤ 30 ms', note: `${LOAD_RUNS} runs, max ${Math.max(...loadTimes).toFixed(1)} ms; ${cpuNote()}` });

  const matcher = loadMatcher(compiled);
  const scans: Array<{ label: string; text: string }> = [{ label: 'generated text, a name every ~12 words', text: generateSyntheticText(store, 500_000, 12).text }];
  const pages = savedPagesText();
  if (pages.length > 0) scans.push({ label: 'saved pages’ text', text: pages });
  for (const { label, text } of scans) {
    findMentions(text, matcher); // warm-up: the first scan pays for JIT compilation
    cpuTimes.length = 0;
    let mentionCount = 0;
    const perHundredKb = Array.from({ length: SCAN_RUNS }, () => {
      let count = 0;
      const elapsed = time(() => (count = findMentions(text, matcher).length));
      mentionCount = count;
      return (elapsed * 102_400) / text.length;
    });
    rows.push({ area: 'match', metric: `findMentions per 100 KB, ${label}`, median: median(perHundredKb), unit: 'ms', target: '≤ 15 ms (whole pipeline)', note: `${(text.length / 1024).toFixed(0)} KB, ${mentionCount} mentions; ${cpuNote(102_400 / text.length)}` });

    const mentions = findMentions(text, matcher);
    cpuTimes.length = 0;
    const candidateTimes = Array.from({ length: SCAN_RUNS }, () => (time(() => findNameCandidates(text, mentions)) * 102_400) / text.length);
    rows.push({ area: 'match', metric: `findNameCandidates per 100 KB, ${label}`, median: median(candidateTimes), unit: 'ms', note: `${findNameCandidates(text, mentions).length} candidates; ${cpuNote(102_400 / text.length)}` });
  }

  const resolve = createFuzzyResolver(store.entities);
  // Only people and organisations are looked up fuzzily; one transposition in the first word each.
  const misspelt = store.entities
    .filter((entity) => entity.type === 'person' || entity.type === 'organization')
    .slice(0, 300)
    .map((entity) => entity.name.replace(/([a-z])([a-z])/, '$2$1'));
  resolve(misspelt[0] ?? ''); // builds the first bucket's index, as the first lookup on a page does
  const resolveTimes = misspelt.map((candidate) => time(() => resolve(candidate)));
  rows.push({ area: 'match', metric: `fuzzy resolve per candidate, ${scale}`, median: median(resolveTimes), unit: 'ms', note: `${misspelt.length} misspelt names, ${misspelt.filter((candidate) => resolve(candidate) !== null).length} resolved; background` });
  return rows;
}
