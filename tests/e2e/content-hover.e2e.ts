/**
 * How the hover card behaves around its mention, in both browsers: it opens only when the pointer rests
 * on the mention's own text, flips above a mention at the bottom of the window and fits in it (scrolling
 * inside, its action always in view), follows its mention when the page scrolls and closes once the mention is gone from view, and
 * takes the reader's dark scheme and reduced-motion preference.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import { hoverMention, waitForCard, waitForHighlight, writeSettings } from './content-page';
import { BROWSERS, launchExtension, type BrowserName, type BrowserSession, type LaunchOptions, type TestPage } from './harness';
import { startStaticServer, type StaticServer } from './server';

/** Where the card and its mention are on screen, and how the card is styled. */
interface CardLayout {
  card: { top: number; bottom: number; left: number; right: number };
  mention: { top: number; bottom: number };
  viewport: { width: number; height: number };
  scrollHeight: number;
  clientHeight: number;
  background: string;
  animation: string;
}

/** Reads the layout once the card's entrance animation (a 2 px slide) has finished. */
function readCardLayout(page: TestPage, text: string): Promise<CardLayout | null> {
  return page.evaluate(async (text) => {
    const card = document.querySelector('factcards-card')?.shadowRoot?.querySelector('[data-entity-id]');
    const highlight = CSS.highlights.get('factcards-mention');
    const range = highlight ? ([...highlight] as Range[]).find((candidate) => candidate.toString() === text) : undefined;
    if (!card || !range) return null;
    await Promise.all(card.getAnimations().map((animation) => animation.finished.catch(() => undefined)));
    const box = card.getBoundingClientRect();
    const mention = range.getBoundingClientRect();
    const style = getComputedStyle(card);
    return {
      card: { top: box.top, bottom: box.bottom, left: box.left, right: box.right },
      mention: { top: mention.top, bottom: mention.bottom },
      viewport: { width: innerWidth, height: innerHeight },
      scrollHeight: card.scrollHeight,
      clientHeight: card.clientHeight,
      background: style.backgroundColor,
      animation: style.animationName,
    };
  }, text);
}

/** Relative luminance (0 black … 1 white) of a computed `rgb(…)` colour. */
function luminance(color: string): number {
  const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map(Number);
  const linear = (channel: number) => {
    const value = channel / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/**
 * Counts cards opened from now on (hosts added to the page), so a card that opened and closed again
 * between two looks is still seen. Answers a function that reads the count.
 */
async function countCardOpenings(page: TestPage): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const scope = window as unknown as { cardOpenings?: number };
    if (scope.cardOpenings === undefined) {
      new MutationObserver((records) => {
        for (const record of records) for (const node of record.addedNodes) if (node.nodeName === 'FACTCARDS-CARD') scope.cardOpenings = (scope.cardOpenings ?? 0) + 1;
      }).observe(document.documentElement, { childList: true });
    }
    scope.cardOpenings = 0;
  });
  return () => page.evaluate(() => (window as unknown as { cardOpenings?: number }).cardOpenings ?? 0);
}

/** Whether the card's "Open in Factcards" lies inside the card's visible box and is what a click there hits. */
function actionInView(page: TestPage): Promise<boolean> {
  return page.evaluate(() => {
    const root = document.querySelector('factcards-card')?.shadowRoot;
    const card = root?.querySelector('[data-entity-id]');
    const action = [...(root?.querySelectorAll('button') ?? [])].find((button) => button.textContent === 'Open in Factcards');
    if (!root || !card || !action) return false;
    const box = card.getBoundingClientRect();
    const rect = action.getBoundingClientRect();
    const hit = root.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
    return rect.height > 0 && rect.top >= box.top && rect.bottom <= box.bottom && hit !== null && action.contains(hit);
  });
}

function pause(page: TestPage, ms: number): Promise<unknown> {
  return page.evaluate((ms) => new Promise((done) => setTimeout(done, ms)), ms);
}

async function closeCard(page: TestPage): Promise<void> {
  await page.press('Escape');
  await page.waitFor(() => !document.querySelector('factcards-card'));
}

/** Hovers a mention, reads its card's background and entrance animation, and closes it. */
async function hoveredCardStyle(page: TestPage, text: string): Promise<Pick<CardLayout, 'background' | 'animation'>> {
  await hoverMention(page, text);
  await waitForCard(page);
  const layout = await readCardLayout(page, text);
  if (!layout) throw new Error(`no card for "${text}"`);
  await closeCard(page);
  return { background: layout.background, animation: layout.animation };
}

interface Fixture {
  server: StaticServer;
  session: BrowserSession;
  page: TestPage;
}

/** The hover fixture in its own browser, opened before the suite's tests (the fields are set then). */
function openFixture(browserName: BrowserName, media?: LaunchOptions['media']): Fixture {
  const state = {} as Fixture;
  beforeAll(async () => {
    state.server = await startStaticServer();
    state.session = await launchExtension(browserName, media ? { media } : {});
    state.page = await state.session.newPage();
    await state.page.goto(`${state.server.origin}/fixtures/content-hover.html`);
    await waitForHighlight(state.page, 'Barrot');
    await waitForHighlight(state.page, 'Mandon');
  });
  afterAll(async () => {
    await state.session?.close();
    await state.server?.close();
  });
  return state;
}

describe.each(BROWSERS)('hover card placement in %s', (browserName) => {
  const fixture = openFixture(browserName);

  it('opens nothing for a pointer resting after the end of a line, only on the mention itself', async () => {
    const { page } = fixture;
    await page.mouseMove(1, 1);
    const rect = await page.evaluate(() => {
      const highlight = CSS.highlights.get('factcards-mention');
      const range = highlight ? ([...highlight] as Range[]).find((candidate) => candidate.toString() === 'Barrot') : undefined;
      range?.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
      const box = range?.getClientRects()[0];
      return box ? { right: box.right, middle: box.top + box.height / 2, x: box.left + box.width / 2 } : null;
    });
    if (!rect) throw new Error('"Barrot" has no line box');
    // On the same line, in the paragraph's empty space after its last word: the caret there is at the
    // end of "Barrot", but the pointer is not on it.
    const openings = await countCardOpenings(page);
    await page.mouseMove(rect.right + 120, rect.middle);
    await pause(page, 1_200);
    expect(await openings()).toBe(0);
    // On the word itself, the card opens.
    await page.mouseMove(rect.x, rect.middle);
    expect((await waitForCard(page)).name).toContain('Barrot');
    await closeCard(page);
  });

  it('opens nothing when the pointer only passes over a mention', async () => {
    const { page, session } = fixture;
    const options = await session.openExtensionPage('options.html');
    try {
      // A long dwell, so that passing over is clearly shorter than it on a slow machine too.
      await writeSettings(options, { ...DEFAULT_SETTINGS, hoverDelayMs: 1_500 });
      await page.bringToFront();
      const openings = await countCardOpenings(page);
      await hoverMention(page, 'Mandon');
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null)))));
      await page.mouseMove(2, 2);
      await pause(page, 2_000);
      expect(await openings()).toBe(0);
      // Resting on it for the whole dwell opens it.
      await hoverMention(page, 'Mandon');
      expect((await waitForCard(page)).name).toContain('Mandon');
      await closeCard(page);
    } finally {
      await writeSettings(options, { ...DEFAULT_SETTINGS });
      await options.close();
      await page.bringToFront();
    }
  });

  it('flips above a mention at the bottom of the window and fits in it, scrolling inside with its action in view', async () => {
    const { page } = fixture;
    await page.setViewport(900, 420);
    try {
      await hoverMention(page, 'Mandon', { block: 'end' });
      await waitForCard(page);
      const layout = await page.waitFor(
        (text) => {
          const card = document.querySelector('factcards-card')?.shadowRoot?.querySelector('[data-entity-id]');
          const highlight = CSS.highlights.get('factcards-mention');
          const range = highlight ? ([...highlight] as Range[]).find((candidate) => candidate.toString() === text) : undefined;
          // Placed: the card has left its initial position at the window's corner.
          return card && range && card.getBoundingClientRect().top > 0 ? true : null;
        },
        'Mandon',
      ).then(() => readCardLayout(page, 'Mandon'));
      if (!layout) throw new Error('no card layout');
      expect(layout.mention.bottom).toBeGreaterThan(layout.viewport.height - 80);
      // Above its mention, inside the window.
      expect(layout.card.bottom).toBeLessThanOrEqual(layout.mention.top);
      expect(layout.card.top).toBeGreaterThanOrEqual(0);
      expect(layout.card.right).toBeLessThanOrEqual(layout.viewport.width);
      // Too long for the space it has: capped in height, and it scrolls.
      expect(layout.scrollHeight).toBeGreaterThan(layout.clientHeight);
      const scrolled = await page.evaluate(() => {
        const card = document.querySelector('factcards-card')?.shadowRoot?.querySelector('[data-entity-id]');
        if (!card) return -1;
        card.scrollTop = 60;
        return card.scrollTop;
      });
      expect(scrolled).toBeGreaterThan(0);
      // However its timeline is scrolled, the card's action stays in view and takes the pointer.
      expect(await actionInView(page)).toBe(true);
      await page.evaluate(() => {
        const card = document.querySelector('factcards-card')?.shadowRoot?.querySelector('[data-entity-id]');
        if (card) card.scrollTop = 0;
      });
      expect(await actionInView(page)).toBe(true);
      await closeCard(page);
    } finally {
      await page.setViewport(1280, 800);
    }
  });

  it('follows its mention when the page scrolls, and closes once the mention scrolls out of view', async () => {
    const { page } = fixture;
    await hoverMention(page, 'Mandon');
    await waitForCard(page);
    const before = await readCardLayout(page, 'Mandon');
    if (!before) throw new Error('no card layout');
    // A few pixels: the pointer stays on the word, and the card moves with it.
    await page.evaluate(() => window.scrollBy({ top: 6, behavior: 'instant' }));
    await page.waitFor(
      (top) => {
        const card = document.querySelector('factcards-card')?.shadowRoot?.querySelector('[data-entity-id]');
        const now = card?.getBoundingClientRect().top;
        return now !== undefined && Math.abs(now - top) > 2;
      },
      before.card.top,
    );
    const after = await readCardLayout(page, 'Mandon');
    if (!after) throw new Error('the card closed on a small scroll');
    expect(after.mention.top - before.mention.top).toBeCloseTo(-6, 0);
    expect(after.card.top - before.card.top).toBeCloseTo(-6, 0);
    // Far enough that the mention leaves the window: the card goes with it.
    await page.evaluate(() => window.scrollBy({ top: 2_000, behavior: 'instant' }));
    expect(await page.waitFor(() => !document.querySelector('factcards-card'))).toBe(true);
  });

  it('is light and animates in by default', async () => {
    const style = await hoveredCardStyle(fixture.page, 'Barrot');
    expect(luminance(style.background)).toBeGreaterThan(0.8);
    expect(style.animation).not.toBe('none');
  });
});

describe.each(BROWSERS)('hover card for a reader who prefers dark and less motion, in %s', (browserName) => {
  const fixture = openFixture(browserName, { colorScheme: 'dark', reducedMotion: true });

  it('is dark and appears without animation', async () => {
    const style = await hoveredCardStyle(fixture.page, 'Barrot');
    expect(luminance(style.background)).toBeLessThan(0.1);
    expect(style.animation).toBe('none');
  });
});
