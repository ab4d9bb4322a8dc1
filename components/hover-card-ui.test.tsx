// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { EntityCard } from '../lib/messaging/protocol';
import type { CardUi } from '../lib/page/card-ui-api';
import { createCardUi } from './hover-card-ui';

const ENTITY = { id: 'fabien-mandon', name: 'Fabien Mandon', type: 'person' as const };
const CARD: EntityCard = { ...ENTITY, description: 'French general', roles: [], aliases: ['Mandon'], articleCount: 2, contexts: [], contextCount: 0 };

let ui: CardUi | null = null;

afterEach(() => {
  ui?.destroy();
  ui = null;
  document.body.innerHTML = '';
});

/** A mention on the page to anchor a card to. */
function mentionRange(): Range {
  document.body.innerHTML = '<p>General Mandon spoke.</p>';
  const text = document.querySelector('p')?.firstChild as Text;
  const range = document.createRange();
  range.setStart(text, 8);
  range.setEnd(text, 14);
  // happy-dom lays nothing out: give the mention the line box a browser would.
  const box = { x: 60, y: 20, left: 60, top: 20, right: 110, bottom: 36, width: 50, height: 16, toJSON: () => ({}) } as DOMRect;
  range.getClientRects = () => Object.assign([box], { item: () => box }) as unknown as DOMRectList;
  range.getBoundingClientRect = () => box;
  return range;
}

describe('hover card UI', () => {
  it('warms up off the page: nothing is added to the document, and the card opened next shows its entity', async () => {
    const anchor = mentionRange();
    const before = document.documentElement.outerHTML;
    const observer = new MutationObserver(() => undefined);
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    ui = createCardUi({ onHidden: () => undefined });

    ui.warm(ENTITY, { ok: true, value: CARD }, 'auto');
    ui.warm(ENTITY, { ok: false, error: { code: 'not-found', message: 'gone' } }, 'dark');

    expect(observer.takeRecords()).toEqual([]);
    expect(document.documentElement.outerHTML).toBe(before);
    expect(document.querySelector('factcards-card')).toBeNull();
    expect(ui.isOpen()).toBe(false);
    observer.disconnect();

    ui.show({
      anchor: { range: anchor, rectIndex: 0 },
      entity: ENTITY,
      load: async () => ({ ok: true, value: CARD }),
      loaded: { ok: true, value: CARD },
      theme: 'auto',
      focus: false,
      onOpenInPopup: () => undefined,
    });
    const card = document.querySelector('factcards-card')?.shadowRoot?.querySelector('[data-entity-id]');
    expect(card?.getAttribute('data-entity-id')).toBe('fabien-mandon');
    expect(card?.querySelector('h2')?.textContent).toBe('Fabien Mandon');
  });
});
