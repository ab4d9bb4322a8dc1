/**
 * The content script: wiring only. The work happens in lib/page (scanning, highlighting, hover, cards);
 * this connects it to the background (messages), storage (settings, matcher revision) and the popup
 * (tab messages, answered by the top frame only, and the page-mentions port, answered by every frame).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { newFrameKey, servePageMentions } from '@/lib/messaging/page-mentions-port';
import { PAGE_MENTIONS_PORT, backgroundMessenger, tabMessenger } from '@/lib/messaging/protocol';
import { PageController } from '@/lib/page/page-controller';
import { isSameOriginWithTop } from '@/lib/page/frames';
import { DEFAULT_SETTINGS, matcherRevisionItem, settingsItem } from '@/lib/settings';

/**
 * The content script's clock starts when this module is evaluated, before WXT builds the script's
 * context and calls `main`: all of that is the script's cost. (Compiling the bundle and its libraries'
 * top levels come before any line of it can run; the benchmark reads those from a browser trace.)
 */
const scriptStartedAt = performance.now();

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  // Same-origin iframes (and about:blank/srcdoc frames of the page) are part of the page; each frame
  // marks its own document, because highlights and styles are per document.
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main(ctx) {
    const isTop = window === window.top;
    // http(s) pages only; about:blank and srcdoc documents only as frames of such a page.
    if (isTop ? !/^https?:$/.test(location.protocol) : !isSameOriginWithTop(window)) return;
    const controller = new PageController(
      document,
      {
        matchText: (texts) => backgroundMessenger.sendMessage('matchText', texts),
        resolveFuzzy: (candidates) => backgroundMessenger.sendMessage('resolveFuzzy', candidates),
        getCard: (entityId) => backgroundMessenger.sendMessage('getCard', { entityId }),
        openInPopup: (entityId) => void backgroundMessenger.sendMessage('openInPopup', { entityId }).catch(() => undefined),
        getSettings: async () => (await settingsItem.getValue()) ?? DEFAULT_SETTINGS,
        watchSettings: (callback) => settingsItem.watch((settings) => callback(settings ?? DEFAULT_SETTINGS)),
        watchMatcherRevision: (callback) => matcherRevisionItem.watch(() => callback()),
        cardUiUrl: browser.runtime.getURL('/card-ui.js'),
        skipMultiColumn: import.meta.env.FIREFOX,
        topFrame: isTop,
      },
      ctx.signal,
      scriptStartedAt,
    );
    controller.start().catch((error: unknown) => console.debug('[factcards] start failed', error));
    // Every frame answers the popup's port for its own marks; the popup adds them up.
    const frame = { key: newFrameKey(), top: isTop };
    const onConnect = (port: Browser.runtime.Port) => {
      if (port.name === PAGE_MENTIONS_PORT) servePageMentions(port, controller, frame);
    };
    browser.runtime.onConnect.addListener(onConnect);
    ctx.onInvalidated(() => browser.runtime.onConnect.removeListener(onConnect));
    if (isTop) answerTabMessages(controller, ctx);
    controller.startupDone();
  },
});

/** The popup's and the background's questions to the page, answered by the top frame only. */
function answerTabMessages(controller: PageController, ctx: ContentScriptContext): void {
  const removers = [
    tabMessenger.onMessage('getPageInfo', () => ({ site: controller.site(), active: controller.isRunning() })),
    tabMessenger.onMessage('openCardAtSelection', () => controller.openAtSelection()),
    tabMessenger.onMessage('revealAdjacentMention', ({ data }) => controller.revealAdjacent(data.direction)),
    tabMessenger.onMessage('getPageTimings', () => controller.timings),
  ];
  ctx.onInvalidated(() => removers.forEach((remove) => remove()));
}
