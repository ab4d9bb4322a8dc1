/**
 * The script of every frame (declared in wxt.config.ts). A same-origin frame (an about:blank or srcdoc
 * frame, or a frame of the page's own origin) is part of the page and is marked like it, by its own
 * Factcards: highlights and styles are per document. But most such frames are empty ad slots (cnn has
 * nineteen), so this script only waits until its frame has text, and then loads the rest (frame-page.js,
 * the same code the top document's script runs) as a module into this script's world.
 *
 * Why an unlisted script declared by hand rather than a WXT content script: WXT's content-script entry
 * builds its context before `main` can see that the frame is the top document, a third-party frame or
 * empty, and the context's module asks the extension API for the runtime's id when it loads (for the
 * name of the event that stops older copies), then dispatches that event and listens for newer ones.
 * Measured on cnn's nineteen frames, that was about half of each frame's cost. Here the context is
 * made by frame-page.js, once there is text.
 */
import { FRAME_PAGE_GLOBAL, isPageFrame, type FramePageStart } from '@/lib/page/frames';
import { whenTextArrives } from '@/lib/page/text-watch';

export default defineUnlistedScript(() => {
  // The top document has its own script; third-party frames are not the page's.
  if (!isPageFrame(window)) return;
  const load = () => void startFramePage().catch((error: unknown) => console.debug('[factcards] frame start failed', error));
  if (!whenTextArrives(document, load)) load();
});

async function startFramePage(): Promise<void> {
  // The extension was reloaded or removed while the frame waited: this copy has nothing left to load.
  if (!browser.runtime?.id) return;
  await import(/* @vite-ignore */ browser.runtime.getURL('/frame-page.js'));
  const startPage = (globalThis as unknown as Record<symbol, FramePageStart | undefined>)[FRAME_PAGE_GLOBAL];
  if (!startPage) throw new Error('frame-page.js did not register itself');
  // The frame's clock starts here: waiting for text and for the import is not the script's work, and
  // compiling and evaluating frame-page.js only a browser trace sees (the benchmark reads it).
  startPage({ top: false, startedAt: performance.now() });
}
