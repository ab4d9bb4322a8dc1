/**
 * The content script of the tab's top document: wiring only (entrypoints/content/start-page.ts; the
 * work happens in lib/page). Same-origin frames have their own, smaller script: entrypoints/frame-watch.ts.
 */
import { startPage } from './start-page';

/**
 * The content script's clock starts when this module is evaluated, before WXT builds the script's
 * context and calls `main`: all of that is the script's cost. (Compiling the bundle and its libraries'
 * top levels come before any line of it can run; the benchmark reads those from a browser trace.)
 */
const scriptStartedAt = performance.now();

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    startPage(ctx, { top: true, startedAt: scriptStartedAt });
  },
});
