/**
 * What "the page is unchanged" means in the page-safety suite: the body's rendered text, the bounding
 * box of every element, and the console errors. Taken the same way with and without the extension.
 */
import type { TestPage } from './harness';

export interface PageSnapshot {
  text: string;
  /** `TAG#index x y width height` per element of <body>, in document order. */
  boxes: string[];
}

export function takeSnapshot(page: TestPage): Promise<PageSnapshot> {
  return page.evaluate(() => {
    const boxes: string[] = [];
    const elements = document.body.querySelectorAll('*');
    elements.forEach((element, index) => {
      const rect = element.getBoundingClientRect();
      boxes.push(`${element.tagName}#${index} ${rect.x.toFixed(2)} ${rect.y.toFixed(2)} ${rect.width.toFixed(2)} ${rect.height.toFixed(2)}`);
    });
    return { text: document.body.innerText, boxes };
  });
}

/**
 * Lets the page settle: some saved pages rewrite themselves for a while after load (scripts failing
 * offline fall back, banners appear). Waits until the body's text and element count have not changed
 * for `quietMs`, up to `maxMs`.
 */
export function settle(page: TestPage, quietMs = 600, maxMs = 5000): Promise<unknown> {
  // No named inner functions: the test runner's transform would wrap them in a helper the page lacks.
  return page.evaluate(
    async ({ quietMs, maxMs }) => {
      const started = performance.now();
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      let last = '';
      let stableSince = performance.now();
      for (;;) {
        const now = performance.now();
        const current = `${document.body.innerText.length}:${document.body.getElementsByTagName('*').length}`;
        if (current !== last) {
          last = current;
          stableSince = now;
        }
        if (now - stableSince >= quietMs || now - started >= maxMs) return null;
        await new Promise((done) => setTimeout(done, 100));
      }
    },
    { quietMs, maxMs },
  );
}

/** The first difference between two box lists, for a readable failure. */
export function firstDifference(a: string[], b: string[]): string | null {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    if (a[i] !== b[i]) return `element ${i}: without extension "${a[i] ?? '(none)'}", with "${b[i] ?? '(none)'}" (${a.length} vs ${b.length} elements)`;
  }
  return null;
}

/**
 * Makes a page's own scripts deterministic, identically with and without the extension: a fixed clock
 * and a seeded Math.random. Some saved pages build URLs from them (cache-busters), which would otherwise
 * differ between the two runs. It runs in the page's main world only; content scripts have their own.
 */
export const DETERMINISTIC_PAGE_SCRIPT = `(() => {
  let seed = 0x2f6b1d3;
  Math.random = () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const fixed = Date.UTC(2026, 0, 15, 12, 0, 0);
  const RealDate = Date;
  class FixedDate extends RealDate {
    constructor(...args) { if (args.length === 0) super(fixed); else super(...args); }
    static now() { return fixed; }
  }
  globalThis.Date = FixedDate;
})();`;
