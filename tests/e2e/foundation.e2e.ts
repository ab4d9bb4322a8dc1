/** The extension loads in both browsers: its content script runs on a page, and its own pages render. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launchExtension, type BrowserSession } from './harness';
import { startStaticServer, type StaticServer } from './server';

describe.each(BROWSERS)('foundation in %s', (browserName) => {
  let server: StaticServer;
  let session: BrowserSession;

  beforeAll(async () => {
    server = await startStaticServer();
    session = await launchExtension(browserName);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('runs the content script on a served news page', async () => {
    const page = await session.newPage();
    await page.goto(`${server.origin}/pages/bbc-1.html`);
    // The content script marks nothing in the page's DOM; its highlight registry is the visible sign it ran.
    const ran = await page.waitFor(() => CSS.highlights.has('factcards-mention') || document.documentElement.dataset.factcards === 'ready');
    expect(ran).toBe(true);
    await page.close();
  });

  it('renders popup.html as an extension page', async () => {
    const page = await session.openExtensionPage('popup.html');
    const heading = await page.waitFor(() => document.querySelector('h1')?.textContent ?? '');
    expect(heading).toContain('Factcards');
    await page.close();
  });

  it('renders options.html as an extension page', async () => {
    const page = await session.openExtensionPage('options.html');
    const heading = await page.waitFor(() => document.querySelector('h1')?.textContent ?? '');
    expect(heading).toContain('Factcards');
    await page.close();
  });
});
