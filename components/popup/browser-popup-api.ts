/**
 * The real `PopupApi`: messages to the background and to the target tab, settings in extension storage (lib/settings).
 *
 * The target tab is the active tab of the popup's window. When the popup is itself a tab (opened from a
 * card's "Open in Factcards" where the browser cannot open the popup, or by tests), the active tab is the
 * popup, so the target is the most recently active other tab of the window.
 */
import { browser } from 'wxt/browser';
import { connectPageMentions, type PageMentionsConnection } from '../../lib/messaging/page-mentions-port';
import { PAGE_MENTIONS_PORT, backgroundMessenger, tabMessenger } from '../../lib/messaging/protocol';
import { settingsItem } from '../../lib/settings';
import { popupRequestItem } from '../../lib/settings/popup-request';
import { asResult, type PopupApi } from './popup-api';

async function findTargetTabId(): Promise<number | null> {
  const own = await browser.tabs.getCurrent().catch(() => undefined);
  const tabs = await browser.tabs.query({ currentWindow: true });
  const others = tabs.filter((tab) => tab.id !== undefined && tab.id !== own?.id);
  if (!own) {
    const active = others.find((tab) => tab.active);
    if (active?.id !== undefined) return active.id;
  }
  others.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  return others[0]?.id ?? null;
}

/**
 * The content script runs in every frame; the page's site and state are the top frame's (an ad frame
 * must not answer for it, and the first answer wins). Mentions come from every frame, over the port.
 */
const TOP_FRAME = 0;

/** How long an "Open in Factcards" request stays valid for the popup to pick up. */
const POPUP_REQUEST_TTL_MS = 30_000;

export function createBrowserPopupApi(): PopupApi {
  let targetTab: Promise<number | null> | null = null;
  const target = () => (targetTab ??= findTargetTabId().catch(() => null));
  // One port to every frame of the tab, for as long as the popup is open.
  let frames: Promise<PageMentionsConnection | null> | null = null;
  const pageFrames = () =>
    (frames ??= target().then((tabId) => {
      if (tabId === null) return null;
      try {
        return connectPageMentions(browser.tabs.connect(tabId, { name: PAGE_MENTIONS_PORT }));
      } catch {
        return null; // the tab is gone
      }
    }));

  return {
    search: (query, limit) => asResult(() => backgroundMessenger.sendMessage('search', { query, limit })),
    getCard: (entityId, maxContexts) => asResult(() => backgroundMessenger.sendMessage('getCard', { entityId, maxContexts })),
    getArticle: (articleId) => asResult(() => backgroundMessenger.sendMessage('getArticle', { articleId })),
    listEntityArticles: (entityId, offset, limit) =>
      asResult(() => backgroundMessenger.sendMessage('listEntityArticles', { entityId, offset, limit })),
    listPacks: () => asResult(() => backgroundMessenger.sendMessage('listPacks', undefined)),
    async getPageInfo() {
      const tabId = await target();
      if (tabId === null) return null;
      // No content script there (a browser page, a store page, a PDF): the popup says so.
      return tabMessenger.sendMessage('getPageInfo', undefined, { tabId, frameId: TOP_FRAME }).catch(() => null);
    },
    watchPageMentions(onChange) {
      let stop: (() => void) | null = null;
      let stopped = false;
      void pageFrames().then((connection) => {
        if (connection && !stopped) stop = connection.watch(onChange);
      });
      return () => {
        stopped = true;
        stop?.();
      };
    },
    async revealMention(entityId) {
      const [tabId, connection] = await Promise.all([target(), pageFrames()]);
      if (tabId === null || !connection) return false;
      const revealed = await connection.reveal(entityId);
      if (revealed) await browser.tabs.update(tabId, { active: true }).catch(() => undefined);
      return revealed;
    },
    getSettings: () => settingsItem.getValue(),
    setSettings: (settings) => settingsItem.setValue(settings),
    watchSettings: (onChange) => settingsItem.watch((settings) => onChange(settings)),
    async takePopupRequest() {
      const request = await popupRequestItem.getValue().catch(() => null);
      if (!request) return null;
      await popupRequestItem.setValue(null).catch(() => undefined);
      // A request the popup never picked up (it failed to open) must not hijack a later, unrelated opening.
      return Date.now() - request.requestedAt < POPUP_REQUEST_TTL_MS ? request.entityId : null;
    },
    openOptions: () => void browser.runtime.openOptionsPage(),
    close: () => window.close(),
  };
}
