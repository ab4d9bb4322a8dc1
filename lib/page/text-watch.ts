/**
 * Waiting for a document to have something to read. Most same-origin frames are empty ad slots (cnn
 * has nineteen), and some pages are shells their scripts fill later: neither is worth setting anything
 * up for until text arrives.
 */
import { windowOf } from './frames';
import { hasScannableText } from './text-runs';

/** Where a scan of the document starts. */
function scanRootOf(doc: Document): Node {
  return doc.body ?? doc.documentElement ?? doc;
}

/**
 * Watches a document for text a scan would read: checked after each batch of changes, in the document
 * and in the open shadow roots seen so far. Returns null when the document has such text already;
 * otherwise calls `onText` once, when it arrives, and returns the function that stops watching (without
 * calling `onText`). `onChecked` hears how long each later check took, from its start.
 */
export function whenTextArrives(doc: Document, onText: () => void, onChecked: (startedAt: number) => void = () => undefined): (() => void) | null {
  // The first check also finds the open shadow roots present now: text added inside them later is not
  // seen from the document, so each is watched too.
  const shadowRoots: Node[] = [];
  if (hasScannableText(scanRootOf(doc), (shadow) => shadowRoots.push(shadow))) return null;
  const Observer = windowOf(doc).MutationObserver;
  const options: MutationObserverInit = { childList: true, characterData: true, subtree: true };
  const watched = new WeakSet<Node>();
  const watch = (root: Node) => {
    if (watched.has(root)) return;
    watched.add(root);
    observer.observe(root, options);
  };
  const observer = new Observer(() => {
    const checked = performance.now();
    try {
      if (!hasScannableText(scanRootOf(doc), watch)) return;
    } catch (error) {
      console.debug('[factcards] text check failed', error);
    } finally {
      onChecked(checked);
    }
    observer.disconnect();
    onText();
  });
  watch(doc);
  for (const shadow of shadowRoots) watch(shadow);
  return () => observer.disconnect();
}
