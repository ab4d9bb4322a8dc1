import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_NAME, MentionHighlighter, highlightCss, visibleMentions, type PageMention } from './highlights';

const mention = (entityId: string, type: PageMention['type']): PageMention => ({
  range: {} as Range,
  entityId,
  name: entityId,
  type,
  fuzzy: false,
  weak: false,
});

describe('visibleMentions', () => {
  const mentions = [mention('macron', 'person'), mention('paris', 'place'), mention('macron', 'person'), mention('nato', 'organization')];

  it('shows only the enabled types', () => {
    const shown = visibleMentions(mentions, { highlightTypes: ['person'], firstMentionOnly: false });
    expect(shown.map((m) => m.entityId)).toEqual(['macron', 'macron']);
  });

  it('shows only the first mention of each entity when asked', () => {
    const shown = visibleMentions(mentions, { highlightTypes: ['person', 'place', 'organization'], firstMentionOnly: true });
    expect(shown.map((m) => m.entityId)).toEqual(['macron', 'paris', 'nato']);
  });
});

describe('highlightCss', () => {
  it('styles only the factcards-mention highlight, on screen only, and nothing for "none"', () => {
    expect(HIGHLIGHT_NAME).toBe('factcards-mention');
    for (const style of ['underline', 'background'] as const) {
      const css = highlightCss(style);
      // One rule, on our highlight only, and not in print: the adopted sheet cannot restyle anything of the page.
      expect(css.match(/\{/g)?.length).toBe(2);
      expect(css.startsWith('@media not print { ::highlight(factcards-mention) {')).toBe(true);
    }
    expect(highlightCss('underline')).toContain('dotted');
    expect(highlightCss('background')).toContain('background-color');
    expect(highlightCss('none')).toBe('');
  });
});

describe('MentionHighlighter', () => {
  // The document as the highlighter uses it: a highlight registry, Highlight (a set of ranges) and adoptable sheets.
  function fakeDocument() {
    const registry = new Map<string, Set<Range>>();
    const doc = {
      adoptedStyleSheets: [] as unknown[],
      defaultView: {
        CSS: { highlights: registry },
        Highlight: class extends Set<Range> {},
        CSSStyleSheet: class {
          css = '';
          replaceSync(css: string): void {
            this.css = css;
          }
        },
      },
    };
    return { doc: doc as unknown as Document, registry };
  }
  const range = (name: string) => ({ name }) as unknown as Range;

  it('registers exactly the ranges it is given, after any sequence of changes', () => {
    const { doc, registry } = fakeDocument();
    const highlighter = new MentionHighlighter(doc);
    const [a, b, c] = [range('a'), range('b'), range('c')];
    highlighter.show([a, b]);
    expect([...(registry.get(HIGHLIGHT_NAME) ?? [])]).toEqual([a, b]);
    highlighter.show([b, c]);
    expect(new Set(registry.get(HIGHLIGHT_NAME))).toEqual(new Set([b, c]));
    highlighter.show([]);
    expect(registry.get(HIGHLIGHT_NAME)?.size).toBe(0);
  });

  it('restores its marks when a page script has emptied or added to its highlight', () => {
    const { doc, registry } = fakeDocument();
    const highlighter = new MentionHighlighter(doc);
    const [a, b, pages] = [range('a'), range('b'), range('page’s own')];
    highlighter.show([a, b]);
    registry.get(HIGHLIGHT_NAME)?.clear();
    highlighter.show([a, b]);
    expect(new Set(registry.get(HIGHLIGHT_NAME))).toEqual(new Set([a, b]));
    registry.get(HIGHLIGHT_NAME)?.add(pages);
    highlighter.show([a]);
    expect([...(registry.get(HIGHLIGHT_NAME) ?? [])]).toEqual([a]);
  });

  it('adopts its stylesheet only once there is a mark to show, styled as last set', () => {
    const { doc, registry } = fakeDocument();
    const highlighter = new MentionHighlighter(doc);
    highlighter.setStyle('background');
    highlighter.show([]);
    // The highlight is registered (the page was read), but no rule makes the browser restyle the page.
    expect(registry.has(HIGHLIGHT_NAME)).toBe(true);
    expect(doc.adoptedStyleSheets).toHaveLength(0);
    highlighter.show([range('a')]);
    expect(doc.adoptedStyleSheets).toHaveLength(1);
    expect((doc.adoptedStyleSheets[0] as unknown as { css: string }).css).toBe(highlightCss('background'));
    highlighter.show([range('b')]);
    expect(doc.adoptedStyleSheets).toHaveLength(1);
  });

  it('leaves no highlight and no stylesheet behind when destroyed', () => {
    const { doc, registry } = fakeDocument();
    const highlighter = new MentionHighlighter(doc);
    highlighter.show([range('a')]);
    expect(doc.adoptedStyleSheets).toHaveLength(1);
    highlighter.destroy();
    expect(registry.has(HIGHLIGHT_NAME)).toBe(false);
    expect(doc.adoptedStyleSheets).toHaveLength(0);
  });
});
