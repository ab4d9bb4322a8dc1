/**
 * Factcards for a same-origin frame that has text, loaded by the frames' content script
 * (entrypoints/frames.content.ts) into its world, and handed over through a symbol-keyed global of it.
 */
import { FRAME_PAGE_GLOBAL, type FramePageStart } from '../lib/page/frames';
import { startPage } from './content/start-page';

export default defineUnlistedScript(() => {
  (globalThis as unknown as Record<symbol, FramePageStart>)[FRAME_PAGE_GLOBAL] = startPage;
});
