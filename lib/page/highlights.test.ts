import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_NAME, highlightCss, visibleMentions, type PageMention } from './highlights';

const mention = (entityId: string, type: PageMention['type']): PageMention => ({
  range: {} as Range,
  entityId,
  name: entityId,
  type,
  fuzzy: false,
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
  it('styles only the factcards-mention highlight, and nothing for "none"', () => {
    expect(HIGHLIGHT_NAME).toBe('factcards-mention');
    for (const style of ['underline', 'background'] as const) {
      const css = highlightCss(style);
      // One rule, on our highlight only: the adopted sheet cannot restyle anything of the page.
      expect(css.match(/\{/g)?.length).toBe(1);
      expect(css.startsWith('::highlight(factcards-mention) {')).toBe(true);
    }
    expect(highlightCss('underline')).toContain('dotted');
    expect(highlightCss('background')).toContain('background-color');
    expect(highlightCss('none')).toBe('');
  });
});
