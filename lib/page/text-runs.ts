/**
 * Page text as the reader sees it, cut into runs the matcher can scan. A run is the text of one block
 * (paragraph, heading, list item, cell…): inline elements do not split it, so "<b>Emmanuel</b> Macron"
 * is one run "Emmanuel Macron", while two paragraphs are never joined into one name. Each run keeps its
 * text nodes and their offsets so a match maps back to a DOM Range.
 *
 * Collection is incremental (`TextRunCollector.collect(deadline)`), so a huge page is read in slices that
 * never block the main thread for long.
 */

/** Elements whose text is not page prose, or not the page's: never scanned, nor anything inside them. */
const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'OPTGROUP', 'BUTTON',
  'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO', 'HEAD', 'TITLE', 'META', 'LINK', 'DATALIST',
  'FACTCARDS-CARD',
]);

/** Elements laid out inline by default: their text continues the surrounding run. */
const INLINE_TAGS = new Set([
  'A', 'ABBR', 'ACRONYM', 'B', 'BDI', 'BDO', 'BIG', 'CITE', 'CODE', 'DATA', 'DEL', 'DFN', 'EM', 'FONT', 'I',
  'INS', 'KBD', 'LABEL', 'MARK', 'Q', 'RP', 'RT', 'RUBY', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRIKE', 'STRONG',
  'SUB', 'SUP', 'TIME', 'TT', 'U', 'VAR', 'WBR', 'NOBR', 'SLOT',
]);

/** Whether an element continues the surrounding run (laid out inline by default). */
export function isInlineElement(element: Element): boolean {
  return INLINE_TAGS.has(element.tagName);
}

const XHTML = 'http://www.w3.org/1999/xhtml';

/** Whether an element's subtree is out of scope: not prose (SVG, form fields…), editable, hidden, or ours. */
export function isSkippedElement(element: Element): boolean {
  return isSkipped(element, element.tagName);
}

/** One block's text and the text nodes it came from. */
export interface TextRun {
  text: string;
  nodes: Text[];
  /** Offset in `text` where each node starts. */
  starts: number[];
}

/** A position in a run as a DOM point. `end` prefers the end of a node over the start of the next. */
export function pointAt(run: TextRun, offset: number, end: boolean): { node: Text; offset: number } | null {
  const { nodes, starts } = run;
  let low = 0;
  let high = nodes.length - 1;
  // The last node starting at or before `offset` (or strictly before it, for an end point).
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    const start = starts[mid] ?? 0;
    if (end ? start < offset : start <= offset) low = mid;
    else high = mid - 1;
  }
  const node = nodes[low];
  if (!node) return null;
  return { node, offset: Math.min(offset - (starts[low] ?? 0), node.data.length) };
}

/** A live Range over `[start, end)` of a run, or null when the run's nodes changed under us. */
export function rangeFor(run: TextRun, start: number, end: number): Range | null {
  const from = pointAt(run, start, false);
  const to = pointAt(run, end, true);
  if (!from || !to || !from.node.isConnected || !to.node.isConnected) return null;
  const range = from.node.ownerDocument.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/** What each node open on the walk's stack is: flags, so the stack holds no objects. */
const BREAKS = 1; // leaving it ends the current run (block elements, shadow roots, the root)
const SCOPE = 2; // the root of a tree: the collector's root, or a shadow root (entered from its host)
const NAVIGATION = 4; // a navigation landmark (see isMenuLabel)

/** Navigation landmarks: a site's menus. */
const NAVIGATION_SELECTOR = 'nav, [role="navigation"]';

/** A run inside a navigation landmark of at most this many words is a menu item's label. */
const MENU_LABEL_MAX_WORDS = 3;

/**
 * Whether a run's text is a menu item's label ("UK", "US & Canada", "Europe 2020"), once it is known to
 * sit in a navigation landmark. A menu names the site's sections, not things a reader wants a card
 * for, and the same labels come back in every menu copy of every page (17 of bbc-1's 64 marks were
 * "UK", "US & Canada", "Europe" and "Latin America"). Headlines that menus also list ("Will the U.S. and
 * Canada leave Mexico behind?") are longer, and are read.
 */
export function isMenuLabel(text: string): boolean {
  let words = 0;
  for (const _ of text.matchAll(/[\p{L}\p{N}]+/gu)) if (++words > MENU_LABEL_MAX_WORDS) return false;
  return true;
}

/**
 * Walks a subtree in document order, through open shadow roots (each after its host's light children),
 * so `collect` can stop at a deadline and resume. Runs are emitted as they close; call `collect` until it
 * returns true.
 *
 * Why it is written this way: the walk runs on every page, in code that is still cold, and each DOM
 * read is a call into the browser. It follows the nodes' own `firstChild` and `nextSibling` (cheaper
 * than a TreeWalker's methods), skipped subtrees are stepped over whole, what each open node is goes in
 * flags rather than one object per node, and the hot state lives in locals for the length of a slice.
 * Measured cold in an isolated world on nine saved pages, giving the same runs: 10–35 % less time than
 * the TreeWalker version it replaced.
 */
export class TextRunCollector {
  readonly runs: TextRun[] = [];
  /** Open nodes from the root down, their flags, and the open shadow root each still has to walk. */
  private readonly open: Node[] = [];
  private readonly flags: number[] = [];
  private readonly shadows: Array<ShadowRoot | null> = [];
  /**
   * The open nodes' next siblings when the last slice ended (an entry goes when its node closes). The
   * page may move or remove nodes between slices: the walk then goes on where the DOM was, and the
   * scanner's MutationObserver reads what changed.
   */
  private siblingsAtPause: Array<Node | null> = [];
  private paused = false;
  /** The next node to visit, or null when the innermost open node has no more children. */
  private next: Node | null = null;
  private text = '';
  private nodes: Text[] = [];
  private starts: number[] = [];
  private visited = 0;
  /** The navigation landmarks in the subtree, and in each shadow root entered (see isMenuLabel). */
  private readonly navigation: Set<Element>;
  /** How many open nodes are navigation landmarks, counting one for a root inside a landmark. */
  private navigationDepth = 0;
  /** Whether the current run has text from inside a navigation landmark. */
  private runInNavigation = false;
  /** Characters of the menu labels read and left out: page text all the same (the benchmark counts it). */
  menuLabelLength = 0;

  /** `onShadowRoot` hears of each open shadow root entered, so the caller can watch it for changes. */
  constructor(
    root: Node,
    private readonly onShadowRoot: (shadow: ShadowRoot) => void = () => undefined,
  ) {
    const type = root.nodeType;
    this.navigation = new Set(navigationLandmarksIn(root));
    if (type === TEXT_NODE) {
      // Its run ends when `collect` finds nothing open.
      this.text = (root as Text).data;
      this.nodes.push(root as Text);
      this.starts.push(0);
      this.runInNavigation = isInNavigation(root.parentElement);
      return;
    }
    if (type === ELEMENT_NODE) {
      const element = root as Element;
      if (hasSkippedAncestorOrSelf(element)) return;
      const inNavigation = isInNavigation(element);
      this.push(root, (isInlineElement(element) ? SCOPE : SCOPE | BREAKS) | (inNavigation ? NAVIGATION : 0), openShadowOf(element));
      if (inNavigation) this.navigationDepth = 1;
    } else {
      this.push(root, SCOPE | BREAKS, null);
    }
    this.next = root.firstChild;
  }

  /** Collects until done (true) or until `now() > deadline` (false; call again to continue). */
  collect(deadline: number, now: () => number = () => performance.now()): boolean {
    const { open, flags, shadows, runs, siblingsAtPause, navigation } = this;
    if (this.paused) this.resume();
    let node = this.next;
    let visited = this.visited;
    let text = this.text;
    let nodes = this.nodes;
    let starts = this.starts;
    let done = open.length === 0;
    while (!done) {
      if ((++visited & 127) === 0 && now() > deadline) {
        this.next = node;
        this.visited = visited;
        this.text = text;
        this.nodes = nodes;
        this.starts = starts;
        siblingsAtPause.length = 0;
        for (const entry of open) siblingsAtPause.push(entry.nextSibling);
        this.paused = true;
        return false;
      }
      // Whether the current run ends here.
      let ends = false;
      if (node !== null) {
        const type = node.nodeType;
        if (type === TEXT_NODE) {
          const data = (node as Text).data;
          if (data.length > 0) {
            starts.push(text.length);
            nodes.push(node as Text);
            text += data;
            if (this.navigationDepth > 0) this.runInNavigation = true;
          }
          node = node.nextSibling;
          continue;
        }
        if (type !== ELEMENT_NODE) {
          node = node.nextSibling;
          continue;
        }
        const element = node as Element;
        const tag = element.tagName;
        const inline = INLINE_TAGS.has(tag);
        ends = !inline || tag === 'BR';
        if (tag === 'BR' || isSkipped(element, tag)) {
          node = element.nextSibling;
        } else {
          const landmark = navigation.size > 0 && navigation.has(element);
          if (landmark) this.navigationDepth++;
          open.push(element);
          flags.push((inline ? 0 : BREAKS) | (landmark ? NAVIGATION : 0));
          shadows.push(SHADOW_HOST_TAGS.has(tag) || mayBeCustom(tag) ? openShadowOf(element) : null);
          node = element.firstChild;
        }
      } else {
        // The innermost open node has no more children: its shadow root comes next, else it closes.
        const top = open.length - 1;
        const shadow = shadows[top];
        if (shadow) {
          shadows[top] = null;
          this.onShadowRoot(shadow);
          for (const landmark of navigationLandmarksIn(shadow)) navigation.add(landmark);
          open.push(shadow);
          flags.push(SCOPE | BREAKS);
          shadows.push(null);
          node = shadow.firstChild;
          ends = true;
        } else {
          const closed = open.pop() as Node;
          const flag = flags.pop() as number;
          shadows.pop();
          if (flag & NAVIGATION) this.navigationDepth--;
          ends = (flag & BREAKS) !== 0;
          const depth = open.length;
          done = depth === 0;
          if (flag & SCOPE) {
            // A shadow root is done: its host closes next.
            node = null;
          } else if (depth < siblingsAtPause.length) {
            // Open when a slice ended: go on where its next sibling was then, if that is still there.
            const sibling = siblingsAtPause[depth] ?? null;
            siblingsAtPause.length = depth;
            node = sibling !== null && sibling.parentNode === open[depth - 1] ? sibling : null;
          } else {
            node = closed.nextSibling;
          }
        }
      }
      if (ends && nodes.length > 0) {
        if (this.keepsRun(text)) runs.push({ text, nodes, starts });
        text = '';
        nodes = [];
        starts = [];
        this.runInNavigation = false;
      }
    }
    this.next = null;
    this.visited = visited;
    // An inline root's run, or a text root's, ends with the walk.
    this.text = text;
    this.nodes = nodes;
    this.starts = starts;
    this.endRun();
    return true;
  }

  private push(node: Node, flag: number, shadow: ShadowRoot | null): void {
    this.open.push(node);
    this.flags.push(flag);
    this.shadows.push(shadow);
  }

  /**
   * Before a slice: an open element the page removed or moved to another parent since the last slice
   * closes with all it held (a run it was in ends), and the walk goes on where its next sibling was.
   */
  private resume(): void {
    this.paused = false;
    const { open, flags, siblingsAtPause } = this;
    for (let i = 1; i < open.length; i++) {
      if ((flags[i] as number) & SCOPE || (open[i] as Node).parentNode === open[i - 1]) continue;
      const closed = flags.splice(i);
      const closedFlags = closed.reduce((all, flag) => all | flag, 0);
      this.navigationDepth -= closed.filter((flag) => flag & NAVIGATION).length;
      open.length = i;
      this.shadows.length = i;
      if (closedFlags & BREAKS) this.endRun();
      const sibling = siblingsAtPause[i] ?? null;
      siblingsAtPause.length = i;
      this.next = sibling !== null && sibling.parentNode === open[i - 1] ? sibling : null;
      return;
    }
    // The next node to visit was removed or moved: its parent closes now.
    if (this.next !== null && this.next.parentNode !== open[open.length - 1]) this.next = null;
  }

  private endRun(): void {
    if (this.nodes.length === 0) return;
    if (this.keepsRun(this.text)) this.runs.push({ text: this.text, nodes: this.nodes, starts: this.starts });
    this.text = '';
    this.nodes = [];
    this.starts = [];
    this.runInNavigation = false;
  }

  /**
   * Whether a closed run is kept: it has words, and is not a menu item's label. A label left out is
   * counted in `menuLabelLength`, so call this once per run.
   */
  private keepsRun(text: string): boolean {
    if (!/\S/.test(text)) return false;
    if (!this.runInNavigation || !isMenuLabel(text)) return true;
    this.menuLabelLength += text.length;
    return false;
  }
}

/**
 * Elements that may have a shadow root (attachShadow throws on any other HTML element; SVG and MathML
 * are skipped anyway), as tag names in HTML (upper case) and XML documents. Asking any other element for
 * its `shadowRoot` is a DOM call that can only answer null.
 */
const SHADOW_HOST_TAGS = new Set(
  ['article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main',
    'nav', 'p', 'section', 'span'].flatMap((name) => [name, name.toUpperCase()]),
);

/** Custom element names hold a hyphen; a prefixed XML name (`h:div`) is left to the DOM too. */
function mayBeCustom(tag: string): boolean {
  return tag.includes('-') || tag.includes(':');
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Whether an element is, or sits in, a navigation landmark: where a rescan that starts inside a menu starts. */
function isInNavigation(element: Element | null): boolean {
  return (element?.closest(NAVIGATION_SELECTOR) ?? null) !== null;
}

/** The navigation landmarks in a subtree (not in its shadow roots): one native query, so the walk asks no element. */
function navigationLandmarksIn(root: Node): Iterable<Element> {
  return 'querySelectorAll' in root ? (root as ParentNode).querySelectorAll(NAVIGATION_SELECTOR) : [];
}

/** An element's shadow root if open; closed roots (null here anyway) are the page's business. */
function openShadowOf(element: Element): ShadowRoot | null {
  const shadow = element.shadowRoot;
  return shadow !== null && shadow.mode === 'open' ? shadow : null;
}

/** The attributes `isSkipped` reads: when one changes on an element, what a scan reads there may change. */
export const SKIPPING_ATTRIBUTES: readonly string[] = ['hidden', 'contenteditable'];

/** `isSkippedElement` with the tag name already read (the walk has it), cheapest checks first. */
function isSkipped(element: Element, tag: string): boolean {
  if (SKIPPED_TAGS.has(tag)) return true;
  // Not HTML (SVG, MathML). `instanceof` is plain JS (no call into the DOM) and exact for this realm's
  // elements; a node of another realm (a frame's) falls back to the namespace.
  if (!(element instanceof HTMLElement) && element.namespaceURI !== XHTML) return true;
  if (element.hasAttribute('hidden')) return true;
  if (!element.hasAttribute('contenteditable')) return false;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

/**
 * Whether a subtree holds any text a scan would read. Stops at the first run, so on a real page it reads
 * only the first few elements; a frame with nothing to read (an ad slot) is walked once, whole.
 */
export function hasScannableText(root: Node, onShadowRoot?: (shadow: ShadowRoot) => void): boolean {
  const collector = new TextRunCollector(root, onShadowRoot);
  // `collect` compares its clock with the deadline every 128 nodes: report "past it" once a run closed.
  collector.collect(0, () => (collector.runs.length > 0 ? 1 : 0));
  return collector.runs.length > 0;
}

/** Whether a node sits inside (or is) something never scanned, e.g. text appended inside a textarea's host. */
export function hasSkippedAncestorOrSelf(element: Element | null): boolean {
  for (let node: Element | null = element; node; ) {
    if (isSkippedElement(node)) return true;
    if (node.parentElement) node = node.parentElement;
    else {
      const root = node.getRootNode();
      node = root instanceof ShadowRoot ? root.host : null;
    }
  }
  return false;
}

/** The nearest ancestor that starts a run: where a rescan of a changed node must begin. */
export function blockAncestor(node: Node): Node {
  let current: Node = node.nodeType === Node.ELEMENT_NODE ? node : (node.parentNode ?? node);
  while (current.nodeType === Node.ELEMENT_NODE && isInlineElement(current as Element) && current.parentNode) {
    current = current.parentNode;
  }
  return current;
}
