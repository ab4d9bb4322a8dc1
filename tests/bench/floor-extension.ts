/**
 * The benchmark's floor: the least a content script can cost a page and still do Factcards' job at all.
 * It reads every text node of the top document once (a native TreeWalker; the one rule is to leave out
 * script and style text, which on news pages can be larger than the prose), posts the text to its
 * background, and when the answer comes registers one highlight. No blocks, no shadow roots, no
 * visibility, no matching, no ranges, no hover. What it costs the page's main thread is what any
 * extension that reads page text from a content script pays first: the extension API's bindings, the
 * first touch of the document from the script's world, reading the nodes, serialising the message.
 * `npm run bench` sets Factcards' figures beside it.
 *
 * Written to a temporary directory by the benchmark and loaded unpacked; never part of the build.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The highlight the floor registers once its answer comes: the benchmark waits for it. */
export const FLOOR_HIGHLIGHT = 'factcards-floor';

/**
 * The text the floor reads: each text node's data, but for script and style text. Plain enough to run
 * as the content script's source (see FLOOR_CONTENT_SCRIPT) and in the page, where the benchmark counts
 * the characters.
 */
export function floorTexts(doc: Document): { texts: string[]; first: Text | null } {
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, NodeFilter.SHOW_TEXT);
  const texts: string[] = [];
  let first: Text | null = null;
  let parent: Node | null = null;
  let code = false;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (node.parentNode !== parent) {
      parent = node.parentNode;
      const name = parent?.nodeName;
      code = name === 'SCRIPT' || name === 'STYLE' || name === 'NOSCRIPT';
    }
    if (code) continue;
    first ??= node;
    texts.push(node.data);
  }
  return { texts, first };
}

/** The floor's content script, as the browser injects it: plain JS, no bundler, no polyfill. */
export const FLOOR_CONTENT_SCRIPT = `(() => {
  const { texts, first } = (${floorTexts.toString()})(document);
  chrome.runtime.sendMessage(texts, () => {
    const range = document.createRange();
    if (first) range.selectNodeContents(first);
    CSS.highlights.set(${JSON.stringify(FLOOR_HIGHLIGHT)}, new Highlight(range));
  });
})();
`;

/** The background answers each message at once, as Factcards' does once its matcher is loaded. */
const FLOOR_BACKGROUND = `chrome.runtime.onMessage.addListener((texts, sender, reply) => { reply({ ok: true, count: texts.length }); });
`;

/** Writes the floor extension (MV3, Chromium) into `dir` and returns it. */
export function writeFloorExtension(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const manifest = {
    manifest_version: 3,
    name: 'Factcards floor (benchmark)',
    version: '0.0.1',
    background: { service_worker: 'background.js' },
    // Declared like Factcards' own top-document script (wxt.config.ts): http(s) pages, at document_idle.
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['content.js'], run_at: 'document_idle' }],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'background.js'), FLOOR_BACKGROUND);
  writeFileSync(join(dir, 'content.js'), FLOOR_CONTENT_SCRIPT);
  return dir;
}
