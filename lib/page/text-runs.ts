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

const XHTML = 'http://www.w3.org/1999/xhtml';

/** Whether an element's subtree is out of scope: not prose (SVG, form fields…), editable, hidden, or ours. */
export function isSkippedElement(element: Element): boolean {
  if (element.namespaceURI !== XHTML) return true; // SVG, MathML
  if (SKIPPED_TAGS.has(element.tagName)) return true;
  if (element.hasAttribute('hidden')) return true;
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  return false;
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

interface Frame {
  node: Node;
  /** Next child to visit. */
  child: Node | null;
  /** Whether leaving this node ends the current run (block elements, shadow roots). */
  breaks: boolean;
  /** The open shadow root still to visit after the light children (a host renders it in their place). */
  shadow: ShadowRoot | null;
}

/**
 * Walks a subtree depth-first with an explicit stack, so `collect` can stop at a deadline and resume.
 * Runs are emitted as they close; call `collect` until it returns true.
 */
export class TextRunCollector {
  readonly runs: TextRun[] = [];
  private readonly stack: Frame[] = [];
  private current: TextRun = { text: '', nodes: [], starts: [] };
  private visited = 0;

  /** `onShadowRoot` hears of each open shadow root entered, so the caller can watch it for changes. */
  constructor(
    root: Node,
    private readonly onShadowRoot: (shadow: ShadowRoot) => void = () => undefined,
  ) {
    if (root.nodeType === Node.TEXT_NODE) {
      this.addText(root as Text);
      return;
    }
    if (root.nodeType === Node.ELEMENT_NODE && hasSkippedAncestorOrSelf(root as Element)) return;
    this.push(root);
  }

  /** Collects until done (true) or until `now() > deadline` (false; call again to continue). */
  collect(deadline: number, now: () => number = () => performance.now()): boolean {
    while (this.stack.length > 0) {
      if ((++this.visited & 127) === 0 && now() > deadline) return false;
      const frame = this.stack[this.stack.length - 1] as Frame;
      const child = frame.child;
      if (child) {
        frame.child = child.nextSibling;
        this.visit(child);
        continue;
      }
      if (frame.shadow) {
        const shadow = frame.shadow;
        frame.shadow = null;
        this.flush();
        this.onShadowRoot(shadow);
        this.stack.push({ node: shadow, child: shadow.firstChild, breaks: true, shadow: null });
        continue;
      }
      this.stack.pop();
      if (frame.breaks) this.flush();
    }
    this.flush();
    return true;
  }

  private visit(node: Node): void {
    if (node.nodeType === Node.TEXT_NODE) {
      this.addText(node as Text);
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const element = node as Element;
    if (element.tagName === 'BR') {
      this.flush();
      return;
    }
    if (isSkippedElement(element)) {
      if (!INLINE_TAGS.has(element.tagName)) this.flush();
      return;
    }
    this.push(element);
  }

  private push(node: Node): void {
    const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : null;
    const breaks = !element || !INLINE_TAGS.has(element.tagName);
    if (breaks) this.flush();
    const shadow = element?.shadowRoot ?? null; // null for closed roots: they are the page's business
    this.stack.push({ node, child: node.firstChild, breaks, shadow: shadow && shadow.mode === 'open' ? shadow : null });
  }

  private addText(node: Text): void {
    const data = node.data;
    if (data.length === 0) return;
    this.current.starts.push(this.current.text.length);
    this.current.nodes.push(node);
    this.current.text += data;
  }

  private flush(): void {
    const run = this.current;
    if (run.nodes.length === 0) return;
    if (/\S/.test(run.text)) this.runs.push(run);
    this.current = { text: '', nodes: [], starts: [] };
  }
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
  while (current.nodeType === Node.ELEMENT_NODE && INLINE_TAGS.has((current as Element).tagName) && current.parentNode) {
    current = current.parentNode;
  }
  return current;
}
