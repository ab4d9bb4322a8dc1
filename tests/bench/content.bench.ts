/**
 * Content-script benchmark: headless Chromium with the extension, every saved page of ../shared/pages,
 * first with the seed store, then with a generated store of 10,000 entities and 30,000 aliases imported
 * through the protocol (as the options page does).
 *
 * Factcards measures itself in each document it runs in, the top one and each same-origin frame with
 * text (ContentTimings in lib/messaging/protocol.ts), and hands its figures to an extension page over a
 * port, so nothing is written into the page's own performance timeline or globals. What no line of the
 * scripts can see, compiling and evaluating them in each frame the browser injects them into, comes
 * from a trace of each page load (`scriptCosts`). Side by
 * side, mark.js highlights the same pages with the same alias list (one combined regular expression, its
 * fastest use) in a browser without the extension.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { escapeRegExp } from '../../lib/extract/text';
import type { FrameTimings } from '../../lib/messaging/protocol';
import type { Pack } from '../../lib/pack/schema';
import { collectFrameTimings, hoverMention } from '../e2e/content-page';
import { BUILD_DIRS, REPO_ROOT, launchBrowser, launchExtension, type BrowserSession, type TestPage, type TraceEvent } from '../e2e/harness';
import { PAGES_DIR, listSharedPages, startStaticServer } from '../e2e/server';
import { FLOOR_HIGHLIGHT, floorTexts, writeFloorExtension } from './floor-extension';
import { generatePack } from './generate-pack';
import { median, percentile, type BenchRow } from './types';

const require = createRequire(import.meta.url);

interface PageFigures {
  file: string;
  /** Characters of text Factcards read in the top document. */
  textLength: number;
  /** The same in every document: the top one and the frames with text. */
  allTextLength: number;
  /** The top frame: evaluating the script (compile and synchronous start) + later setup + scan. */
  mainThreadMs: number;
  setupMs: number;
  scanMs: number;
  /** The same plus `framesScriptMs` and `framesPageMs`: everything Factcards costs the page's main thread. */
  allFramesMs: number;
  evaluationMs: number;
  /** Other frames the frames' script was evaluated in, and what that and loading frame-page.js cost them together. */
  frames: number;
  framesScriptMs: number;
  /** Frames with text: how many, and Factcards' start + setup + scan in them, as they measured it. */
  textFrames: number;
  framesPageMs: number;
  longestTaskMs: number;
  matchWaitMs: number;
  firstHighlightsMs: number;
  /** The browser's style, layout and paint work in the page's first seconds (see renderingWorkMs). */
  renderingMs: number;
  cardUncachedMs: number | null;
  cardCachedMs: number | null;
}

/**
 * What each document of the page measured (the top one first), once the top document has registered
 * highlights and every document's figures have stopped moving (fuzzy answers, late mutations and
 * frames that get text later add work after the first marks).
 */
async function pageTimings(page: TestPage, extensionPage: TestPage): Promise<{ top: FrameTimings; frames: FrameTimings[] }> {
  await page.waitFor(() => CSS.highlights.has('factcards-mention'), undefined, { timeoutMs: 60_000 });
  await page.bringToFront();
  let previous = '';
  for (let attempt = 0; ; attempt++) {
    const reports = await collectFrameTimings(extensionPage);
    const top = reports.find((report) => report.top);
    if (!top) throw new Error('the top document did not answer with its timings');
    const frames = reports.filter((report) => !report.top);
    const signature = reports.map((report) => `${report.frame}:${report.timings.scanMs}:${report.timings.textLength}`).sort().join(' ');
    if ((top.timings.firstHighlightsMs !== null && signature === previous) || attempt === 40) return { top, frames };
    previous = signature;
    await new Promise((done) => setTimeout(done, 250));
  }
}

/** Hovers the page's first two distinct mentions: the first card is uncached, hovering it again is cached. */
async function cardTimings(page: TestPage, extensionPage: TestPage): Promise<{ uncached: number | null; cached: number | null }> {
  const text = await page.evaluate(() => {
    const highlight = CSS.highlights.get('factcards-mention');
    const range = highlight ? ([...highlight] as Range[]).find((candidate) => candidate.getClientRects().length > 0 && candidate.toString().length > 2) : undefined;
    return range?.toString() ?? null;
  });
  if (!text) return { uncached: null, cached: null };
  const measure = async (): Promise<{ ms: number | null; cached: boolean | null }> => {
    await hoverMention(page, text);
    await page.waitFor(() => document.querySelector('factcards-card')?.shadowRoot?.querySelector('[data-entity-id]:not([aria-busy="true"])'), undefined, { timeoutMs: 10_000 }).catch(() => null);
    const { timings } = (await pageTimings(page, extensionPage)).top;
    await page.press('Escape');
    await page.waitFor(() => !document.querySelector('factcards-card'));
    return { ms: timings.lastCardRenderMs, cached: timings.lastCardCached };
  };
  const first = await measure();
  const second = await measure();
  return { uncached: first.cached === false ? first.ms : null, cached: second.cached === true ? second.ms : null };
}

/**
 * Loads of each page with the extension. One load of a page swings by 2–3× from run to run on these
 * machines (timers, GC, the background's work on the other core), so each figure is the median of these.
 */
const LOADS = 3;

/** Each figure of a page: the median over its loads (a card figure over the loads that measured one). */
function medianOfLoads(loads: PageFigures[]): PageFigures {
  const [first] = loads;
  if (!first) throw new Error('a page with no loads');
  const merged: Record<string, unknown> = { file: first.file };
  for (const key of Object.keys(first) as Array<keyof PageFigures>) {
    if (key === 'file') continue;
    const values = loads.map((figures) => figures[key]).filter((value): value is number => typeof value === 'number');
    merged[key] = values.length > 0 ? median(values) : null;
  }
  return merged as unknown as PageFigures;
}

async function measureStore(label: string, pack: Pack | null): Promise<PageFigures[]> {
  const server = await startStaticServer();
  const session = await launchExtension('chromium');
  const figures: PageFigures[] = [];
  try {
    const extensionPage = await session.openExtensionPage('options.html');
    if (pack) {
      const answer = await extensionPage.evaluate(async (pack) => {
        const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).chrome;
        return api.runtime.sendMessage({ id: 1, type: 'importPack', data: { pack }, timestamp: Date.now() });
      }, pack);
      const result = (answer as { res?: { ok: boolean; error?: { message: string } } }).res;
      if (!result?.ok) throw new Error(`importing the ${label} pack failed: ${result?.error?.message ?? JSON.stringify(answer).slice(0, 300)}`);
    }
    // A warm-up page, so the matcher is compiled and cached in the background before measuring.
    const warmUp = await session.newPage();
    await warmUp.goto(`${server.origin}/demo/`);
    await pageTimings(warmUp, extensionPage);
    await warmUp.close();
    // Pages in turn, LOADS times over, so a slow stretch of the machine does not fall on one page's loads.
    const loads = new Map<string, PageFigures[]>();
    for (let load = 0; load < LOADS; load++) {
      for (const file of listSharedPages()) {
        const pageLoads = loads.get(file) ?? [];
        loads.set(file, pageLoads);
        // Cards once per page: a second load would find the card UI and data cached in the background.
        pageLoads.push(await measureLoad(session, extensionPage, server.origin, file, load === 0));
      }
    }
    for (const pageLoads of loads.values()) figures.push(medianOfLoads(pageLoads));
  } finally {
    await session.close();
    await server.close();
  }
  return figures;
}

/**
 * Times a page is loaded when its trace misses the top document's evaluation of content.js. That
 * happens about once a bench run (once on cnn.html, whose next load was complete), though not in 72
 * loads traced in a row to find it; the cause is unknown. The script ran (it answered with its
 * timings), so such a trace is incomplete: the load is measured again rather than counted without it.
 */
const TRACE_ATTEMPTS = 3;

/** One load of a saved page with the extension, traced: what each document measured, and what the trace saw. */
async function measureLoad(session: BrowserSession, extensionPage: TestPage, origin: string, file: string, withCards: boolean): Promise<PageFigures> {
  for (let attempt = 1; ; attempt++) {
    const page = await session.newPage();
    try {
      const measured: { reports?: { top: FrameTimings; frames: FrameTimings[] } } = {};
      const trace = await traceLoad(page, `${origin}/pages/${file}`, async () => {
        measured.reports = await pageTimings(page, extensionPage);
      });
      const { reports } = measured;
      if (!reports) throw new Error(`${file}: no timings`);
      const evaluations = scriptCosts(trace.events, trace.mainFrameId);
      if (!evaluations) {
        const problem = `${file}: the trace holds no evaluation of the extension's content script in the page (attempt ${attempt} of ${TRACE_ATTEMPTS})`;
        if (attempt === TRACE_ATTEMPTS) throw new Error(problem);
        console.error(`bench: ${problem}; loading it again`);
        continue;
      }
      const { setupMs, scanMs, textLength, longestTaskMs } = reports.top.timings;
      // A frame's start is its own task (after frame-page.js loads), so it counts beside its setup and scan.
      const framesPageMs = reports.frames.reduce((sum, { timings }) => sum + timings.startupMs + timings.setupMs + timings.scanMs, 0);
      const cards = withCards ? await cardTimings(page, extensionPage) : { uncached: null, cached: null };
      const mainThreadMs = evaluations.topMs + setupMs + scanMs;
      return {
        file,
        textLength,
        allTextLength: reports.frames.reduce((sum, { timings }) => sum + timings.textLength, textLength),
        mainThreadMs,
        setupMs,
        scanMs,
        allFramesMs: mainThreadMs + evaluations.framesMs + framesPageMs,
        evaluationMs: evaluations.topMs,
        frames: evaluations.frames,
        framesScriptMs: evaluations.framesMs,
        textFrames: reports.frames.length,
        framesPageMs,
        // Evaluating the script is one task; setup is a few stretches between awaits, whose sum bounds the longest.
        longestTaskMs: Math.max(longestTaskMs, evaluations.topMs, setupMs, ...reports.frames.map(({ timings }) => Math.max(timings.longestTaskMs, timings.startupMs, timings.setupMs))),
        renderingMs: renderingWorkMs(trace.events),
        matchWaitMs: reports.top.timings.matchWaitMs,
        firstHighlightsMs: reports.top.timings.firstHighlightsMs ?? Number.NaN,
        cardUncachedMs: cards.uncached,
        cardCachedMs: cards.cached,
      };
    } finally {
      await page.close();
    }
  }
}

/**
 * The browser's own work for the page's look: restyling, layout and paint. Factcards causes some of it
 * without running it (the highlight stylesheet restyles the document; marks are painted), so the bench
 * compares the same pages loaded with and without the extension, over the same window from the start
 * of HTML parsing. The page's own timers and animations run in both.
 */
const RENDERING_WINDOW_MS = 3_000;
const RENDERING_EVENTS = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint']);

function renderingWorkMs(events: TraceEvent[]): number {
  const parse = events.filter((event) => event.name === 'ParseHTML').reduce((first, event) => Math.min(first, event.ts), Number.POSITIVE_INFINITY);
  if (!Number.isFinite(parse)) throw new Error('the trace holds no HTML parsing');
  const end = parse + RENDERING_WINDOW_MS * 1000;
  let ms = 0;
  for (const event of events) {
    if (event.ph === 'X' && RENDERING_EVENTS.has(event.name) && event.ts >= parse && event.ts < end) ms += (event.dur ?? 0) / 1000;
  }
  return ms;
}

/**
 * Loads `url` while tracing, runs `whileLoaded`, and keeps tracing until the rendering window has
 * passed, so the trace covers it with and without the extension alike.
 */
async function traceLoad(page: TestPage, url: string, whileLoaded: () => Promise<void> = async () => undefined): Promise<{ events: TraceEvent[]; mainFrameId: string }> {
  return page.trace(TRACE_CATEGORIES, async () => {
    const started = Date.now();
    await page.goto(url);
    await whileLoaded();
    const left = started + RENDERING_WINDOW_MS + 500 - Date.now();
    if (left > 0) await new Promise((done) => setTimeout(done, left));
  });
}

/** Loads of each page without the extension; their median is the baseline for the rendering row. */
const PLAIN_LOADS = 3;

/** Each page's rendering work without the extension, the median of PLAIN_LOADS loads in a fresh browser. */
async function measurePlainRendering(): Promise<Map<string, number>> {
  const server = await startStaticServer();
  const session = await launchBrowser('chromium', { extension: false });
  const perPage = new Map<string, number[]>();
  try {
    for (let load = 0; load < PLAIN_LOADS; load++) {
      for (const file of listSharedPages()) {
        const page = await session.newPage();
        const trace = await traceLoad(page, `${server.origin}/pages/${file}`);
        perPage.set(file, [...(perPage.get(file) ?? []), renderingWorkMs(trace.events)]);
        await page.close();
      }
    }
  } finally {
    await session.close();
    await server.close();
  }
  return new Map([...perPage].map(([file, values]) => [file, median(values)]));
}

const EXTENSION_URL_PREFIX = 'chrome-extension://';
/** Chromium names the isolated world of an extension's content scripts after the extension. */
const EXTENSION_WORLD = 'Factcards';
/** The trace categories of a page load: the timeline, and V8's own for compiling modules on the main thread. */
const TRACE_CATEGORIES = ['devtools.timeline', 'v8'];

/**
 * What the extension's scripts cost the main thread before they can measure themselves, from the trace.
 * In the top frame: `EvaluateScript` of content.js (compile, libraries' top levels, synchronous start,
 * whose `startupMs` the script also counts itself) and of frame-watch.js (which returns at once there).
 * In the page's other frames: evaluating frame-watch.js and its callbacks while it waits for text, and,
 * in a frame with text, finishing the compile of frame-page.js (parsed off the main thread) and
 * evaluating it. Modules' events name no frame, and only frames load frame-page.js during a load (the
 * card UI loads on hover), so they count as the frames'.
 */
function scriptCosts(events: TraceEvent[], mainFrameId: string): { topMs: number; frames: number; framesMs: number } | null {
  let topMs = 0;
  let framesMs = 0;
  const frames = new Set<string>();
  for (const event of events) {
    if (event.ph !== 'X') continue;
    const ms = (event.dur ?? 0) / 1000;
    const data = event.args?.data;
    const url = data?.url ?? '';
    const ours = url.startsWith(EXTENSION_URL_PREFIX);
    if (event.name === 'EvaluateScript' && ours) {
      if (data?.frame === mainFrameId) topMs += ms;
      else {
        framesMs += ms;
        frames.add(data?.frame ?? '');
      }
    } else if (event.name === 'FunctionCall' && ours && url.endsWith('/frame-watch.js') && data?.frame !== mainFrameId) {
      framesMs += ms;
    } else if ((event.name === 'v8.compileModule' || event.name === 'v8.streamingCompile.complete') && ours) {
      framesMs += ms;
    } else if (event.name === 'v8.evaluateModule' && event.args?.worldName === EXTENSION_WORLD) {
      framesMs += ms;
    }
  }
  // content.js runs in every top document: a trace without it is incomplete (see TRACE_ATTEMPTS).
  if (topMs === 0) return null;
  return { topMs, frames: frames.size, framesMs };
}

/** What the floor cost one page (the median of LOADS loads), and how much text it read there. */
interface FloorFigures {
  ms: number;
  textLength: number;
}

/**
 * The floor extension's whole cost to each page's main thread (tests/bench/floor-extension.ts): its
 * content script's evaluation, which reads the text and posts it, and the callback that registers its
 * highlight, from a trace of each load.
 */
async function measureFloor(): Promise<Map<string, FloorFigures>> {
  const dir = mkdtempSync(join(tmpdir(), 'factcards-floor-'));
  const server = await startStaticServer();
  const session = await launchBrowser('chromium', { extensionDir: writeFloorExtension(dir) });
  const perPage = new Map<string, number[]>();
  const textLengths = new Map<string, number>();
  try {
    for (let load = 0; load < LOADS; load++) {
      for (const file of listSharedPages()) {
        const page = await session.newPage();
        const { events, mainFrameId } = await page.trace(TRACE_CATEGORIES, async () => {
          await page.goto(`${server.origin}/pages/${file}`);
          await page.waitFor((name) => CSS.highlights.has(name), FLOOR_HIGHLIGHT, { timeoutMs: 30_000 });
        });
        let ms = 0;
        for (const event of events) {
          const data = event.args?.data;
          if (event.ph !== 'X' || data?.frame !== mainFrameId || !(data.url ?? '').startsWith(EXTENSION_URL_PREFIX)) continue;
          if (event.name === 'EvaluateScript' || event.name === 'FunctionCall') ms += (event.dur ?? 0) / 1000;
        }
        if (ms === 0) throw new Error(`${file}: the trace holds no evaluation of the floor's content script`);
        perPage.set(file, [...(perPage.get(file) ?? []), ms]);
        // The same reading in the page's own world, once the load is over: what the floor posted.
        if (load === 0) {
          const length = await page.evaluate((source) => ((0, eval)(`(${source})`) as typeof floorTexts)(document).texts.join('').length, floorTexts.toString());
          textLengths.set(file, length);
        }
        await page.close();
      }
    }
  } finally {
    await session.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return new Map([...perPage].map(([file, values]) => [file, { ms: median(values), textLength: textLengths.get(file) ?? Number.NaN }]));
}

/**
 * The floor beside Factcards' top frame: per 100 KB of the text the floor read (more than Factcards
 * reads: hidden text, menus, text Factcards leaves out), and per 100 KB of Factcards' own text, the
 * measure of the ≤ 15 ms target, so the target can be set against what no content script goes below.
 */
function floorRows(figures: PageFigures[], floor: Map<string, FloorFigures>): BenchRow[] {
  const floorOf = (figure: PageFigures) => floor.get(figure.file) ?? { ms: Number.NaN, textLength: Number.NaN };
  const perOwnText = figures.map((figure) => floorOf(figure).ms / (floorOf(figure).textLength / 100_000));
  const perFactcardsText = figures.map((figure) => floorOf(figure).ms / Math.max(figure.textLength / 100_000, 0.01));
  const ratios = figures.map((figure) => figure.mainThreadMs / floorOf(figure).ms);
  const pages = figures.map((figure) => `${figure.file.replace('.html', '')} ${floorOf(figure).ms.toFixed(1)} ms, ${(floorOf(figure).textLength / 1000).toFixed(0)} K`).join(', ');
  return [
    {
      area: 'content',
      metric: 'floor: a content script that only reads each text node and posts it, ms per 100 KB of the text it read',
      median: median(perOwnText),
      unit: 'ms',
      note: `tests/bench/floor-extension.ts, top frame: no rules but leaving out script and style, no matching, one highlight; evaluation + answer, from the trace; each page the median of ${LOADS} loads; p95 ${percentile(perOwnText, 95).toFixed(1)}; per page: ${pages}`,
    },
    {
      area: 'content',
      metric: "the floor's ms per 100 KB of the text Factcards reads there (the target's measure)",
      median: median(perFactcardsText),
      unit: 'ms',
      note: `p95 ${percentile(perFactcardsText, 95).toFixed(1)}; Factcards' top frame (seed store) costs the floor's time × median ${median(ratios).toFixed(1)} (per page ${ratios.map((ratio) => ratio.toFixed(1)).join(', ')})`,
    },
  ];
}

/** mark.js over each page with the same aliases: main-thread ms per 100 KB of text. */
async function measureMarkJs(aliases: string[]): Promise<Map<string, number>> {
  const source = readFileSync(require.resolve('mark.js/dist/mark.min.js'), 'utf8');
  // Longest first, so the alternation prefers "Emmanuel Macron" over "Macron", as our matcher does.
  const pattern = [...new Set(aliases)].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  const server = await startStaticServer();
  const session = await launchBrowser('chromium', { extension: false });
  const perPage = new Map<string, number>();
  try {
    for (const file of listSharedPages()) {
      const page = await session.newPage();
      await page.goto(`${server.origin}/pages/${file}`);
      const result = await page.evaluate(
        ({ source, pattern }) => {
          (0, eval)(source);
          const MarkClass = (window as unknown as { Mark: new (context: Element) => { markRegExp(re: RegExp, options: object): void } }).Mark;
          const textLength = document.body.innerText.length;
          const started = performance.now();
          new MarkClass(document.body).markRegExp(new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern})(?![\\p{L}\\p{N}])`, 'giu'), { acrossElements: true });
          return { ms: performance.now() - started, textLength };
        },
        { source, pattern },
      );
      perPage.set(file, result.ms / Math.max(result.textLength / 100_000, 0.01));
      await page.close();
    }
  } finally {
    await session.close();
    await server.close();
  }
  return perPage;
}

function aliasesOf(pack: Pack): string[] {
  return pack.entities.flatMap((entity) => [entity.name, ...entity.aliases]);
}

/** Per 100 KB on the page with the most text, where the per-KB cost outweighs the fixed cost. */
function largestPageRow(label: string, figures: PageFigures[]): BenchRow[] {
  const largest = figures.reduce<PageFigures | null>((best, figure) => (!best || figure.allTextLength > best.allTextLength ? figure : best), null);
  if (!largest) return [];
  return [
    {
      area: 'content',
      metric: `main-thread ms per 100 KB, largest page (${label})`,
      median: largest.allFramesMs / (largest.allTextLength / 100_000),
      unit: 'ms',
      note: `${largest.file}: ${(largest.allTextLength / 1000).toFixed(0)} K characters, ${largest.allFramesMs.toFixed(1)} ms; median of ${LOADS} loads`,
    },
  ];
}

/** Factcards in frames with text, over the pages that have any (most have none: a median over all would read 0). */
function framesWithTextRow(label: string, figures: PageFigures[]): BenchRow[] {
  const framed = figures.filter((figure) => figure.textFrames > 0);
  if (framed.length === 0) return [];
  return [
    {
      area: 'content',
      metric: `start, setup and scan in frames with text, pages that have them (${label})`,
      median: median(framed.map((figure) => figure.framesPageMs)),
      unit: 'ms',
      note: `as the frames measure themselves; n=${framed.length} pages; per page, frames with text: ms: ${framed.map((figure) => `${figure.file.replace('.html', '')} ${figure.textFrames}: ${figure.framesPageMs.toFixed(1)}`).join(', ')}`,
    },
  ];
}

/**
 * Each page's cost split into a part every page pays and a part that grows with its text: a least-squares
 * line through the pages (ms against 100 KB of text). Most pages are small, so the per-100-KB median is
 * mostly the fixed part; the slope is what more text costs. wikipedia-2, with 7× the text of any other
 * page, sets most of the slope.
 */
function costModelRow(label: string, figures: PageFigures[]): BenchRow[] {
  const xs = figures.map((figure) => figure.allTextLength / 100_000);
  const ys = figures.map((figure) => figure.allFramesMs);
  const n = xs.length;
  if (n < 3) return [];
  const meanX = xs.reduce((sum, x) => sum + x, 0) / n;
  const meanY = ys.reduce((sum, y) => sum + y, 0) / n;
  let covariance = 0;
  let variance = 0;
  xs.forEach((x, index) => {
    covariance += (x - meanX) * ((ys[index] ?? Number.NaN) - meanY);
    variance += (x - meanX) ** 2;
  });
  if (variance === 0) return [];
  const slope = covariance / variance;
  const fixed = meanY - slope * meanX;
  return [
    {
      area: 'content',
      metric: `main-thread ms per added 100 KB of text, fitted over the pages, all frames (${label})`,
      median: slope,
      unit: 'ms',
      note: `least squares over ${n} pages (each the median of ${LOADS} loads): ${fixed.toFixed(1)} ms per page + ${slope.toFixed(1)} ms per 100 KB of text; not a median`,
    },
  ];
}

/**
 * The all-frames figure per 100 KB of each page's HTML file rather than of its text. The issue asks per
 * 100 KB of "page text", read here as the text a reader sees (the stricter figure above, which the target
 * is set against); this row is only there so that the other reading has a number too.
 */
function perHtmlRow(label: string, figures: PageFigures[]): BenchRow[] {
  const htmlKb = figures.map((figure) => statSync(join(PAGES_DIR, figure.file)).size / 1000);
  const perHtml100k = figures.map((figure, index) => figure.allFramesMs / ((htmlKb[index] ?? Number.NaN) / 100));
  return [
    {
      area: 'content',
      metric: `the same all-frames time per 100 KB of the page's HTML file, not its text (${label})`,
      median: median(perHtml100k),
      unit: 'ms',
      note: `for comparison only, not the target's measure; HTML ${Math.min(...htmlKb).toFixed(0)}–${Math.max(...htmlKb).toFixed(0)} KB; p95 ${percentile(perHtml100k, 95).toFixed(1)}`,
    },
  ];
}

function rowsFor(label: string, figures: PageFigures[], markJs: Map<string, number>, plainRendering: Map<string, number>): BenchRow[] {
  const per100k = figures.map((figure) => figure.allFramesMs / Math.max(figure.allTextLength / 100_000, 0.01));
  const topPer100k = figures.map((figure) => figure.mainThreadMs / Math.max(figure.textLength / 100_000, 0.01));
  const longest = figures.map((figure) => figure.longestTaskMs);
  const uncached = figures.map((figure) => figure.cardUncachedMs).filter((value): value is number => value !== null);
  const cached = figures.map((figure) => figure.cardCachedMs).filter((value): value is number => value !== null);
  // mark.js is timed around its one call, so it is set against the top frame's figure.
  const ratios = figures.map((figure, index) => (markJs.get(figure.file) ?? Number.NaN) / Math.max(topPer100k[index] ?? Number.NaN, 0.001));
  const note = (values: number[]) => `p95 ${percentile(values, 95).toFixed(1)}, max ${Math.max(...values).toFixed(1)}, n=${values.length}`;
  const rows: BenchRow[] = [
    // The scripts' whole cost to the page: evaluating them (compiling included) in the top frame and in
    // every other frame they are injected into, then setup and scan in the top frame and in each frame
    // with text, per 100 KB of the text of them all.
    { area: 'content', metric: `main-thread ms per 100 KB of text, script evaluation → highlights, all frames (${label})`, median: median(per100k), unit: 'ms', target: label === '10k store' ? '≤ 15 ms' : undefined, note: `${note(per100k)} pages, each the median of ${LOADS} loads` },
    { area: 'content', metric: `the same, top frame only (${label})`, median: median(topPer100k), unit: 'ms', note: `${note(topPer100k)}; per page, K characters: evaluation + setup + scan ms: ${figures.map((figure) => `${figure.file.replace('.html', '')} ${(figure.textLength / 1000).toFixed(0)} K: ${figure.evaluationMs.toFixed(1)} + ${figure.setupMs.toFixed(1)} + ${figure.scanMs.toFixed(1)}`).join(', ')}` },
    // Most saved pages hold 9–42 K characters of text, so fixed costs (evaluating the script, the first DOM access
    // in its world, reading every node) dominate the per-100-KB figure; the whole-page time and the largest page show it.
    { area: 'content', metric: `main-thread ms per page, all frames (${label})`, median: median(figures.map((figure) => figure.allFramesMs)), unit: 'ms', note: `${note(figures.map((figure) => figure.allFramesMs))}; text ${(Math.min(...figures.map((figure) => figure.allTextLength)) / 1000).toFixed(0)}–${(Math.max(...figures.map((figure) => figure.allTextLength)) / 1000).toFixed(0)} K characters` },
    { area: 'content', metric: `evaluating Factcards' scripts in the top frame (${label})`, median: median(figures.map((figure) => figure.evaluationMs)), unit: 'ms', note: `content.js, and frame-watch.js returning at once; compile + libraries + synchronous start, from the trace; ${note(figures.map((figure) => figure.evaluationMs))}` },
    { area: 'content', metric: `evaluating Factcards' scripts in the page's other frames (${label})`, median: median(figures.map((figure) => figure.framesScriptMs)), unit: 'ms', note: `frame-watch.js, its wait for text, and loading frame-page.js, from the trace; ${note(figures.map((figure) => figure.framesScriptMs))}; per page, frames: ms: ${figures.map((figure) => `${figure.file.replace('.html', '')} ${figure.frames}: ${figure.framesScriptMs.toFixed(1)}`).join(', ')}` },
    ...framesWithTextRow(label, figures),
    ...largestPageRow(label, figures),
    ...costModelRow(label, figures),
    ...perHtmlRow(label, figures),
    { area: 'content', metric: `longest content-script task (${label})`, median: median(longest), unit: 'ms', target: '≤ 50 ms', note: note(longest) },
    // The page loads no matcher: the background keeps one, loaded once per store revision (loadMatcher in the match bench).
    { area: 'content', metric: `matcher load on the page (${label})`, median: 0, unit: 'ms', target: '≤ 30 ms', note: 'none: pages send their text to the background, which holds the loaded matcher' },
    { area: 'content', metric: `waiting for the background's matchText answers (${label})`, median: median(figures.map((figure) => figure.matchWaitMs)), unit: 'ms', note: `wall time, not main-thread time; ${note(figures.map((figure) => figure.matchWaitMs))}` },
    { area: 'content', metric: `wall time start → highlights registered (${label})`, median: median(figures.map((figure) => figure.firstHighlightsMs)), unit: 'ms', note: 'includes waiting for the background and yielding to the page' },
    { area: 'content', metric: `mark.js ms per 100 KB, same aliases (${label})`, median: median([...markJs.values()]), unit: 'ms', note: `ratio mark.js / Factcards: median ${median(ratios).toFixed(1)}×` },
  ];
  const added = figures.map((figure) => figure.renderingMs - (plainRendering.get(figure.file) ?? Number.NaN));
  rows.push({
    area: 'content',
    metric: `browser style, layout and paint in the first ${RENDERING_WINDOW_MS / 1000} s, with Factcards minus without (${label})`,
    median: median(added),
    unit: 'ms',
    note: `not in the figures above (the browser's work, not the script's); median of ${LOADS} loads with and ${PLAIN_LOADS} without, so ±10 ms is noise; per page: ${figures.map((figure, index) => `${figure.file.replace('.html', '')} ${(added[index] ?? Number.NaN).toFixed(0)}`).join(', ')}`,
  });
  if (uncached.length > 0) rows.push({ area: 'content', metric: `card rendered after dwell, uncached (${label})`, median: median(uncached), unit: 'ms', target: '≤ 50 ms', note: `${note(uncached)}; the page had no data for it: card data and UI are requested when the pointer comes to rest` });
  if (cached.length > 0) rows.push({ area: 'content', metric: `card rendered after dwell, cached (${label})`, median: median(cached), unit: 'ms', target: '≤ 16 ms', note: note(cached) });
  return rows;
}

export async function benchContent(): Promise<BenchRow[]> {
  const seedPack = JSON.parse(readFileSync(resolve(REPO_ROOT, 'lib/pack/seed-pack.generated.json'), 'utf8')) as Pack;
  const bigPack = generatePack({ articles: 2_000, entities: 10_000, aliasesPerEntity: 2, seed: 7, id: 'bench-10k' });

  const rows: BenchRow[] = [];
  const contentScript = readFileSync(resolve(BUILD_DIRS.chromium, 'content-scripts/content.js'));
  rows.push({ area: 'content', metric: 'initial content script size (gzip)', median: gzipSync(contentScript, { level: 9 }).length / 1024, unit: 'KB', target: '≤ 30 KB', note: `${(contentScript.length / 1024).toFixed(1)} KB raw; card UI loaded on first hover` });

  const plainRendering = await measurePlainRendering();
  const seedFigures = await measureStore('seed store', null);
  rows.push(...rowsFor('seed store', seedFigures, await measureMarkJs(aliasesOf(seedPack)), plainRendering));
  rows.push(...floorRows(seedFigures, await measureFloor()));
  const bigFigures = await measureStore('10k store', bigPack);
  rows.push(...rowsFor('10k store', bigFigures, await measureMarkJs([...aliasesOf(seedPack), ...aliasesOf(bigPack)]), plainRendering));
  return rows;
}
