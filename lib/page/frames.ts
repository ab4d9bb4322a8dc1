/** Frame scope: Factcards reads same-origin frames (part of the page) and leaves third-party frames alone. */
export function isSameOriginWithTop(win: Window): boolean {
  try {
    // Reading a cross-origin document throws; about:blank and srcdoc frames inherit the parent origin.
    return win.top !== null && win.top.document !== undefined;
  } catch {
    return false;
  }
}

/**
 * The window a document belongs to, for its own constructors and timers: a same-origin frame's
 * MutationObserver must be the frame's, and each frame scans its own document. (A detached document has
 * none; the script's own window stands in.)
 */
export function windowOf(doc: Document): Window & typeof globalThis {
  return (doc.defaultView ?? window) as Window & typeof globalThis;
}

/** How frame-page.js hands its start function to the frames' content script that imported it (same world). */
export const FRAME_PAGE_GLOBAL = Symbol.for('factcards.frame-page');

export interface PageStart {
  /** The tab's top document, rather than a frame's. */
  top: boolean;
  /** When the script that starts it began (performance.now()), for its timings. */
  startedAt: number;
}

/** What frame-page.js registers: `startPage` of entrypoints/content/start-page.ts, with the frame's context made. */
export type FramePageStart = (options: PageStart) => void;
