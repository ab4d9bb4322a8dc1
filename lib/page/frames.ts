/**
 * Frame scope: whether a window is a frame that is part of the page, one of the same origin as the top
 * document (about:blank and srcdoc frames inherit their parent's), which Factcards reads like the page;
 * not the top document itself, which has its own script, nor a third party's frame, left alone.
 *
 * `location.ancestorOrigins` (Chromium) answers first: from a frame's script world, the first touch of
 * another frame's window or document costs 1.5–3 ms on each page (measured on cnn, breitbart, bbc and
 * wapo), and this is asked in every frame. Where it cannot tell (Firefox has no such list; a frame
 * loaded with no referrer lists its ancestors as "null"), the top document is asked.
 */
export function isPageFrame(win: Window): boolean {
  const ancestors = win.location.ancestorOrigins as DOMStringList | undefined;
  if (ancestors) {
    if (ancestors.length === 0) return false;
    if (ancestors[ancestors.length - 1] === win.origin) return true;
  }
  if (win === win.top) return false;
  try {
    // Reading a cross-origin document throws.
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
  /** When its clock starts (performance.now()): the top document's script's evaluation, a frame's call to start. */
  startedAt: number;
}

/** What frame-page.js registers: `startPage` of entrypoints/content/start-page.ts, with the frame's context made. */
export type FramePageStart = (options: PageStart) => void;
