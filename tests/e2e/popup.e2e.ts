/**
 * The popup, opened as a page (`popup.html`) against the real background and the bundled seed pack:
 * fuzzy search, the entity view, keyboard navigation, and what the current page mentions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launchExtension, type BrowserSession, type TestPage } from './harness';
import { startStaticServer, type StaticServer } from './server';

const SEARCH_BOX = 'input[type=search]';

/** Opens the popup and waits until its search box has focus, as a reader would find it. */
async function openPopup(session: BrowserSession, path = 'popup.html'): Promise<TestPage> {
  const page = await session.openExtensionPage(path);
  await page.waitFor((selector) => document.activeElement === document.querySelector(selector), SEARCH_BOX);
  return page;
}

/** Entity results as the reader sees them: id, and the visible name. */
function entityResults(page: TestPage): Promise<Array<{ id: string; name: string }>> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[role=listbox] [role=option][data-entity-id]')].map((option) => ({
      id: option.dataset.entityId ?? '',
      name: option.querySelector('.fc-option__name')?.textContent ?? '',
    })),
  );
}

/** Types the query and waits for the first entity result whose name contains `expected`. */
async function searchFor(page: TestPage, query: string, expected: string): Promise<Array<{ id: string; name: string }>> {
  await page.type(SEARCH_BOX, query);
  await page.waitFor(
    (name) =>
      [...document.querySelectorAll('[role=option][data-entity-id] .fc-option__name')].some((element) =>
        (element.textContent ?? '').toLowerCase().includes(name.toLowerCase()),
      ),
    expected,
  );
  return entityResults(page);
}

/**
 * Console errors, less one: @webext-core/messaging sends tab messages with a callback that never reads
 * `chrome.runtime.lastError`, so asking a tab without a content script (the blank tab here) makes Chromium
 * log "Unchecked runtime.lastError". The popup handles that case (it says it cannot read the page).
 */
function pageErrors(page: TestPage): string[] {
  return page.errors().filter((error) => !error.includes('Receiving end does not exist'));
}

describe.each(BROWSERS)('popup in %s', (browserName) => {
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

  it('finds General Mandon and shows his dated contexts', async () => {
    const page = await openPopup(session);
    const results = await searchFor(page, 'Mandon', 'Mandon');
    expect(results[0]?.name).toContain('Mandon');
    // The matched part of the name is emphasised.
    const emphasised = await page.evaluate(() => document.querySelector('[role=option][data-entity-id] mark')?.textContent ?? '');
    expect(emphasised.toLowerCase()).toContain('mandon');

    await page.press('Enter');
    await page.waitFor(() => document.querySelectorAll('.fc-card--full .fc-context').length);
    const contexts = await page.evaluate(() =>
      [...document.querySelectorAll('.fc-card--full .fc-context')].map((item) => ({ date: item.querySelector('time')?.getAttribute('datetime') ?? '', text: item.textContent ?? '' })),
    );
    expect(contexts.some((context) => /^\d{4}(-\d{2}){0,2}$/.test(context.date))).toBe(true);
    const heading = await page.evaluate(() => document.querySelector('.fc-card--full h2')?.textContent ?? '');
    expect(heading).toContain('Mandon');
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('tolerates a typo: "Maccron" finds Macron', async () => {
    const page = await openPopup(session);
    const results = await searchFor(page, 'Maccron', 'Macron');
    expect(results[0]?.name).toContain('Macron');
    await page.close();
  });

  it('matches an alias: "coalition of readiness" finds the coalition of the willing', async () => {
    const page = await openPopup(session);
    const results = await searchFor(page, 'coalition of readiness', 'coalition');
    expect(results[0]?.name.toLowerCase()).toContain('coalition of the willing');
    await page.close();
  });

  it('says so when nothing matches', async () => {
    const page = await openPopup(session);
    await page.type(SEARCH_BOX, 'Zzyzxqwv');
    const message = await page.waitFor(() => document.querySelector('.fc-state--no-results')?.textContent ?? '');
    expect(message).toContain('No matches for “Zzyzxqwv”');
    expect(await entityResults(page)).toEqual([]);
    await page.close();
  });

  it('is driven by the keyboard: ↓ ↑ move, Enter opens, Esc goes back and then clears', async () => {
    const page = await openPopup(session);
    await searchFor(page, 'Macron', 'Macron');
    const activeOption = () =>
      page.evaluate(() => {
        const id = document.querySelector('input[type=search]')?.getAttribute('aria-activedescendant');
        const option = id ? document.getElementById(id) : null;
        return option && option.getAttribute('aria-selected') === 'true' ? [...document.querySelectorAll('[role=option]')].indexOf(option) : -1;
      });
    await page.waitFor(() => document.querySelectorAll('[role=option]').length >= 2);
    expect(await activeOption()).toBe(0);
    await page.press('ArrowDown');
    await page.waitFor(() => document.querySelectorAll('[role=option]')[1]?.getAttribute('aria-selected') === 'true');
    expect(await activeOption()).toBe(1);
    await page.press('ArrowUp');
    await page.waitFor(() => document.querySelectorAll('[role=option]')[0]?.getAttribute('aria-selected') === 'true');

    const firstId = await page.evaluate(() => document.querySelector<HTMLElement>('[role=option]')?.dataset.entityId ?? '');
    await page.press('Enter');
    const shownId = await page.waitFor(() => document.querySelector<HTMLElement>('.fc-card--full')?.dataset.entityId ?? '');
    expect(shownId).toBe(firstId);

    await page.press('Escape');
    const query = await page.waitFor(() => {
      const input = document.querySelector<HTMLInputElement>('input[type=search]');
      return input && document.activeElement === input ? input.value : '';
    });
    expect(query).toBe('Macron');
    await page.press('Escape');
    await page.waitFor(() => document.querySelector<HTMLInputElement>('input[type=search]')?.value === '');
    await page.close();
  });

  it('opens an article that mentions the entity, with its mentions linked and its source', async () => {
    const page = await openPopup(session);
    await searchFor(page, 'Mandon', 'Mandon');
    await page.press('Enter');
    await page.waitFor(() => document.querySelector('.fc-entity-articles button[data-article-id]'));
    await page.click('.fc-entity-articles button[data-article-id]');
    const article = await page.waitFor(() => {
      const title = document.querySelector('.fc-article__title')?.textContent ?? '';
      const mentions = [...document.querySelectorAll<HTMLElement>('.fc-article__text .fc-mention-link[data-entity-id]')];
      return title && mentions.length > 0 && { title, mentions: mentions.map((mention) => mention.textContent ?? '') };
    });
    expect(article && article.mentions.some((text) => text.includes('Mandon'))).toBe(true);
    const source = await page.evaluate(() => document.querySelector<HTMLAnchorElement>('.fc-article__meta a')?.href ?? null);
    if (source !== null) expect(source).toMatch(/^https?:\/\//);

    // A linked mention opens its entity.
    await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.fc-article__text .fc-mention-link')].find((mention) => mention.textContent?.includes('Mandon'))?.click(),
    );
    const heading = await page.waitFor(() => document.querySelector('.fc-card--full h2')?.textContent ?? '');
    expect(heading).toContain('Mandon');
    await page.close();
  });

  it('opens directly on an entity with ?entity=ID and on a search with ?q=', async () => {
    const search = await openPopup(session, 'popup.html?q=Mandon');
    const mandon = await search.waitFor(() => document.querySelector<HTMLElement>('[role=option][data-entity-id]')?.dataset.entityId ?? '');
    await search.close();
    expect(mandon).toBeTruthy();

    const page = await session.openExtensionPage(`popup.html?entity=${encodeURIComponent(mandon)}`);
    const heading = await page.waitFor(() => document.querySelector('.fc-card--full h2')?.textContent ?? '');
    expect(heading).toContain('Mandon');
    await page.close();
  });

  it('counts what same-origin frames mention too, and reveals a name inside the frame that has it', async () => {
    const news = await session.newPage();
    await news.goto(`${server.origin}/fixtures/content-scope.html`);
    // "Mandon" is readable only inside the page's same-origin frame, which marks its own document.
    await news.waitFor(() => {
      const frame = document.querySelector('iframe')?.contentWindow as (Window & typeof globalThis) | null | undefined;
      return [...((frame?.CSS.highlights.get('factcards-mention') as Set<Range> | undefined) ?? [])].some((range) => range.toString() === 'Mandon');
    });
    const popup = await openPopup(session);
    const rows =
      (await popup.waitFor(() => {
        const rows = [...document.querySelectorAll<HTMLElement>('.fc-page-mentions li[data-entity-id]')].map((row) => ({ id: row.dataset.entityId ?? '', text: row.textContent ?? '' }));
        return rows.some((row) => row.text.includes('Mandon')) ? rows : null;
      })) ?? [];
    expect(rows.some((row) => row.text.includes('Barrot'))).toBe(true);
    const mandon = rows.find((row) => row.text.includes('Mandon'));
    await popup.click(`.fc-page-mentions li[data-entity-id="${mandon?.id ?? ''}"] button`);
    const cardId = await news.waitFor(
      () => document.querySelector('iframe')?.contentDocument?.querySelector('factcards-card')?.shadowRoot?.querySelector('[data-entity-id]')?.getAttribute('data-entity-id') ?? '',
    );
    expect(cardId).toBe(mandon?.id);
    await popup.close();
    await news.close();
  });

  it('lists what the current page mentions, reveals one, and turns Factcards off for the site and everywhere', async () => {
    const news = await session.newPage();
    await news.goto(`${server.origin}/demo/`);
    await news.waitFor(() => CSS.highlights.get('factcards-mention')?.size ?? 0);
    const popup = await openPopup(session);
    await popup.waitFor(() => document.querySelectorAll('.fc-page-mentions li[data-entity-id]').length);
    const mentions = await popup.evaluate(() => [...document.querySelectorAll('.fc-page-mentions li[data-entity-id]')].map((row) => row.textContent ?? ''));
    expect(mentions.length).toBeGreaterThan(0);
    expect(mentions.every((row) => /\d+×/.test(row))).toBe(true);
    const site = await popup.evaluate(() => document.querySelector('.fc-switch strong')?.textContent ?? '');
    expect(site).toBe('127.0.0.1');

    // Clicking a mention shows it on the page, with its card open.
    const firstId = await popup.evaluate(() => document.querySelector<HTMLElement>('.fc-page-mentions li[data-entity-id]')?.dataset.entityId ?? '');
    await popup.click('.fc-page-mentions li[data-entity-id] button');
    const cardId = await news.waitFor(
      () => document.querySelector('factcards-card')?.shadowRoot?.querySelector('[data-entity-id]')?.getAttribute('data-entity-id') ?? '',
    );
    expect(cardId).toBe(firstId);

    await popup.bringToFront();
    await popup.click('.fc-site-switch');
    await news.waitFor(() => (CSS.highlights.get('factcards-mention')?.size ?? 0) === 0);
    await popup.waitFor(() => document.querySelector('.fc-on-this-page')?.textContent?.includes('off on this page'));
    // And back on, so later tests find the page as it was.
    await popup.click('.fc-site-switch');
    await news.waitFor(() => CSS.highlights.get('factcards-mention')?.size ?? 0);

    // The global switch turns it off everywhere, this page included, and back on.
    await popup.click('.fc-global-switch');
    await news.waitFor(() => (CSS.highlights.get('factcards-mention')?.size ?? 0) === 0);
    await popup.click('.fc-global-switch');
    await news.waitFor(() => CSS.highlights.get('factcards-mention')?.size ?? 0);
    await popup.close();
    await news.close();
  });
});
