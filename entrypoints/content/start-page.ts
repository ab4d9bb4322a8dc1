/**
 * Factcards on one document, wired to the extension: the background (messages), storage (settings,
 * matcher revision) and the popup (tab messages, answered by the top document only, and the
 * page-mentions port, answered by every document, as the benchmark's page-timings port is). The top
 * document's content script runs it at once; a same-origin frame's loads it with frame-page.js once
 * the frame has text (entrypoints/frame-watch.ts).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { newFrameKey, servePageMentions } from '@/lib/messaging/page-mentions-port';
import { PAGE_MENTIONS_PORT, PAGE_TIMINGS_PORT, backgroundMessenger, tabMessenger, type FrameTimings } from '@/lib/messaging/protocol';
import type { PageStart } from '@/lib/page/frames';
import { PageController } from '@/lib/page/page-controller';
import { matcherRevisionItem, settingsItem } from '@/lib/settings';

export function startPage(ctx: ContentScriptContext, { top, startedAt }: PageStart): void {
  const controller = new PageController(
    document,
    {
      matchText: (texts) => backgroundMessenger.sendMessage('matchText', texts),
      resolveFuzzy: (candidates) => backgroundMessenger.sendMessage('resolveFuzzy', candidates),
      getCard: (entityId) => backgroundMessenger.sendMessage('getCard', { entityId }),
      openInPopup: (entityId) => void backgroundMessenger.sendMessage('openInPopup', { entityId }).catch(() => undefined),
      getSettings: () => settingsItem.getValue(),
      watchSettings: (callback) => settingsItem.watch(callback),
      watchMatcherRevision: (callback) => matcherRevisionItem.watch(() => callback()),
      cardUiUrl: browser.runtime.getURL('/card-ui.js'),
      skipMultiColumn: import.meta.env.FIREFOX,
    },
    ctx.signal,
    startedAt,
  );
  controller.start().catch((error: unknown) => console.debug('[factcards] start failed', error));
  // Every document answers the popup's port for its own marks (the popup adds them up), and the
  // benchmark's for its own timings.
  const frame = { key: newFrameKey(), top };
  const onConnect = (port: Browser.runtime.Port) => {
    if (port.name === PAGE_MENTIONS_PORT) servePageMentions(port, controller, frame);
    else if (port.name === PAGE_TIMINGS_PORT) port.postMessage({ frame: frame.key, top, timings: controller.timings } satisfies FrameTimings);
  };
  browser.runtime.onConnect.addListener(onConnect);
  ctx.onInvalidated(() => browser.runtime.onConnect.removeListener(onConnect));
  if (top) answerTabMessages(controller, ctx);
  controller.startupDone();
}

/** The popup's and the background's questions to the page, answered by the top document only. */
function answerTabMessages(controller: PageController, ctx: ContentScriptContext): void {
  const removers = [
    tabMessenger.onMessage('getPageInfo', () => ({ site: controller.site(), active: controller.isRunning() })),
    tabMessenger.onMessage('openCardAtSelection', () => controller.openAtSelection()),
    tabMessenger.onMessage('revealAdjacentMention', ({ data }) => controller.revealAdjacent(data.direction)),
  ];
  ctx.onInvalidated(() => removers.forEach((remove) => remove()));
}
