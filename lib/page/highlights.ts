/**
 * Marks mentions without touching the page's DOM: every mention is a live Range registered in
 * `CSS.highlights` under `factcards-mention` (a documented contract), styled by a constructed
 * stylesheet that holds nothing but `::highlight(factcards-mention)` rules.
 */
import type { EntityType } from '../pack/schema';
import type { HighlightStyle, Settings } from '../settings';
import { windowOf } from './frames';

/** The highlight name page authors and tests rely on. */
export const HIGHLIGHT_NAME = 'factcards-mention';

/** A mention on the page. `range` is live: it follows edits to the text around it. */
export interface PageMention {
  range: Range;
  entityId: string;
  name: string;
  type: EntityType;
  /** Found by fuzzy lookup (a misspelling) rather than by an alias. */
  fuzzy: boolean;
  /** Found by an alias that names other things too: shown only where the document names the entity plainly. */
  weak: boolean;
}

/**
 * Dotted underline in the text's own colour, so it is legible on light and dark pages alike; the
 * background variant is a translucent amber that darkens light pages and lightens dark ones. Marks are
 * for reading on screen: a printed page comes out as the site made it.
 */
export function highlightCss(style: HighlightStyle): string {
  if (style === 'none') return '';
  const declarations =
    style === 'background'
      ? 'background-color: rgb(255 190 40 / 0.35);'
      : 'text-decoration-line: underline; text-decoration-style: dotted; text-decoration-thickness: 2px; text-decoration-color: currentColor;';
  return `@media not print { ::highlight(${HIGHLIGHT_NAME}) { ${declarations} } }`;
}

/** The mentions the settings ask to show: enabled types, and only the first of each entity if asked. */
export function visibleMentions(mentions: readonly PageMention[], settings: Pick<Settings, 'highlightTypes' | 'firstMentionOnly'>): PageMention[] {
  const types = new Set(settings.highlightTypes);
  const seen = new Set<string>();
  const shown: PageMention[] = [];
  for (const mention of mentions) {
    if (!types.has(mention.type)) continue;
    if (settings.firstMentionOnly) {
      if (seen.has(mention.entityId)) continue;
      seen.add(mention.entityId);
    }
    shown.push(mention);
  }
  return shown;
}

/** Document order, for "first mention" and next/previous navigation. */
export function compareRanges(a: Range, b: Range): number {
  try {
    return a.compareBoundaryPoints(Range.START_TO_START, b);
  } catch {
    return 0; // different documents or shadow trees: order is arbitrary but stable
  }
}

/**
 * Owns the highlight registry entry and the stylesheet for one document. Nothing is added to the DOM:
 * the sheet is adopted, so the page's own stylesheets, text and layout are untouched.
 *
 * The sheet is adopted only once there is a mark to show. A `::highlight()` rule matches every element,
 * so adopting it makes the browser restyle the whole document: measured in Chromium (traced style
 * recalculation, the rule against an empty sheet), 7–19 ms more on three news pages and about 120 ms on
 * wikipedia-2. A page that mentions nothing Factcards knows (most pages, with a small store) is spared that.
 */
export class MentionHighlighter {
  private sheet: CSSStyleSheet | null = null;
  private style: HighlightStyle = 'underline';
  private highlight: Highlight | null = null;
  /** The ranges in `highlight`, as we last set them. */
  private shown = new Set<Range>();

  constructor(private readonly doc: Document) {}

  setStyle(style: HighlightStyle): void {
    this.style = style;
    if (this.sheet) applyCss(this.sheet, style);
  }

  /** Replaces the highlighted ranges with `ranges`. */
  show(ranges: readonly Range[]): void {
    const registry = highlightRegistry(this.doc);
    if (!registry) return;
    if (ranges.length > 0 && !this.sheet) this.sheet = adoptSheet(this.doc, this.style);
    const HighlightClass = windowOf(this.doc).Highlight ?? globalThis.Highlight;
    if (!this.highlight) {
      this.highlight = new HighlightClass();
      this.shown = new Set();
      registry.set(HIGHLIGHT_NAME, this.highlight);
    } else if (registry.get(HIGHLIGHT_NAME) !== this.highlight) {
      registry.set(HIGHLIGHT_NAME, this.highlight);
    }
    // Only the difference goes to the browser: a rescan or a fuzzy answer changes a few marks of many.
    const next = new Set(ranges);
    if (this.highlight.size !== this.shown.size) {
      // Someone else changed our highlight (a page script may): start from what we mean to show.
      this.highlight.clear();
      this.shown = new Set();
    }
    for (const range of this.shown) if (!next.has(range)) this.highlight.delete(range);
    for (const range of next) if (!this.shown.has(range)) this.highlight.add(range);
    this.shown = next;
  }

  /** Removes every mark and the stylesheet: the page is as it was. */
  destroy(): void {
    const registry = highlightRegistry(this.doc);
    if (registry && this.highlight && registry.get(HIGHLIGHT_NAME) === this.highlight) registry.delete(HIGHLIGHT_NAME);
    this.highlight = null;
    this.shown = new Set();
    if (this.sheet) {
      const sheet = this.sheet;
      this.sheet = null;
      try {
        this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
      } catch {
        // The document is gone.
      }
    }
  }
}

function applyCss(sheet: CSSStyleSheet, style: HighlightStyle): void {
  try {
    sheet.replaceSync(highlightCss(style));
  } catch (error) {
    console.debug('[factcards] highlight style not applied', error);
  }
}

function highlightRegistry(doc: Document): HighlightRegistry | null {
  const css = windowOf(doc).CSS ?? globalThis.CSS;
  return css && 'highlights' in css ? css.highlights : null;
}

/** A sheet holding the style's rules, adopted by the document (filled first: the page restyles once). */
function adoptSheet(doc: Document, style: HighlightStyle): CSSStyleSheet | null {
  try {
    const SheetClass = windowOf(doc).CSSStyleSheet ?? CSSStyleSheet;
    const sheet = new SheetClass();
    applyCss(sheet, style);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return sheet;
  } catch (error) {
    console.debug('[factcards] cannot adopt the highlight stylesheet', error);
    return null;
  }
}
