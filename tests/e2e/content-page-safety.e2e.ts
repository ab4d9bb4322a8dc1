/**
 * Page safety on every saved real page, in both browsers: with the extension the page is exactly what
 * it is without it: the same body text, the same bounding box for every element, and no new console
 * errors. The baseline is taken first in a browser without the extension, visiting the pages in the
 * same order in a fresh profile (some pages behave differently on a first visit, by cookie), with the
 * pages' clock and Math.random made deterministic in both runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launchBrowser, launchExtension, type BrowserSession } from './harness';
import { DETERMINISTIC_PAGE_SCRIPT, firstDifference, settle, takeSnapshot, type PageSnapshot } from './page-snapshot';
import { listSharedPages, startStaticServer, type StaticServer } from './server';

const PAGES = listSharedPages();

describe.each(BROWSERS)('page safety in %s', (browserName) => {
  let server: StaticServer;
  let session: BrowserSession;
  const baseline = new Map<string, PageSnapshot & { errors: string[] }>();

  beforeAll(async () => {
    server = await startStaticServer();
    const plain = await launchBrowser(browserName, { extension: false });
    try {
      for (const file of PAGES) {
        const page = await plain.newPage();
        await page.addInitScript(DETERMINISTIC_PAGE_SCRIPT);
        await page.goto(`${server.origin}/pages/${file}`);
        await settle(page);
        baseline.set(file, { ...(await takeSnapshot(page)), errors: page.errors() });
        await page.close();
      }
    } finally {
      await plain.close();
    }
    session = await launchExtension(browserName);
  }, 240_000);
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it.each(PAGES)('%s is unchanged by the extension', async (file) => {
    const expected = baseline.get(file);
    if (!expected) throw new Error(`no baseline for ${file}`);
    const page = await session.newPage();
    await page.addInitScript(DETERMINISTIC_PAGE_SCRIPT);
    await page.goto(`${server.origin}/pages/${file}`);
    // The extension ran: its highlight registry entry exists once the page has been scanned.
    expect(await page.waitFor(() => CSS.highlights.has('factcards-mention'))).toBe(true);
    await settle(page);
    const actual = await takeSnapshot(page);
    expect(actual.text).toBe(expected.text);
    expect(firstDifference(expected.boxes, actual.boxes)).toBeNull();
    const known = new Set(expected.errors);
    expect(page.errors().filter((error) => !known.has(error))).toEqual([]);
    await page.close();
  });
});
