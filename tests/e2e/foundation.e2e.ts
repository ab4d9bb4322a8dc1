/** The extension loads in both browsers: its content script runs on a page, and its own pages render. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_COMMANDS } from '../../lib/page/commands';
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

  it('asks only for storage and http(s) pages, and registers its keyboard shortcuts', async () => {
    const page = await session.openExtensionPage('options.html');
    // The manifest as the browser loaded it, and the commands it registered from it.
    const loaded = await page.evaluate(async () => {
      interface Api {
        runtime: { getManifest(): { permissions?: string[]; host_permissions?: string[]; optional_permissions?: string[]; content_scripts?: Array<{ matches: string[] }> } };
        commands: { getAll(): Promise<Array<{ name?: string; shortcut?: string }>> };
      }
      const scope = globalThis as unknown as { browser?: Api; chrome: Api };
      const api = scope.browser ?? scope.chrome;
      const manifest = api.runtime.getManifest();
      return {
        permissions: [...(manifest.permissions ?? []), ...(manifest.host_permissions ?? []), ...(manifest.optional_permissions ?? [])],
        matches: [...new Set(manifest.content_scripts?.flatMap((script) => script.matches) ?? [])].sort(),
        commands: (await api.commands.getAll()).map((command) => ({ name: command.name, shortcut: command.shortcut })),
      };
    });
    expect(loaded.permissions).toEqual(['storage']);
    expect(loaded.matches).toEqual(['http://*/*', 'https://*/*']);
    // Each page command has its suggested key: a browser leaves one unbound when it clashes with its own.
    const ours = loaded.commands.filter((command) => (PAGE_COMMANDS as readonly (string | undefined)[]).includes(command.name));
    expect(ours.sort((a, b) => String(a.name).localeCompare(String(b.name)))).toEqual([
      { name: 'next-mention', shortcut: 'Alt+Shift+Period' },
      { name: 'open-card', shortcut: 'Alt+Shift+F' },
      { name: 'previous-mention', shortcut: 'Alt+Shift+Comma' },
    ]);
    await page.close();
  });

  it('renders options.html as an extension page', async () => {
    const page = await session.openExtensionPage('options.html');
    const heading = await page.waitFor(() => document.querySelector('h1')?.textContent ?? '');
    expect(heading).toContain('Factcards');
    await page.close();
  });
});
