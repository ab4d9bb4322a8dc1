/** Page objects for the content-script suites: reading highlights and hovering mentions like a reader. */
import { PAGE_TIMINGS_PORT, type FrameTimings } from '../../lib/messaging/protocol';
import type { TestPage } from './harness';

export interface CardView {
  entityId: string;
  name: string;
  contexts: Array<{ date: string; dateTime: string | null; outlet: string; sentence: string; mark: string; link: string | null }>;
}

/** The text of every highlighted mention, in registration order. */
export function highlightedTexts(page: TestPage): Promise<string[]> {
  return page.evaluate(() => {
    const highlight = CSS.highlights.get('factcards-mention');
    return highlight ? [...highlight].map((range) => range.toString()) : [];
  });
}

/** Waits until a mention whose text is `text` (and, optionally, inside `#containerId`) is highlighted. */
export function waitForHighlight(page: TestPage, text: string, containerId?: string): Promise<boolean> {
  return page.waitFor(
    ({ text, containerId }) => {
      const highlight = CSS.highlights.get('factcards-mention');
      if (!highlight) return false;
      return [...highlight].some((range) => {
        if (range.toString() !== text) return false;
        if (!containerId) return true;
        const container = range.startContainer.parentElement?.closest(`#${containerId}`);
        return Boolean(container);
      });
    },
    { text, containerId },
  );
}

/**
 * Scrolls the first highlighted mention reading `text` into view (its block centred, or at the bottom
 * edge with `block: 'end'`) and moves the pointer onto its middle.
 */
export async function hoverMention(page: TestPage, text: string, { block = 'center' }: { block?: 'center' | 'end' } = {}): Promise<void> {
  await page.mouseMove(1, 1);
  const point = await page.evaluate(({ text, block }) => {
    const highlight = CSS.highlights.get('factcards-mention');
    const range = highlight ? [...highlight].find((candidate) => (candidate as Range).toString() === text) : undefined;
    if (!range) return null;
    (range.startContainer.parentElement as Element).scrollIntoView({ block, behavior: 'instant' });
    const rect = (range as Range).getClientRects()[0];
    return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
  }, { text, block });
  if (!point) throw new Error(`no highlighted mention "${text}"`);
  // Scrolling ends any dwell; wait a frame so the card logic sees a settled page, then hover.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
  await page.mouseMove(point.x - 2, point.y);
  await page.mouseMove(point.x, point.y);
}

/** Waits for the card to show its contexts (not just its heading) and reads it as a reader would. */
export function waitForCard(page: TestPage, entityId?: string): Promise<CardView> {
  return page.waitFor<CardView | null, string | undefined>(
    (entityId) => {
      const root = document.querySelector('factcards-card')?.shadowRoot?.querySelector('[data-entity-id]');
      if (!root) return null;
      if (entityId && root.getAttribute('data-entity-id') !== entityId) return null;
      const items = [...root.querySelectorAll('ol > li')];
      if (items.length === 0) return null;
      return {
        entityId: root.getAttribute('data-entity-id') ?? '',
        name: root.querySelector('h2')?.textContent ?? '',
        contexts: items.map((item) => ({
          date: item.querySelector('.fc-date')?.textContent ?? '',
          dateTime: item.querySelector('time')?.getAttribute('datetime') ?? null,
          outlet: item.querySelector('.fc-context__outlet')?.textContent ?? '',
          sentence: item.querySelector('blockquote')?.textContent ?? '',
          mark: item.querySelector('mark')?.textContent ?? '',
          link: item.querySelector('a')?.getAttribute('href') ?? null,
        })),
      };
    },
    entityId,
  ) as Promise<CardView>;
}

export function isCardOpen(page: TestPage): Promise<boolean> {
  return page.evaluate(() => Boolean(document.querySelector('factcards-card')));
}

/** The few extension APIs these helpers call, as both browsers expose them (promise-based). */
interface ExtensionApi {
  tabs: {
    getCurrent(): Promise<{ id?: number } | undefined>;
    query(query: object): Promise<Array<{ id?: number }>>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
    connect(tabId: number, options: { name: string }): {
      onMessage: { addListener(listener: (message: unknown) => void): void };
      disconnect(): void;
    };
  };
  storage: { local: { set(items: object): Promise<void> } };
}

/**
 * Sends a TabProtocol message (lib/messaging/protocol.ts) from an extension page to the active tab, the
 * way the popup and the background do, and returns its answer. Extension pages can address tabs by id
 * without the "tabs" permission. Call `page.bringToFront()` on the target page first.
 */
export async function sendTabMessage<R>(extensionPage: TestPage, type: string, data?: unknown): Promise<R> {
  const answer = await extensionPage.evaluate(
    async ({ type, data }) => {
      const scope = globalThis as unknown as { browser?: ExtensionApi; chrome: ExtensionApi };
      const api = scope.browser ?? scope.chrome;
      const own = await api.tabs.getCurrent();
      // The popup and the background address the active tab; the test brings its page to the front.
      const tabs = await api.tabs.query({ active: true });
      for (const tab of tabs) {
        if (tab.id === undefined || tab.id === own?.id) continue;
        const message = { id: Math.floor(Math.random() * 1e6), type, data, timestamp: Date.now() };
        try {
          const response = (await api.tabs.sendMessage(tab.id, message)) as { res?: unknown; err?: { message: string } } | undefined;
          if (response && 'res' in response) return { ok: true, value: response.res };
          if (response?.err) return { ok: false, error: response.err.message };
        } catch {
          // No content script in that tab.
        }
      }
      return { ok: false, error: 'no tab answered' };
    },
    { type, data },
  );
  if (!answer.ok) throw new Error(`${type}: ${String(answer.error)}`);
  return answer.value as R;
}

/**
 * What each document of the active tab that runs Factcards measured: the top document and each frame
 * with text answer the benchmark's port (`PAGE_TIMINGS_PORT`), opened the way the popup opens its own,
 * once each. Collects until no answer has come for `quietMs` (frames cannot be counted beforehand).
 * Call `page.bringToFront()` on the target page first.
 */
export async function collectFrameTimings(extensionPage: TestPage, quietMs = 300): Promise<FrameTimings[]> {
  const reports = await extensionPage.evaluate(
    async ({ name, quietMs }) => {
      const scope = globalThis as unknown as { browser?: ExtensionApi; chrome: ExtensionApi };
      const api = scope.browser ?? scope.chrome;
      const own = await api.tabs.getCurrent();
      const tab = (await api.tabs.query({ active: true })).find((candidate) => candidate.id !== undefined && candidate.id !== own?.id);
      if (tab?.id === undefined) return [];
      const port = api.tabs.connect(tab.id, { name });
      const received: unknown[] = [];
      const opened = Date.now();
      let last = opened;
      port.onMessage.addListener((message) => {
        received.push(message);
        last = Date.now();
      });
      // Before any answer, wait up to 5 s: the top document answers once its script has started.
      while (Date.now() - last < quietMs || (received.length === 0 && Date.now() - opened < 5_000)) {
        await new Promise((done) => setTimeout(done, 50));
      }
      port.disconnect();
      return received;
    },
    { name: PAGE_TIMINGS_PORT, quietMs },
  );
  return reports as FrameTimings[];
}

/** Writes settings the way the options page does (`settingsItem`: key `settings` in local storage). */
export function writeSettings(extensionPage: TestPage, settings: Record<string, unknown>): Promise<void> {
  return extensionPage.evaluate(async (settings) => {
    const scope = globalThis as unknown as { browser?: ExtensionApi; chrome: ExtensionApi };
    const api = scope.browser ?? scope.chrome;
    await api.storage.local.set({ settings });
  }, settings);
}
