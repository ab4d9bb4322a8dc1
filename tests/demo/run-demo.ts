/**
 * `npm run demo`: serves the demo news page made from the seed articles and opens Chromium on it with
 * Factcards loaded, so a newcomer can hover names straight away.
 *
 * `npm run demo -- --headless --screenshot FILE` does the same without a window: it hovers "Mandon",
 * waits for the card, and writes a PNG of the page with the card showing.
 *
 * `npm run demo` builds the extension first (see package.json).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchExtension, type TestPage } from '../e2e/harness';
import { startStaticServer } from '../e2e/server';

const { values } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    screenshot: { type: 'string' },
    mention: { type: 'string', default: 'Mandon' },
  },
});

/** Scrolls the first highlighted mention containing `text` into view and returns its centre. */
async function locateMention(page: TestPage, text: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((wanted) => {
    const ranges = [...(CSS.highlights.get('factcards-mention') ?? [])].filter((range): range is Range => range instanceof Range);
    const range = ranges.find((candidate) => candidate.toString().includes(wanted));
    if (!range) return null;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const rect = range.getClientRects()[0];
    return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
  }, text);
}

async function main(): Promise<void> {
  const screenshot = values.screenshot ? resolve(process.env.INIT_CWD ?? process.cwd(), values.screenshot) : null;
  const headless = values.headless || screenshot !== null;
  if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    throw new Error('No display to open a browser window on. Run `npm run demo -- --headless --screenshot demo.png` instead.');
  }

  const server = await startStaticServer(headless ? 0 : 4173).catch(() => startStaticServer());
  const session = await launchExtension('chromium', { headless });
  const page = await session.newPage();
  await page.goto(`${server.origin}/demo/`);
  console.log(`Demo page: ${server.origin}/demo/ (Factcards loaded in Chromium)`);

  if (!screenshot) {
    console.log('Hover a name such as "Mandon", "Barrot" or "coalition of the willing". Close the browser to stop.');
    await page.waitFor(() => false, undefined, { timeoutMs: 24 * 60 * 60 * 1000 }).catch(() => undefined);
    await session.close();
    await server.close();
    return;
  }

  const mentionText = values.mention ?? 'Mandon';
  try {
    await page.waitFor((wanted) => [...(CSS.highlights.get('factcards-mention') ?? [])].some((range) => range.toString().includes(wanted)), mentionText);
    const point = await locateMention(page, mentionText);
    if (point) {
      await page.mouseMove(point.x, point.y);
      // The card shows its heading at once and its contents when they arrive (aria-busy until then).
      await page.waitFor(() => Boolean(document.querySelector('factcards-card')?.shadowRoot?.querySelector('[data-entity-id]:not([aria-busy="true"]) ol li')));
      // Let the card's entrance transition finish before the picture is taken.
      await new Promise((done) => setTimeout(done, 400));
    }
  } catch (error) {
    console.warn(`No card for "${mentionText}" to show (${error instanceof Error ? error.message : String(error)}); the screenshot shows the page.`);
  }
  await page.screenshot(screenshot);
  console.log(`Wrote ${screenshot}`);
  await session.close();
  await server.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
