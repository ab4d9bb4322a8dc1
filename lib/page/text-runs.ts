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
const SCOPE = 2; // the root of a tree walked by its own TreeWalker (the collector's root, a shadow root)
const CHILDLESS = 4; // the walker still stands on it rather than on one of its children

/**
 * Walks a subtree in document order with native TreeWalkers (one per tree: the root's, then each open
 * shadow root's), so `collect` can stop at a deadline and resume. Runs are emitted as they close; call
 * `collect` until it returns true.
 *
 * Why TreeWalkers and flag arrays: the walk runs on every page, in code that is still cold, and each DOM
 * property read is a call into the browser. The walker steps over comments natively, skipped subtrees are
 * stepped over whole (`nextSibling`), and the stack holds numbers rather than one object per element.
 */
export class TextRunCollector {
  readonly runs: TextRun[] = [];
  /** Open nodes from the root down, their flags, and the open shadow root each still has to walk. */
  private readonly open: Node[] = [];
  private readonly flags: number[] = [];
  /**
   * For nodes that were open when a slice ended: the sibling that followed them then (undefined for the
   * others). The page may move or remove nodes between slices; the walk then goes on where the DOM was.
   */
  private readonly resumeAfter: Array<Node | null | undefined> = [];
  private readonly shadows: Array<ShadowRoot | null> = [];
  /** Walkers of the trees open on the stack, innermost last. */
  private readonly walkers: TreeWalker[] = [];
  /** The next node to visit, or null when the innermost open node has no more children. */
  private next: Node | null = null;
  private text = '';
  private nodes: Text[] = [];
  private starts: number[] = [];
  private visited = 0;

  /** `onShadowRoot` hears of each open shadow root entered, so the caller can watch it for changes. */
  constructor(
    root: Node,
    private readonly onShadowRoot: (shadow: ShadowRoot) => void = () => undefined,
  ) {
    const type = root.nodeType;
    if (type === TEXT_NODE) {
      this.addText(root as Text);
      return;
    }
    if (type === ELEMENT_NODE) {
      const element = root as Element;
      if (hasSkippedAncestorOrSelf(element)) return;
      this.enterTree(root, isInlineElement(element) ? SCOPE : SCOPE | BREAKS, openShadowOf(element));
    } else {
      this.enterTree(root, SCOPE | BREAKS, null);
    }
  }

  /** Collects until done (true) or until `now() > deadline` (false; call again to continue). */
  collect(deadline: number, now: () => number = () => performance.now()): boolean {
    const { open, flags, shadows, walkers, resumeAfter } = this;
    let walker = walkers[walkers.length - 1] as TreeWalker;
    let node = this.next;
    while (flags.length > 0) {
      if ((++this.visited & 127) === 0 && now() > deadline) {
        this.next = node;
        for (let i = 0; i < open.length; i++) {
          if (resumeAfter[i] === undefined && !((flags[i] as number) & SCOPE)) resumeAfter[i] = (open[i] as Node).nextSibling;
        }
        return false;
      }
      if (node !== null) {
        if (node.nodeType === TEXT_NODE) {
          this.addText(node as Text);
          node = walker.nextSibling();
          continue;
        }
        const element = node as Element;
        const tag = element.tagName;
        if (tag === 'BR') {
          this.flush();
          node = walker.nextSibling();
          continue;
        }
        const inline = INLINE_TAGS.has(tag);
        if (isSkipped(element, tag)) {
          if (!inline) this.flush();
          node = walker.nextSibling();
          continue;
        }
        if (!inline) this.flush();
        node = walker.firstChild();
        open.push(element);
        resumeAfter.push(undefined);
        flags.push(inline ? (node === null ? CHILDLESS : 0) : node === null ? BREAKS | CHILDLESS : BREAKS);
        shadows.push(SHADOW_HOST_TAGS.has(tag) || mayBeCustom(tag) ? openShadowOf(element) : null);
        continue;
      }
      // The innermost open node has no more children: its shadow root comes next, else it closes.
      const top = flags.length - 1;
      const shadow = shadows[top];
      if (shadow) {
        shadows[top] = null;
        this.flush();
        this.onShadowRoot(shadow);
        walker = this.enterTree(shadow, SCOPE | BREAKS, null);
        node = this.next;
        continue;
      }
      const closed = open.pop() as Node;
      const resume = resumeAfter.pop();
      const flag = flags.pop() as number;
      shadows.pop();
      if (flag & BREAKS) this.flush();
      if (flag & SCOPE) {
        walkers.pop();
        if (walkers.length === 0) break;
        walker = walkers[walkers.length - 1] as TreeWalker;
        // The host's light children and shadow root are done: it closes next.
        node = null;
        continue;
      }
      if (resume === undefined) {
        if (!(flag & CHILDLESS)) walker.currentNode = closed;
        node = walker.nextSibling();
      } else if (resume !== null) {
        walker.currentNode = resume;
        const type = resume.nodeType;
        node = type === ELEMENT_NODE || type === TEXT_NODE ? resume : walker.nextSibling();
      } else {
        node = null;
      }
    }
    this.next = null;
    this.flush();
    return true;
  }

  /** Opens a tree (the root, or a shadow root) with its own walker; `next` becomes its first child. */
  private enterTree(root: Node, flag: number, shadow: ShadowRoot | null): TreeWalker {
    if (flag & BREAKS) this.flush();
    const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, SHOW_ELEMENT_AND_TEXT);
    this.walkers.push(walker);
    this.open.push(root);
    this.resumeAfter.push(undefined);
    this.flags.push(flag);
    this.shadows.push(shadow);
    this.next = walker.firstChild();
    return walker;
  }

  private addText(node: Text): void {
    const data = node.data;
    if (data.length === 0) return;
    this.starts.push(this.text.length);
    this.nodes.push(node);
    this.text += data;
  }

  private flush(): void {
    if (this.nodes.length === 0) return;
    if (/\S/.test(this.text)) this.runs.push({ text: this.text, nodes: this.nodes, starts: this.starts });
    this.text = '';
    this.nodes = [];
    this.starts = [];
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
const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4; // NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT

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
