/**
 * Finds the mentions on a page and keeps them current: reads the document (and open shadow roots) in
 * time-sliced chunks, sends the text to the background, which matches it (`matchText`: the matcher
 * lives there), maps the offsets it answers onto DOM ranges, asks once per batch about name-like words no
 * alias matched (fuzzy lookup of misspellings), and rescans only what a MutationObserver reports changed.
 *
 * Text the reader cannot see (a collapsed section, a closed tab, a page hidden until its scripts ran) is
 * read but not shown. Pages reveal such text by changing a class, a style or an attribute, or by CSS
 * alone (a popover, a media query, a checkbox accordion, a menu that opens under the pointer), none of
 * which adds a node: those changes and events make the scanner look at its mentions' visibility again,
 * so revealed names get their marks.
 */
import type { FuzzyMatch, TextMatches } from '../match';
import type { Result } from '../messaging/protocol';
import { windowOf } from './frames';
import { compareRanges, type PageMention } from './highlights';
import { namesTheSite, readSiteName, type SiteName } from './own-site';
import { SKIPPING_ATTRIBUTES, TextRunCollector, blockAncestor, hasSkippedAncestorOrSelf, isInlineElement, rangeFor, type TextRun } from './text-runs';

/** Longest stretch of work before yielding to the page. */
const SLICE_MS = 8;

/** Attributes that change which text a scan reads: the block is read again. */
const RESCAN_ATTRIBUTES = new Set(SKIPPING_ATTRIBUTES);

/** Attributes pages show and hide content with: a change re-checks what the reader can see. */
const OBSERVED_ATTRIBUTES = [...RESCAN_ATTRIBUTES, 'class', 'style', 'open', 'aria-hidden', 'aria-expanded'];

/**
 * Events after which CSS alone may have shown or hidden text: a popover or `<details>` toggled, a
 * checkbox or radio flipped, the window resized across a media query, a transition or animation of
 * `visibility` ended, the URL fragment changed (`:target`).
 */
const VISIBILITY_EVENTS = ['toggle', 'change', 'resize', 'transitionend', 'animationend', 'hashchange'] as const;

/**
 * Events after which `:hover` or `:focus-within` CSS alone may have shown or hidden text (a drop-down
 * menu, a teaser that unfolds under the pointer). They come with every move of the pointer, so they
 * count only while some mention is hidden, or once the pointer has revealed one (it may hide it again).
 */
const POINTER_EVENTS = ['mouseover', 'focusin'] as const;

/** Least time between two visibility checks, so a page that animates styles all the time costs little. */
const VISIBILITY_CHECK_INTERVAL_MS = 200;

/**
 * Most characters of text per `matchText` message: a long page is matched in pieces, so its first
 * marks come early and no single message is large.
 */
export const MAX_BATCH_CHARS = 200_000;

export interface ScanStats {
  /** Main-thread time of the scan, summed over slices. */
  scanMs: number;
  /** Characters of page text read: the runs sent to be matched, and the menu labels left out (see isMenuLabel). */
  textLength: number;
  longestTaskMs: number;
  /** Wall time spent waiting for `matchText` answers (the page's main thread is free meanwhile). */
  matchWaitMs: number;
}

interface PendingCandidate {
  run: TextRun;
  start: number;
  end: number;
  text: string;
}

export interface MentionScannerOptions {
  doc: Document;
  /** The background's `matchText`: known names in each text, as offsets. */
  matchText: (texts: string[]) => Promise<Result<TextMatches>>;
  resolveFuzzy: (candidates: string[]) => Promise<Result<Array<FuzzyMatch | null>>>;
  /** Called after each batch with every mention on the page, in document order. */
  onChange: (mentions: PageMention[]) => void;
  /** Elements the scanner must ignore (the extension's own UI). */
  isOwnNode: (node: Node) => boolean;
  yieldToPage?: () => Promise<void>;
  /**
   * Leave text in multi-column containers unmarked. Firefox (153 ESR) lays a multi-column container
   * out again when text inside it gets a highlight (styled or not), and the new balance of its columns
   * is not the old one: its height moves by 0.01–0.3 px, a change to the page's layout, however small,
   * which Factcards does not make. Measured on wikipedia-2's reference lists; a page-only script with
   * no extension reproduces it. The balance depends on the layout's history: with no script at all,
   * the same page is 0.31 px taller on a browser's first load than on later ones. Chromium is unaffected.
   */
  skipMultiColumn?: boolean;
}

function defaultYield(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export class MentionScanner {
  readonly stats: ScanStats = { scanMs: 0, textLength: 0, longestTaskMs: 0, matchWaitMs: 0 };
  /** Every mention read, in document order, seen or not. */
  private mentions: PageMention[] = [];
  /** The mentions the reader could not see when last checked: not shown. */
  private hidden = new Set<PageMention>();
  private visibilityCheckPending = false;
  /** Whether the pending visibility check was asked for by the pointer (or focus) moving. */
  private pointerMoved = false;
  /** Whether the pointer has revealed text on this page: its moves keep asking for visibility checks. */
  private pointerRevealed = false;
  private readonly listening = new AbortController();
  private readonly queue: Node[] = [];
  private running = false;
  private stopped = false;
  private readonly observer: MutationObserver;
  private readonly observedRoots = new WeakSet<Node>();
  /** Fuzzy answers already given on this page, by candidate text. */
  private readonly fuzzyCache = new Map<string, FuzzyMatch | null>();
  private readonly yieldToPage: () => Promise<void>;
  private idle: Promise<void> = Promise.resolve();
  /** What the page says of its site's name, read before each batch (a page may set it late). */
  private site: SiteName | null = null;
  /** Whether each name met in this batch is the site's (`isSiteName`): an outlet is named again and again. */
  private siteNameAnswers = new Map<string, boolean>();
  /** Organisations the page names as its own site ("BBC" on a BBC page): never shown (see own-site.ts). */
  private readonly ownSite = new Set<string>();
  /** Per batch: whether an element sits in a multi-column container (only with skipMultiColumn). */
  private multiColumn = new Map<Element, boolean>();
  private markIdle: () => void = () => undefined;

  constructor(private readonly options: MentionScannerOptions) {
    this.yieldToPage = options.yieldToPage ?? defaultYield;
    const Observer = windowOf(options.doc).MutationObserver;
    this.observer = new Observer((records) => this.onMutations(records));
  }

  /** Scans the whole document and starts watching it. Resolves when the first scan is done. */
  start(): Promise<void> {
    const started = performance.now();
    const root = this.options.doc.body ?? this.options.doc.documentElement;
    this.observe(this.options.doc);
    const win = windowOf(this.options.doc);
    const listener = () => this.visibilityMayHaveChanged();
    // Capture: `toggle` and `transitionend` reach the window only on the way down, and a page that
    // stops propagation must not keep its revealed text unmarked.
    for (const type of VISIBILITY_EVENTS) win.addEventListener(type, listener, { capture: true, passive: true, signal: this.listening.signal });
    const pointerListener = () => {
      if (this.hidden.size === 0 && !this.pointerRevealed) return;
      this.pointerMoved = true;
      this.visibilityMayHaveChanged();
    };
    for (const type of POINTER_EVENTS) win.addEventListener(type, pointerListener, { capture: true, passive: true, signal: this.listening.signal });
    // Watching is part of the scan's cost (the first slice of reading, which starts now, counts itself).
    this.account(performance.now() - started);
    this.enqueue([root]);
    return this.whenIdle();
  }

  /** Resolves when no scan is queued or running. */
  whenIdle(): Promise<void> {
    return this.idle;
  }

  /**
   * The mentions shown, in document order: those in text the reader could see when last checked, less
   * the site's own name, and less weak ones (an alias that names other things too) of entities the
   * document never names plainly.
   */
  all(): PageMention[] {
    const named = new Set<string>();
    let weak = false;
    for (const mention of this.mentions) {
      if (mention.weak) weak = true;
      else named.add(mention.entityId);
    }
    if (this.hidden.size === 0 && !weak && this.ownSite.size === 0) return this.mentions;
    return this.mentions.filter(
      (mention) => !this.hidden.has(mention) && !this.ownSite.has(mention.entityId) && (!mention.weak || named.has(mention.entityId)),
    );
  }

  stop(): void {
    this.stopped = true;
    this.observer.disconnect();
    this.listening.abort();
    this.queue.length = 0;
    this.mentions = [];
    this.hidden = new Set();
    this.markIdle();
  }

  private observe(root: Node): void {
    if (this.observedRoots.has(root)) return;
    this.observedRoots.add(root);
    this.observer.observe(root, { childList: true, characterData: true, subtree: true, attributeFilter: OBSERVED_ATTRIBUTES });
  }

  private onMutations(records: MutationRecord[]): void {
    if (this.stopped) return;
    // Reading the records is scan work too; the reading they start (from `enqueue`) counts itself.
    const started = performance.now();
    try {
      const roots: Node[] = [];
      let restyled = false;
      for (const record of records) {
        if (record.type === 'attributes') {
          // A page restyling thousands of elements at once is one visibility check: look no further.
          const rescan = RESCAN_ATTRIBUTES.has(record.attributeName ?? '');
          if ((rescan || !restyled) && !this.options.isOwnNode(record.target)) {
            if (rescan) roots.push(blockAncestor(record.target));
            else restyled = true;
          }
          continue;
        }
        if (this.options.isOwnNode(record.target)) continue;
        if (record.type === 'characterData') {
          roots.push(blockAncestor(record.target));
          continue;
        }
        let added = false;
        for (const node of record.addedNodes) {
          if (this.options.isOwnNode(node)) continue;
          added = true;
          // An inline node or text joins its block's run, so the whole block is read again.
          roots.push(node.nodeType === Node.ELEMENT_NODE && !isInlineElement(node as Element) ? node : blockAncestor(record.target));
        }
        if (!added && record.removedNodes.length > 0 && [...record.removedNodes].some((node) => !this.options.isOwnNode(node))) {
          // Removing an inline piece can join two words into a name, or break one.
          roots.push(blockAncestor(record.target));
        }
      }
      this.account(performance.now() - started);
      if (roots.length > 0) this.enqueue(roots);
      // (A rescan ends with a visibility check of its own.)
      else if (restyled) this.visibilityMayHaveChanged();
    } catch (error) {
      console.debug('[factcards] mutation handling failed', error);
    }
  }

  private enqueue(roots: Node[]): void {
    for (const root of roots) if (!this.queue.includes(root)) this.queue.push(root);
    if (this.running) return;
    this.running = true;
    this.idle = new Promise((resolve) => (this.markIdle = resolve));
    void this.drain()
      .catch((error) => console.debug('[factcards] scan failed', error))
      .finally(() => {
        this.running = false;
        this.markIdle();
      });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0 && !this.stopped) {
      const roots = topmost(this.queue.splice(0));
      this.multiColumn = new Map();
      const runs = await this.collectRuns(roots);
      if (this.stopped) return;
      // Mentions inside a rescanned subtree are found again; mentions whose text left the page go.
      let sliceStart = performance.now();
      this.site = readSiteName(this.options.doc);
      this.siteNameAnswers = new Map();
      const rootSet = new Set(roots);
      const kept = this.mentions.filter((mention) => isLive(mention.range) && !isInside(mention.range.startContainer, rootSet));
      const fresh: PageMention[] = [];
      const candidates: PendingCandidate[] = [];
      const batches = batchesOf(runs, MAX_BATCH_CHARS);
      if (batches.length === 0 && kept.length !== this.mentions.length) {
        // The changed text is gone or holds nothing to read: what was marked in it goes.
        this.mentions = kept;
        this.options.onChange(this.all());
      }
      // Every `onChange` (the page's render) falls inside an accounted stretch: the stats are the whole cost.
      this.account(performance.now() - sliceStart);
      for (const batch of batches) {
        const matches = await this.matchBatch(batch);
        if (this.stopped) return;
        if (!matches) continue;
        await this.addMatches(batch, matches, fresh, candidates);
        if (this.stopped) return;
        sliceStart = performance.now();
        // Runs come in document order from each root; several roots (a batch of changes) need sorting.
        const found = roots.length > 1 ? [...fresh].sort((a, b) => compareRanges(a.range, b.range)) : fresh;
        this.mentions = kept.length > 0 ? mergeInOrder(kept, found) : found.slice();
        this.options.onChange(this.all());
        this.account(performance.now() - sliceStart);
      }
      if (candidates.length > 0) await this.resolveCandidates(candidates);
      await this.idleTime();
      this.checkVisibility();
      await this.yieldToPage();
    }
  }

  /** Reads the roots' text in slices of at most SLICE_MS. */
  private async collectRuns(roots: Node[]): Promise<TextRun[]> {
    const runs: TextRun[] = [];
    for (const root of roots) {
      // Checking the root and setting up its walk belong to its first slice.
      let sliceStart = performance.now();
      if (!root.isConnected || (root.nodeType === Node.ELEMENT_NODE && hasSkippedAncestorOrSelf((root as Element).parentElement))) {
        this.account(performance.now() - sliceStart);
        continue;
      }
      const collector = new TextRunCollector(root, (shadow) => this.observe(shadow));
      for (;;) {
        const done = collector.collect(sliceStart + SLICE_MS);
        this.account(performance.now() - sliceStart);
        if (done || this.stopped) break;
        await this.yieldToPage();
        sliceStart = performance.now();
      }
      for (const run of collector.runs) runs.push(run);
      this.stats.textLength += collector.menuLabelLength;
    }
    return runs;
  }

  /** Sends a batch's text to the background; null when it could not be matched (logged). */
  private async matchBatch(batch: TextRun[]): Promise<TextMatches | null> {
    const sent = performance.now();
    const texts = batch.map((run) => run.text);
    const answer = this.options.matchText(texts).catch((error: unknown): Result<TextMatches> => ({ ok: false, error: { code: 'internal', message: String(error) } }));
    // The message is serialised on this thread, a microtask after the call: count that as scan work.
    await Promise.resolve();
    this.account(performance.now() - sent);
    const result = await answer;
    this.stats.matchWaitMs += performance.now() - sent;
    if (!result.ok) {
      console.debug('[factcards] page text not matched:', result.error.message);
      return null;
    }
    return result.value;
  }

  /** Turns a batch's answer into live ranges (in slices), and collects its name candidates. */
  private async addMatches(batch: TextRun[], matches: TextMatches, out: PageMention[], candidates: PendingCandidate[]): Promise<void> {
    const { entities, mentions } = matches;
    const weak = new Set(matches.weak);
    let sliceStart = performance.now();
    for (const run of batch) this.stats.textLength += run.text.length;
    for (let i = 0; i + 3 < mentions.length; i += 4) {
      if ((i & 63) === 0 && performance.now() - sliceStart > SLICE_MS) {
        this.account(performance.now() - sliceStart);
        await this.yieldToPage();
        if (this.stopped) return;
        sliceStart = performance.now();
      }
      const run = batch[mentions[i] as number];
      const entity = entities[mentions[i + 3] as number];
      if (!run || !entity) continue;
      // Visibility is checked later, in idle time (checkVisibility).
      const start = mentions[i + 1] as number;
      const end = mentions[i + 2] as number;
      const range = rangeFor(run, start, end);
      if (!range || this.isExcluded(range)) continue;
      if (this.site && entity.type === 'organization' && !this.ownSite.has(entity.id)) {
        if (this.isSiteName(entity.name) || this.isSiteName(run.text.slice(start, end))) this.ownSite.add(entity.id);
      }
      out.push({ range, entityId: entity.id, name: entity.name, type: entity.type, fuzzy: false, weak: weak.has(i / 4) });
    }
    const found = matches.candidates;
    for (let i = 0; i + 2 < found.length; i += 3) {
      const run = batch[found[i] as number];
      if (!run) continue;
      const start = found[i + 1] as number;
      const end = found[i + 2] as number;
      candidates.push({ run, start, end, text: run.text.slice(start, end) });
    }
    this.account(performance.now() - sliceStart);
  }

  /** `namesTheSite` for the site read before this batch, once per name. */
  private isSiteName(name: string): boolean {
    let answer = this.siteNameAnswers.get(name);
    if (answer === undefined) {
      answer = this.site !== null && namesTheSite(name, this.site);
      this.siteNameAnswers.set(name, answer);
    }
    return answer;
  }

  /**
   * Shows only mentions in text the reader can see (not display:none, visibility:hidden…), and shows
   * again those whose text was revealed. Done after the marks are up, when the browser is idle and has
   * styled the page anyway: asking during the scan would force a style recalculation in the middle of it.
   */
  private checkVisibility(): void {
    if (this.stopped) return;
    const started = performance.now();
    const visibility = new WeakMap<Element, boolean>();
    const hidden = new Set(this.mentions.filter((mention) => !isVisibleMention(mention, visibility)));
    const revealed = [...this.hidden].some((mention) => !hidden.has(mention));
    const changed = revealed || [...hidden].some((mention) => !this.hidden.has(mention));
    if (revealed && this.pointerMoved) this.pointerRevealed = true;
    this.pointerMoved = false;
    this.hidden = hidden;
    if (changed) this.options.onChange(this.all());
    this.account(performance.now() - started);
  }

  /** Checks visibility again soon, at most once per interval and when the page is idle. */
  private visibilityMayHaveChanged(): void {
    if (this.visibilityCheckPending || this.stopped) return;
    this.visibilityCheckPending = true;
    const win = windowOf(this.options.doc);
    win.setTimeout(() => {
      void this.idleTime().then(() => {
        this.visibilityCheckPending = false;
        try {
          this.checkVisibility();
        } catch (error) {
          console.debug('[factcards] visibility check failed', error);
        }
      });
    }, VISIBILITY_CHECK_INTERVAL_MS);
  }

  /**
   * Checked before a mark is ever shown, not in the idle pass: in Firefox, once a highlight has
   * touched a multi-column container, removing it does not restore the container's exact height.
   */
  private isExcluded(range: Range): boolean {
    return this.options.skipMultiColumn === true && isInMultiColumn(range, this.multiColumn);
  }

  private idleTime(): Promise<void> {
    const win = windowOf(this.options.doc);
    return new Promise((resolve) => {
      if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(() => resolve(), { timeout: 500 });
      else setTimeout(resolve, 50);
    });
  }

  private account(ms: number): void {
    this.stats.scanMs += ms;
    if (ms > this.stats.longestTaskMs) this.stats.longestTaskMs = ms;
  }

  /** One message per batch for every candidate not answered before on this page. */
  private async resolveCandidates(candidates: PendingCandidate[]): Promise<void> {
    const unknown = [...new Set(candidates.map((candidate) => candidate.text))].filter((text) => !this.fuzzyCache.has(text));
    if (unknown.length > 0) {
      const result = await this.options.resolveFuzzy(unknown).catch(() => null);
      if (!result || !result.ok) return;
      unknown.forEach((text, index) => this.fuzzyCache.set(text, result.value[index] ?? null));
    }
    if (this.stopped) return;
    const sliceStart = performance.now();
    const added: PageMention[] = [];
    for (const candidate of candidates) {
      const resolved = this.fuzzyCache.get(candidate.text);
      if (!resolved) continue;
      const range = rangeFor(candidate.run, candidate.start, candidate.end);
      if (!range || this.isExcluded(range)) continue;
      added.push({ range, entityId: resolved.entityId, name: resolved.name, type: resolved.type, fuzzy: true, weak: false });
    }
    if (added.length > 0) {
      // A resolved candidate may have absorbed an adjoining mention ("Kir Starmer" over "Starmer"): it replaces it.
      const kept = this.mentions.filter((mention) => !added.some((fuzzy) => overlaps(fuzzy.range, mention.range)));
      this.mentions = kept.concat(added).sort((a, b) => compareRanges(a.range, b.range));
      this.options.onChange(this.all());
      // (Invisible ones among them go in the idle pass that follows.)
    }
    this.account(performance.now() - sliceStart);
  }
}

/** Consecutive runs of at most `maxChars` characters together (a longer run goes alone). */
function batchesOf(runs: TextRun[], maxChars: number): TextRun[][] {
  const batches: TextRun[][] = [];
  let batch: TextRun[] = [];
  let chars = 0;
  for (const run of runs) {
    if (batch.length > 0 && chars + run.text.length > maxChars) {
      batches.push(batch);
      batch = [];
      chars = 0;
    }
    batch.push(run);
    chars += run.text.length;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/** Merges two lists of mentions, each in document order, into one in document order. */
function mergeInOrder(a: PageMention[], b: PageMention[]): PageMention[] {
  const merged: PageMention[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (compareRanges((a[i] as PageMention).range, (b[j] as PageMention).range) <= 0) merged.push(a[i++] as PageMention);
    else merged.push(b[j++] as PageMention);
  }
  while (i < a.length) merged.push(a[i++] as PageMention);
  while (j < b.length) merged.push(b[j++] as PageMention);
  return merged;
}

/** Drops roots inside other roots: the outer scan covers them. */
function topmost(roots: Node[]): Node[] {
  const set = new Set(roots);
  return roots.filter((root) => {
    for (let node = root.parentNode; node; node = node.parentNode) if (set.has(node)) return false;
    return true;
  });
}

function isInside(node: Node, roots: Set<Node>): boolean {
  for (let current: Node | null = node; current; current = current.parentNode) if (roots.has(current)) return true;
  return false;
}

function isLive(range: Range): boolean {
  return !range.collapsed && range.startContainer.isConnected && range.endContainer.isConnected;
}

function overlaps(a: Range, b: Range): boolean {
  try {
    return a.compareBoundaryPoints(Range.START_TO_END, b) > 0 && a.compareBoundaryPoints(Range.END_TO_START, b) < 0;
  } catch {
    return false;
  }
}

/** Text the reader cannot see (display:none, visibility:hidden…) is not a mention on the page. */
export function isVisibleMention(mention: PageMention, cache: WeakMap<Element, boolean>): boolean {
  const element = mention.range.startContainer.parentElement;
  if (!element || !mention.range.startContainer.isConnected) return false;
  let visible = cache.get(element);
  if (visible === undefined) {
    visible = typeof element.checkVisibility === 'function' ? element.checkVisibility({ visibilityProperty: true }) : true;
    cache.set(element, visible);
  }
  return visible;
}

/** Whether a mention sits inside a multi-column container (CSS `columns`), memoised per element. */
function isInMultiColumn(range: Range, cache: Map<Element, boolean>): boolean {
  const chain: Element[] = [];
  let answer = false;
  for (let element = range.startContainer.parentElement; element; element = element.parentElement) {
    const known = cache.get(element);
    if (known !== undefined) {
      answer = known;
      break;
    }
    chain.push(element);
    const style = windowOf(element.ownerDocument).getComputedStyle(element);
    if (style.columnCount !== 'auto' || style.columnWidth !== 'auto') {
      answer = true;
      break;
    }
  }
  for (const element of chain) cache.set(element, answer);
  return answer;
}
