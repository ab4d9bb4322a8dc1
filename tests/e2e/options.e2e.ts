/**
 * The options page end to end: a pack imported through the file picker reaches pages (highlight and
 * card), disabling it and removing it take it away again, export then import gives the same pack back,
 * and a broken file shows an error while the seed entities keep working.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePack } from '../bench/generate-pack';
import { BROWSERS, launchExtension, type BrowserSession, type TestPage } from './harness';
import { startStaticServer, type StaticServer } from './server';

const FIXTURES = resolve(import.meta.dirname, 'fixtures/options');
const PACK_FILE = join(FIXTURES, 'port-venn-pack.json');
const PACK_ID = 'e2e-options-pack';
const NEW_ENTITY = 'Ada Quillfeather';
const SEED_ENTITY = 'Emmanuel Macron';
const ROW = `tr[data-pack-id="${PACK_ID}"]`;

/** Texts of the ranges the content script highlighted, read from the page's main world. */
function highlightedTexts(page: TestPage): Promise<string[]> {
  return page.evaluate(() => {
    const highlight = CSS.highlights.get('factcards-mention');
    return highlight ? [...highlight].map((range) => range.toString()) : [];
  });
}

describe.each(BROWSERS)('options page in %s', (browserName) => {
  let server: StaticServer;
  let session: BrowserSession;
  let options: TestPage;
  let news: TestPage;
  let scratch: string;

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'factcards-options-'));
    server = await startStaticServer();
    session = await launchExtension(browserName);
    options = await session.openExtensionPage('options.html');
    // The bundled seed pack is listed once the background has loaded it.
    await options.waitFor(() => document.querySelectorAll('table.packs tbody tr').length > 0, undefined, { timeoutMs: 30_000 });
    news = await session.newPage();
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  /** Loads the fixture news page and waits until the seed entity is highlighted, i.e. the scan ran. */
  async function loadNewsPage(): Promise<string[]> {
    await news.goto(`${server.origin}/fixtures/options/new-entity.html`);
    await news.waitFor(
      (name) => {
        const highlight = CSS.highlights.get('factcards-mention');
        return highlight ? [...highlight].some((range) => range.toString() === name) : false;
      },
      SEED_ENTITY,
      { timeoutMs: 20_000 },
    );
    return highlightedTexts(news);
  }

  async function importFile(path: string): Promise<void> {
    await options.bringToFront();
    await options.uploadFiles('#import-files', [path]);
  }

  async function importFiles(paths: string[]): Promise<void> {
    await options.bringToFront();
    await options.uploadFiles('#import-files', paths);
  }

  async function waitForImportSummary(): Promise<string> {
    return options.waitFor(() => {
      const text = document.querySelector('#import-status')?.textContent ?? '';
      return text.includes('Imported') ? text : '';
    });
  }

  it('imports a pack file, and a page then highlights the new entity and shows its card', async () => {
    await importFile(PACK_FILE);
    const summary = await waitForImportSummary();
    expect(summary).toContain('Port Venn test pack');
    expect(summary).toMatch(/1 article added, 0 skipped; 1 new entity/);
    const row = await options.waitFor((selector) => document.querySelector(selector)?.textContent ?? '', ROW);
    expect(row).toContain('Port Venn test pack');

    await news.bringToFront();
    await loadNewsPage();
    await news.waitFor(
      (name) => [...(CSS.highlights.get('factcards-mention') ?? [])].some((range) => range.toString() === name),
      NEW_ENTITY,
    );
    const point = await news.evaluate((name) => {
      const range = [...(CSS.highlights.get('factcards-mention') ?? [])].find((candidate) => candidate.toString() === name);
      const rect = (range as Range | undefined)?.getClientRects()[0];
      return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
    }, NEW_ENTITY);
    if (!point) throw new Error(`${NEW_ENTITY} is highlighted but has no box on screen`);
    // From outside the text, so the pointer's arrival over the mention is a fresh hover.
    await news.mouseMove(0, 0);
    await news.mouseMove(point.x, point.y);
    const card = await news.waitFor(() => {
      const host = document.querySelector('factcards-card');
      // The card shows its heading while it loads (aria-busy); wait for its content.
      return host?.shadowRoot?.querySelector('[data-entity-id]:not([aria-busy="true"])')?.textContent ?? '';
    });
    expect(card).toContain(NEW_ENTITY);
    expect(card).toContain('Harbour commissioner of Port Venn');
  });

  it('disabling the pack removes its highlight, and enabling it brings it back', async () => {
    await options.bringToFront();
    await options.click(`${ROW} input[data-action="toggle"]`);
    await options.waitFor((selector) => document.querySelector<HTMLInputElement>(`${selector} input[data-action="toggle"]`)?.checked === false, ROW);

    await news.bringToFront();
    expect(await loadNewsPage()).not.toContain(NEW_ENTITY);

    await options.bringToFront();
    await options.click(`${ROW} input[data-action="toggle"]`);
    await options.waitFor((selector) => document.querySelector<HTMLInputElement>(`${selector} input[data-action="toggle"]`)?.checked === true, ROW);
    await news.bringToFront();
    await loadNewsPage();
    await news.waitFor(
      (name) => [...(CSS.highlights.get('factcards-mention') ?? [])].some((range) => range.toString() === name),
      NEW_ENTITY,
    );
  });

  it('exports the pack, and importing the export gives the same pack back', async () => {
    await options.bringToFront();
    // Capture the exported file instead of letting the browser save it.
    await options.evaluate(() => {
      const state = window as unknown as { exportedText?: Promise<string> };
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        state.exportedText = (blob as Blob).text();
        return 'blob:captured';
      };
      HTMLAnchorElement.prototype.click = function () {
        /* the test reads the blob instead of downloading it */
      };
    });
    await options.click(`${ROW} button[data-action="export"]`);
    const exported = await options.waitFor(() => (window as unknown as { exportedText?: Promise<string> }).exportedText ?? null);
    const original = JSON.parse(readFileSync(PACK_FILE, 'utf8')) as Record<string, unknown>;
    const roundTrip = JSON.parse(exported as unknown as string) as Record<string, unknown>;
    const exportPath = join(scratch, 'exported.json');
    writeFileSync(exportPath, exported as unknown as string);
    for (const field of ['formatVersion', 'id', 'name', 'source', 'articles', 'entities', 'contexts']) {
      expect(roundTrip[field], field).toEqual(original[field]);
    }

    // Remove it, then import the exported file: the same pack is back.
    await options.click(`${ROW} button[data-action="remove"]`);
    await options.click('button[data-action="confirm"]');
    await options.waitFor((selector) => document.querySelector(selector) === null, ROW);
    await importFile(exportPath);
    const summary = await waitForImportSummary();
    expect(summary).toMatch(/1 article added, 0 skipped; 1 new entity/);
    const counts = await options.waitFor(
      (selector) => [...(document.querySelector(selector)?.querySelectorAll('td') ?? [])].slice(1, 3).map((cell) => cell.textContent).join(','),
      ROW,
    );
    expect(counts).toBe('1,1');
  });

  it('removing the pack removes its entity from pages', async () => {
    await options.bringToFront();
    await options.click(`${ROW} button[data-action="remove"]`);
    await options.click('button[data-action="confirm"]');
    await options.waitFor((selector) => document.querySelector(selector) === null, ROW);

    await news.bringToFront();
    const highlighted = await loadNewsPage();
    expect(highlighted).toContain(SEED_ENTITY);
    expect(highlighted).not.toContain(NEW_ENTITY);
  });

  it('imports raw articles through the metadata form, extracting in the worker; hostile metadata stays inert', async () => {
    await importFiles([join(FIXTURES, 'harbour-strike.txt'), join(FIXTURES, 'ferry-timetable.md')]);
    // Only the .txt file lacks front matter, so the form asks about it alone.
    const legends = await options.waitFor(() => [...document.querySelectorAll('form.metadata-form legend')].map((legend) => legend.textContent).join('|'));
    expect(legends).toBe('harbour-strike.txt');
    await options.type('#article-0-outlet', 'Venn Gazette');
    await options.type('#article-0-date', '2026-01-15');
    await options.click('form.metadata-form button[type="submit"]');
    const summary = await waitForImportSummary();
    expect(summary).toMatch(/2 articles added, 0 skipped/);
    expect(summary).toContain('ferry-timetable.md: the URL "javascript:alert(document.cookie)" is not an http(s) link');
    const row = await options.waitFor(() => document.querySelector('tr[data-pack-id^="import-"]')?.textContent ?? '');
    expect(row).toContain('harbour-strike.txt');
    expect(row).toContain('ferry-timetable.md');

    await news.bringToFront();
    await loadNewsPage();
    const point = await news.waitFor((name) => {
      const range = [...(CSS.highlights.get('factcards-mention') ?? [])].find((candidate) => candidate.toString() === name);
      const rect = (range as Range | undefined)?.getClientRects()[0];
      return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
    }, 'Tobias Wrenfield');
    if (!point) throw new Error('Tobias Wrenfield is highlighted but has no box on screen');
    await news.mouseMove(0, 0);
    await news.mouseMove(point.x, point.y);
    const card = await news.waitFor(() => {
      const root = document.querySelector('factcards-card')?.shadowRoot;
      const body = root?.querySelector('[data-entity-id]');
      if (!root || !body?.textContent?.includes('Tobias Wrenfield') || !body.textContent.includes('ferry timetable')) return null;
      return {
        text: body.textContent,
        scripts: root.querySelectorAll('script').length,
        unsafeLinks: [...root.querySelectorAll('a')].filter((link) => !/^https?:/.test(link.href)).length,
      };
    });
    if (!card) throw new Error('no card');
    expect(card.text).toContain('<script>alert("title")</script>New ferry timetable');
    expect(card.scripts).toBe(0);
    expect(card.unsafeLinks).toBe(0);
  });

  it('Cancel stops an extraction halfway and stores nothing', async () => {
    // Enough raw articles that extraction takes seconds, so there is time to press Cancel.
    const generated = generatePack({ articles: 400, entities: 200, seed: 5, id: 'cancel' });
    const paths = generated.articles.map((article, index) => {
      const path = join(scratch, `cancel-${index}.md`);
      writeFileSync(path, `---\ntitle: ${article.title}\noutlet: ${article.outlet}\n---\n${article.text}\n`);
      return path;
    });
    const packsBefore = await options.evaluate(() => document.querySelectorAll('table.packs tbody tr').length);
    await importFiles(paths);
    await options.waitFor(() => document.querySelector('progress') !== null, undefined, { timeoutMs: 30_000 });
    await options.click('[data-testid="import-progress"] button');
    const status = await options.waitFor(() => document.querySelector('#import-status')?.textContent ?? '');
    expect(status).toBe('Import cancelled: nothing was stored.');
    expect(await options.evaluate(() => document.querySelector('progress'))).toBeNull();
    // The background heard nothing: the list is the same after it is reloaded.
    await options.goto(`${session.extensionBaseUrl ?? ''}/options.html`);
    await options.waitFor(() => document.querySelectorAll('table.packs tbody tr').length > 0);
    expect(await options.evaluate(() => document.querySelectorAll('table.packs tbody tr').length)).toBe(packsBefore);
  });

  it('settings apply live: switching Factcards off in the options clears an open page, and on brings it back', async () => {
    await news.bringToFront();
    await loadNewsPage();
    await options.bringToFront();
    const toggle = 'input[name="enabled"]';
    await options.click(toggle);
    await options.waitFor((selector) => document.querySelector<HTMLInputElement>(selector)?.checked === false, toggle);
    // The same tab, not reloaded: its content script watches the settings.
    await news.waitFor(() => (CSS.highlights.get('factcards-mention')?.size ?? 0) === 0);
    await options.click(toggle);
    await news.waitFor(
      (name) => [...(CSS.highlights.get('factcards-mention') ?? [])].some((range) => range.toString() === name),
      SEED_ENTITY,
    );
  });

  it('a broken pack shows where it is broken, stores nothing, and the seed entities still work', async () => {
    const brokenPath = join(scratch, 'broken-pack.json');
    writeFileSync(brokenPath, '{\n  "formatVersion": 1,\n  "id": "broken",,\n  "name": "Broken"\n}\n');
    const packsBefore = await options.evaluate(() => document.querySelectorAll('table.packs tbody tr').length);
    await importFile(brokenPath);
    const error = await options.waitFor(() => document.querySelector('[role="alert"]#import-errors')?.textContent ?? '');
    expect(error).toContain('broken-pack.json');
    expect(error).toContain('line 3, column 18');

    const schemaPath = join(scratch, 'wrong-url.json');
    const pack = JSON.parse(readFileSync(PACK_FILE, 'utf8')) as { articles: Array<{ url: string }> };
    writeFileSync(schemaPath, JSON.stringify({ ...pack, articles: pack.articles.map((article) => ({ ...article, url: 'javascript:alert(1)' })) }));
    await importFile(schemaPath);
    const schemaError = await options.waitFor(() => {
      const text = document.querySelector('#import-errors')?.textContent ?? '';
      return text.includes('wrong-url.json') ? text : '';
    });
    expect(schemaError).toContain('articles[0].url');
    expect(await options.evaluate(() => document.querySelectorAll('table.packs tbody tr').length)).toBe(packsBefore);
    expect(await options.evaluate(() => document.querySelector('#import-status')?.textContent ?? '')).not.toContain('Imported');

    await news.bringToFront();
    const highlighted = await loadNewsPage();
    expect(highlighted).toContain(SEED_ENTITY);
    expect(highlighted).not.toContain(NEW_ENTITY);
    expect(options.errors().filter((message) => !/Failed to load resource/.test(message))).toEqual([]);
  });
  it('shows the keyboard shortcuts with the keys the browser bound', async () => {
    await options.bringToFront();
    const keys = await options.waitFor(() => {
      const rows = [...document.querySelectorAll<HTMLElement>('.shortcuts [data-command]')];
      return rows.length >= 3 ? Object.fromEntries(rows.map((row) => [row.dataset.command ?? '', row.querySelector('kbd')?.textContent ?? ''])) : null;
    });
    expect(keys).toMatchObject({ 'open-card': 'Alt+Shift+F', 'next-mention': 'Alt+Shift+Period', 'previous-mention': 'Alt+Shift+Comma' });
  });

  it('imports a pack of several megabytes whole: its text travels from the worker and to the background in pieces', async () => {
    const generated = generatePack({ articles: 1_500, entities: 300, seed: 9, id: 'e2e-large' });
    const path = join(scratch, 'large-pack.json');
    writeFileSync(path, JSON.stringify(generated));
    // Over two pieces' worth (PACK_TEXT_PIECE_CHARS, a million characters), so the staged path runs.
    expect(readFileSync(path, 'utf8').length).toBeGreaterThan(2_000_000);
    await importFile(path);
    const summary = await waitForImportSummary();
    expect(summary).toContain(generated.name);
    expect(summary).toMatch(/1,?500 articles added, 0 skipped/);
    const row = await options.waitFor(() => document.querySelector('tr[data-pack-id="e2e-large"]')?.textContent ?? '');
    expect(row).toContain(generated.name);
  });

  it('reset, once confirmed, leaves only the bundled pack and its entities', async () => {
    await options.bringToFront();
    expect(await options.evaluate(() => document.querySelectorAll('table.packs tbody tr').length)).toBeGreaterThan(1);
    await options.click('button[data-action="reset"]');
    await options.click('button[data-action="keep"]');
    expect(await options.evaluate(() => document.querySelectorAll('table.packs tbody tr').length)).toBeGreaterThan(1);
    await options.click('button[data-action="reset"]');
    await options.click('button[data-action="confirm"]');
    const rows = await options.waitFor(() => {
      const names = [...document.querySelectorAll('table.packs tbody tr th')].map((cell) => cell.textContent ?? '');
      return names.length === 1 ? names : null;
    });
    expect(rows?.[0]).toContain('(bundled)');
    await news.bringToFront();
    const highlighted = await loadNewsPage();
    expect(highlighted).toContain(SEED_ENTITY);
    expect(highlighted).not.toContain('Tobias Wrenfield');
  });
});
