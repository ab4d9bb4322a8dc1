/**
 * Factcards for a same-origin frame that has text, loaded by the frames' script
 * (entrypoints/frame-watch.ts) into its world, and handed over through a symbol-keyed global of it.
 * The frame's content-script context is made here, once there is something to run.
 */
import { FRAME_PAGE_GLOBAL, type FramePageStart } from '../lib/page/frames';
import { QuietContentScriptContext } from './content/script-context';
import { startPage } from './content/start-page';

/** The context's name: a newer copy of the frame script (after an extension update) stops this one. */
const FRAME_SCRIPT_NAME = 'frame-watch';

export default defineUnlistedScript(() => {
  const start: FramePageStart = (options) => startPage(new QuietContentScriptContext(FRAME_SCRIPT_NAME), options);
  (globalThis as unknown as Record<symbol, FramePageStart>)[FRAME_PAGE_GLOBAL] = start;
});
