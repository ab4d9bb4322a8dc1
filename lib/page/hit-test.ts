/**
 * Which mention is under the pointer. The caret position at the point names a text node and offset;
 * a mention counts only if the point is also inside one of its line boxes, so hovering the empty space
 * after a line's last word, or between lines, opens nothing.
 */
import type { PageMention } from './highlights';

export interface MentionHit {
  mention: PageMention;
  /** Which of the mention's line boxes holds the pointer (a mention may wrap). */
  rectIndex: number;
}

/** Mentions by each text node they touch, for hit-testing in O(1) per pointer move. */
export class MentionIndex {
  private readonly byNode = new Map<Node, PageMention[]>();
  readonly shadowRoots: ShadowRoot[] = [];

  constructor(mentions: readonly PageMention[]) {
    const roots = new Set<ShadowRoot>();
    for (const mention of mentions) {
      const { startContainer, endContainer } = mention.range;
      this.add(startContainer, mention);
      if (endContainer !== startContainer) {
        this.add(endContainer, mention);
        // Nodes wholly inside a mention spanning three or more nodes ("<b>Jean</b>-<i>Noël</i>").
        for (let node = nextNode(startContainer); node && node !== endContainer; node = nextNode(node)) {
          if (node.nodeType === Node.TEXT_NODE) this.add(node, mention);
        }
      }
      const root = startContainer.getRootNode();
      if (root instanceof ShadowRoot) roots.add(root);
    }
    this.shadowRoots.push(...roots);
  }

  at(node: Node): readonly PageMention[] {
    return this.byNode.get(node) ?? [];
  }

  private add(node: Node, mention: PageMention): void {
    const list = this.byNode.get(node);
    if (list) list.push(mention);
    else this.byNode.set(node, [mention]);
  }
}

function nextNode(node: Node): Node | null {
  if (node.firstChild) return node.firstChild;
  for (let current: Node | null = node; current; current = current.parentNode) {
    if (current.nextSibling) return current.nextSibling;
  }
  return null;
}

interface CaretDocument {
  caretPositionFromPoint?: (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
}

/** The text position under a viewport point, looking into the given open shadow roots. */
export function caretAt(doc: Document, x: number, y: number, shadowRoots: ShadowRoot[]): { node: Node; offset: number } | null {
  const caretDoc = doc as unknown as CaretDocument;
  if (typeof caretDoc.caretPositionFromPoint === 'function') {
    const position = caretDoc.caretPositionFromPoint.call(doc, x, y, shadowRoots.length > 0 ? { shadowRoots } : undefined);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  if (typeof caretDoc.caretRangeFromPoint === 'function') {
    const range = caretDoc.caretRangeFromPoint.call(doc, x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

/** Allowance in CSS pixels around a line box: caret positions round to character edges. */
const SLOP = 1;

/** The index of the mention's line box holding the point, or -1. */
export function rectIndexAt(range: Range, x: number, y: number): number {
  const rects = range.getClientRects();
  for (let i = 0; i < rects.length; i++) {
    const rect = rects[i];
    if (rect && rect.width > 0 && x >= rect.left - SLOP && x <= rect.right + SLOP && y >= rect.top - SLOP && y <= rect.bottom + SLOP) return i;
  }
  return -1;
}

/** The mention under a viewport point, if the point is really on its text. */
export function mentionAtPoint(doc: Document, x: number, y: number, index: MentionIndex): MentionHit | null {
  const caret = caretAt(doc, x, y, index.shadowRoots);
  if (!caret) return null;
  const candidates = [...index.at(caret.node)];
  // At a node's very start the caret may land at the end of the previous node (or vice versa).
  if (caret.node.nodeType === Node.TEXT_NODE) {
    const text = caret.node as Text;
    if (caret.offset === 0 && text.previousSibling) candidates.push(...index.at(text.previousSibling));
    if (caret.offset === text.data.length && text.nextSibling) candidates.push(...index.at(text.nextSibling));
  }
  for (const mention of candidates) {
    const rectIndex = rectIndexAt(mention.range, x, y);
    if (rectIndex >= 0) return { mention, rectIndex };
  }
  return null;
}
