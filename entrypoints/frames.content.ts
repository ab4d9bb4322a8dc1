/**
 * The content script of frames. A same-origin frame (an about:blank or srcdoc frame, or a frame of the
 * page's own origin) is part of the page and is marked like it, by its own Factcards: highlights and
 * styles are per document. But most such frames are empty ad slots (cnn has nineteen), so this script
 * is small: it waits until its frame has text, and only then loads the rest (frame-page.js, the same
 * code the top document's script runs) as a module into this script's world.
 */
import { FRAME_PAGE_GLOBAL, isSameOriginWithTop, type FramePageStart } from '@/lib/page/frames';
import { whenTextArrives } from '@/lib/page/text-watch';

/** See entrypoints/content/index.ts. */
const scriptStartedAt = performance.now();

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main(ctx) {
    // The top document has its own script; third-party frames are not the page's.
    if (window === window.top || !isSameOriginWithTop(window)) return;
    const start = async () => {
      await import(/* @vite-ignore */ browser.runtime.getURL('/frame-page.js'));
      if (ctx.signal.aborted) return;
      const startPage = (globalThis as unknown as Record<symbol, FramePageStart | undefined>)[FRAME_PAGE_GLOBAL];
      if (!startPage) throw new Error('frame-page.js did not register itself');
      startPage(ctx, { top: false, startedAt: scriptStartedAt });
    };
    const load = () => void start().catch((error: unknown) => console.debug('[factcards] frame start failed', error));
    const stopWatching = whenTextArrives(document, load);
    if (stopWatching) ctx.onInvalidated(stopWatching);
    else load();
  },
});
