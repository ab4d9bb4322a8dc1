/**
 * The one place E2E tests, the benchmark and the demo launch real browsers with Factcards loaded.
 *
 * Chromium runs through playwright-core (Debian's /usr/bin/chromium, MV3 build), Firefox ESR through
 * puppeteer-core over WebDriver BiDi (MV2 build). Both are wrapped in the same small `TestPage` so that
 * every test is written once and runs in both browsers.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type BrowserContext, type Page as PlaywrightPage } from 'playwright-core';
import puppeteer, { type Browser as PuppeteerBrowser, type Page as PuppeteerPage } from 'puppeteer-core';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
/** FACTCARDS_BUILD_ROOT points at a copy of .output/ (parallel builds in one tree would race otherwise). */
const BUILD_ROOT = process.env.FACTCARDS_BUILD_ROOT ?? resolve(REPO_ROOT, '.output');
export const BUILD_DIRS: Record<BrowserName, string> = {
  chromium: resolve(BUILD_ROOT, 'chrome-mv3'),
  firefox: resolve(BUILD_ROOT, 'firefox-mv2'),
};
const EXECUTABLES: Record<BrowserName, string> = {
  chromium: process.env.FACTCARDS_CHROMIUM ?? '/usr/bin/chromium',
  firefox: process.env.FACTCARDS_FIREFOX ?? '/usr/bin/firefox-esr',
};
/** Must equal browser_specific_settings.gecko.id in wxt.config.ts. */
const GECKO_ID = 'factcards@factcards.dev';

/** A page in either browser, with just the operations our tests need. */
export interface TestPage {
  readonly browserName: BrowserName;
  goto(url: string): Promise<void>;
  /** The document's current URL (asked of the document: Firefox's driver loses track after a frame swap). */
  url(): Promise<string>;
  /** Runs `fn` in the page's main world (not the content script's). */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Polls `fn` in the page until it returns a truthy value, and returns that value. */
  waitFor<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A, options?: { timeoutMs?: number }): Promise<R>;
  mouseMove(x: number, y: number): Promise<void>;
  /** Clicks like a person, once the element can take the click; ` >>> ` enters an open shadow root. */
  click(selector: string): Promise<void>;
  /** Focuses `selector` and types `text` key by key, like a person would. */
  type(selector: string, text: string): Promise<void>;
  press(key: string): Promise<void>;
  uploadFiles(selector: string, paths: string[]): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  /** Lays the page out for print or screen. Chromium only: Firefox's BiDi driver cannot (it throws). */
  emulateMedia(media: 'print' | 'screen'): Promise<void>;
  screenshot(path: string): Promise<void>;
  /**
   * Chromium only (the benchmark): records a browser trace of `categories` while `during` runs, and
   * returns its events with the id of the page's main frame, as trace events name frames.
   */
  trace(categories: string[], during: () => Promise<void>): Promise<{ events: TraceEvent[]; mainFrameId: string }>;
  /** Console errors and uncaught page errors seen since the page opened. */
  errors(): string[];
  bringToFront(): Promise<void>;
  /** Runs `source` in the page's main world before any of its own scripts, on every navigation. */
  addInitScript(source: string): Promise<void>;
  close(): Promise<void>;
}

/** One event of a Chromium trace (the Trace Event Format), as far as the benchmark reads it. */
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  /** Start and duration in microseconds. */
  ts: number;
  dur?: number;
  args?: { data?: { url?: string; frame?: string }; worldName?: string };
}

export interface BrowserSession {
  readonly browserName: BrowserName;
  /** `chrome-extension://ID` or `moz-extension://UUID`, when launched with the extension. */
  readonly extensionBaseUrl: string | null;
  newPage(): Promise<TestPage>;
  /** Opens an extension page such as `popup.html` or `options.html?x=1` as a tab. */
  openExtensionPage(path: string): Promise<TestPage>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Load the built extension (default true). Page-safety tests launch without it for the baseline. */
  extension?: boolean;
  /** Chromium only: load this unpacked extension instead of the build (the benchmark's floor probe). */
  extensionDir?: string;
  headless?: boolean;
  /** Extra browser arguments (Chromium) or preferences (Firefox). */
  chromiumArgs?: string[];
  firefoxPrefs?: Record<string, unknown>;
  /** The reader's system preferences, as pages see them through media queries (default: light, motion). */
  media?: { colorScheme?: 'light' | 'dark'; reducedMotion?: boolean };
}

const DEFAULT_TIMEOUT_MS = 15_000;

/** Launches a browser, with the built extension loaded unless `extension: false`. */
export async function launchBrowser(browserName: BrowserName, options: LaunchOptions = {}): Promise<BrowserSession> {
  const withExtension = options.extension ?? true;
  if (options.extensionDir && browserName !== 'chromium') throw new Error('extensionDir is for Chromium only');
  if (withExtension && !options.extensionDir && !existsSync(resolve(BUILD_DIRS[browserName], 'manifest.json'))) {
    throw new Error(`No ${browserName} build in ${BUILD_DIRS[browserName]}: run \`npm run build\` and \`npm run build:firefox\` first.`);
  }
  if (!existsSync(EXECUTABLES[browserName])) {
    throw new Error(`${EXECUTABLES[browserName]} is missing: install Debian's chromium and firefox-esr (see .ci/run).`);
  }
  return browserName === 'chromium'
    ? launchChromium(withExtension, options)
    : launchFirefox(withExtension, options);
}

/** Shorthand for the common case. */
export function launchExtension(browserName: BrowserName, options: Omit<LaunchOptions, 'extension'> = {}): Promise<BrowserSession> {
  return launchBrowser(browserName, { ...options, extension: true });
}

/** The session both launchers return: extension pages open as ordinary tabs at the extension's origin. */
function browserSession(
  browserName: BrowserName,
  extensionBaseUrl: string | null,
  newPage: () => Promise<TestPage>,
  close: () => Promise<void>,
): BrowserSession {
  return {
    browserName,
    extensionBaseUrl,
    newPage,
    async openExtensionPage(path) {
      if (!extensionBaseUrl) throw new Error('launched without the extension');
      const page = await newPage();
      await page.goto(`${extensionBaseUrl}/${path}`);
      return page;
    },
    close,
  };
}

async function launchChromium(withExtension: boolean, options: LaunchOptions): Promise<BrowserSession> {
  const dir = options.extensionDir ?? BUILD_DIRS.chromium;
  const context = await chromium.launchPersistentContext('', {
    executablePath: EXECUTABLES.chromium,
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 800 },
    colorScheme: options.media?.colorScheme ?? 'light',
    reducedMotion: options.media?.reducedMotion ? 'reduce' : 'no-preference',
    args: [
      ...(withExtension ? [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // The machine has no network: fail every non-local host at once instead of waiting on DNS.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
      ...(options.chromiumArgs ?? []),
    ],
  });
  let extensionBaseUrl: string | null = null;
  if (withExtension) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: DEFAULT_TIMEOUT_MS }));
    // chrome-extension://ID/background.js: Node's URL gives no origin for this scheme, so cut it out.
    extensionBaseUrl = worker.url().split('/').slice(0, 3).join('/');
  }
  // The persistent context opens with one blank tab; keep it so the browser stays up, use fresh tabs.
  return browserSession('chromium', extensionBaseUrl, async () => wrapPlaywright(await context.newPage()), () => closeChromium(context));
}

async function closeChromium(context: BrowserContext): Promise<void> {
  await context.close().catch(() => undefined);
}

function wrapPlaywright(page: PlaywrightPage): TestPage {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.setDefaultTimeout(DEFAULT_TIMEOUT_MS);
  return {
    browserName: 'chromium',
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    url: () => page.evaluate(() => location.href),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    async waitFor(fn, arg, options) {
      const handle = await page.waitForFunction(fn as never, arg, { timeout: options?.timeoutMs ?? DEFAULT_TIMEOUT_MS, polling: 50 });
      return (await handle.jsonValue()) as never;
    },
    mouseMove: (x, y) => page.mouse.move(x, y),
    // Playwright's CSS selectors already pierce open shadow roots; Puppeteer's spell it ` >>> `.
    click: (selector) => page.click(selector.replaceAll(' >>> ', ' ')),
    async type(selector, text) {
      await page.focus(selector);
      await page.keyboard.type(text);
    },
    press: (key) => page.keyboard.press(key),
    uploadFiles: (selector, paths) => page.setInputFiles(selector, paths),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    emulateMedia: (media) => page.emulateMedia({ media }),
    async screenshot(path) {
      await page.screenshot({ path });
    },
    async trace(categories, during) {
      const cdp = await page.context().newCDPSession(page);
      try {
        const events: TraceEvent[] = [];
        cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
        const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
        await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories }, transferMode: 'ReportEvents' });
        try {
          await during();
        } finally {
          await cdp.send('Tracing.end');
          await complete;
        }
        const { frameTree } = await cdp.send('Page.getFrameTree');
        return { events, mainFrameId: frameTree.frame.id };
      } finally {
        await cdp.detach().catch(() => undefined);
      }
    },
    errors: () => [...errors],
    bringToFront: () => page.bringToFront(),
    async addInitScript(source) {
      await page.addInitScript({ content: source });
    },
    close: () => page.close(),
  };
}

async function launchFirefox(withExtension: boolean, options: LaunchOptions): Promise<BrowserSession> {
  // A fixed internal UUID gives the extension a known moz-extension:// origin, the Firefox
  // counterpart of reading the extension id off Chromium's service worker.
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: EXECUTABLES.firefox,
    headless: options.headless ?? true,
    defaultViewport: { width: 1280, height: 800 },
    // Firefox 153+ lets WebDriver navigate to moz-extension:// pages only with system access.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      // What the system reports; pages see it as prefers-color-scheme and prefers-reduced-motion.
      'ui.systemUsesDarkTheme': options.media?.colorScheme === 'dark' ? 1 : 0,
      'ui.prefersReducedMotion': options.media?.reducedMotion ? 1 : 0,
      ...(options.firefoxPrefs ?? {}),
    },
  });
  let extensionBaseUrl: string | null = null;
  if (withExtension) {
    await browser.installExtension(BUILD_DIRS.firefox);
    extensionBaseUrl = `moz-extension://${uuid}`;
  }
  return browserSession('firefox', extensionBaseUrl, async () => wrapPuppeteer(await browser.newPage(), 'firefox'), () => closeFirefox(browser));
}

async function closeFirefox(browser: PuppeteerBrowser): Promise<void> {
  await browser.close().catch(() => undefined);
}

function wrapPuppeteer(page: PuppeteerPage, browserName: BrowserName): TestPage {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error instanceof Error ? error.message : String(error)}`));
  page.setDefaultTimeout(DEFAULT_TIMEOUT_MS);
  return {
    browserName,
    async goto(url) {
      if (!url.startsWith('moz-extension:')) {
        await page.goto(url, { waitUntil: 'load' });
        return;
      }
      // An extension page loads in another process; puppeteer's navigation promise never settles for it
      // (the frame is swapped), although the page does load. Start the navigation and poll the document.
      page.goto(url).catch(() => undefined);
      const deadline = Date.now() + DEFAULT_TIMEOUT_MS;
      for (;;) {
        const state = await page
          .evaluate(() => ({ href: location.href, ready: document.readyState }))
          .catch(() => null);
        if (state && state.href === url && state.ready === 'complete') return;
        if (Date.now() > deadline) throw new Error(`timed out opening ${url}`);
        await new Promise((done) => setTimeout(done, 50));
      }
    },
    url: () => page.evaluate(() => location.href),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    async waitFor(fn, arg, options) {
      const handle = await page.waitForFunction(fn as (arg: unknown) => unknown, { timeout: options?.timeoutMs ?? DEFAULT_TIMEOUT_MS, polling: 50 }, arg);
      return (await handle.jsonValue()) as never;
    },
    mouseMove: (x, y) => page.mouse.move(x, y),
    click: (selector) => page.click(selector),
    async type(selector, text) {
      await page.focus(selector);
      await page.keyboard.type(text);
    },
    press: (key) => page.keyboard.press(key as never),
    async uploadFiles(selector, paths) {
      const input = await page.waitForSelector(selector);
      if (!input) throw new Error(`no ${selector}`);
      await (input as unknown as { uploadFile(...paths: string[]): Promise<void> }).uploadFile(...paths);
    },
    setViewport: (width, height) => page.setViewport({ width, height }),
    emulateMedia: (media) => page.emulateMediaType(media),
    async screenshot(path) {
      await page.screenshot({ path: path as `${string}.png` });
    },
    trace() {
      return Promise.reject(new Error(`tracing is Chromium only (here: ${browserName})`));
    },
    errors: () => [...errors],
    bringToFront: () => page.bringToFront(),
    async addInitScript(source) {
      await page.evaluateOnNewDocument(source);
    },
    close: () => page.close(),
  };
}
