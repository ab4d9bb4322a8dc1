/**
 * The seam between the content script and the hover-card UI. The UI (React, floating-ui) is a separate
 * script loaded on first hover, so the content script a page pays for at load stays small; this is the
 * whole of what the two share, and it is types only.
 */
import type { EntityCard, Result } from '../messaging/protocol';
import type { EntityType } from '../pack/schema';
import type { Theme } from '../settings';

/** What a card is anchored to: the mention's Range, and which of its line boxes the pointer is on. */
export interface CardAnchor {
  range: Range;
  /** Index into `range.getClientRects()` of the line the card should point at. */
  rectIndex: number;
}

export interface CardRequest {
  anchor: CardAnchor;
  /** Known at once from the matcher, so the card has its heading before its data arrives. */
  entity: { id: string; name: string; type: EntityType };
  /** Resolves the card's data (cached by the caller). */
  load: () => Promise<Result<EntityCard>>;
  /** The data, when the caller already has it: the card shows it in its first render, without a loading state. */
  loaded: Result<EntityCard> | null;
  theme: Theme;
  /** Moves keyboard focus into the card (opened from the keyboard rather than by hovering). */
  focus: boolean;
  onOpenInPopup: (entityId: string) => void;
  /** Called once the card's data is on screen, with whether it came from the page's cache. */
  onRendered?: (entityId: string) => void;
}

export interface CardUi {
  show(request: CardRequest): void;
  hide(): void;
  /** Re-anchors after scrolling; hides the card when its mention has left the viewport. */
  reposition(): void;
  isOpen(): boolean;
  /** The `<factcards-card>` host element, while a card is open. */
  host(): HTMLElement | null;
  /**
   * Renders a card once into an element that is never attached, so nothing reaches the page, while the
   * pointer dwells: the first card a reader opens then does not pay for the UI's first render, whose
   * code runs cold (35–50 ms after the dwell on the saved pages, against 3 ms for the next card).
   */
  warm(entity: CardRequest['entity'], data: Result<EntityCard>, theme: Theme): void;
  destroy(): void;
}

/** How the UI script hands its API to the content script that imported it (same isolated world). */
export const CARD_UI_GLOBAL = Symbol.for('factcards.card-ui');

export type CardUiFactory = (options: { onHidden: () => void }) => CardUi;
