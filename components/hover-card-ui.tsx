/**
 * Mounts the hover card: a `<factcards-card>` host with an open shadow root (a documented contract), so
 * no page CSS reaches the card and none of the card's leaks out. The host is fixed-position and
 * zero-sized, appended to the root element outside <body>, so the page's layout and text never change.
 * The card is placed with floating-ui against the mention's line box: it flips at viewport edges, shifts
 * to stay on screen, and gets a maximum height past which it scrolls.
 */
import { autoUpdate, computePosition, flip, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import { useEffect, useLayoutEffect, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { flushSync } from 'react-dom';
import type { EntityCard, Result } from '../lib/messaging/protocol';
import type { CardRequest, CardUi, CardUiFactory } from '../lib/page/card-ui-api';
import { ENTITY_CARD_CSS } from './entity-card.css';
import { HoverCard, type HoverCardState } from './HoverCard';

export const CARD_HOST_TAG = 'factcards-card';

const HOST_CSS = `
:host {
  all: initial !important;
  position: fixed !important;
  top: 0 !important;
  left: 0 !important;
  width: 0 !important;
  height: 0 !important;
  display: block !important;
  z-index: 2147483647 !important;
  contain: layout style !important;
}
.fc-floating { position: fixed; top: 0; left: 0; max-height: 70vh; display: flex; }
.fc-floating > .fc-card { max-height: inherit; }
`;

function stateOf(result: Result<EntityCard>): HoverCardState {
  return result.ok ? { status: 'ready', card: result.value } : { status: 'error', message: result.error.message };
}

function CardView({ request, onRendered }: { request: CardRequest; onRendered: () => void }) {
  const [state, setState] = useState<HoverCardState>(() => (request.loaded ? stateOf(request.loaded) : { status: 'loading' }));
  useEffect(() => {
    if (request.loaded) return;
    let live = true;
    request
      .load()
      .then((result) => {
        if (!live) return;
        setState(stateOf(result));
      })
      .catch(() => live && setState({ status: 'error', message: 'Factcards could not load this card.' }));
    return () => {
      live = false;
    };
  }, [request]);
  // Once the data is in the DOM, before paint: the card is placed in the same frame.
  useLayoutEffect(() => {
    if (state.status === 'ready') onRendered();
  }, [state, onRendered]);
  return <HoverCard entity={request.entity} state={state} theme={request.theme} onOpenInPopup={() => request.onOpenInPopup(request.entity.id)} />;
}

export const createCardUi: CardUiFactory = ({ onHidden }) => {
  let host: HTMLElement | null = null;
  let floating: HTMLDivElement | null = null;
  let root: Root | null = null;
  let current: CardRequest | null = null;
  let stopAutoUpdate: (() => void) | null = null;
  let restoreFocus: HTMLElement | null = null;
  let warmed = false;

  const ensureHost = (): { host: HTMLElement; floating: HTMLDivElement; root: Root } => {
    if (host && floating && root && host.isConnected) return { host, floating, root };
    host?.remove();
    host = document.createElement(CARD_HOST_TAG);
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = HOST_CSS + ENTITY_CARD_CSS;
    floating = document.createElement('div');
    floating.className = 'fc-floating';
    shadow.append(style, floating);
    root = createRoot(floating);
    document.documentElement.append(host);
    return { host, floating, root };
  };

  const anchorElement = (request: CardRequest): VirtualElement => ({
    getBoundingClientRect: () => {
      const rects = request.anchor.range.getClientRects();
      return rects[request.anchor.rectIndex] ?? rects[0] ?? request.anchor.range.getBoundingClientRect();
    },
    getClientRects: () => request.anchor.range.getClientRects(),
  });

  const place = async (): Promise<void> => {
    if (!current || !floating) return;
    const target = floating;
    const reference = anchorElement(current);
    const box = reference.getBoundingClientRect();
    // The mention scrolled out of view (or its text went away): a card pointing at nothing is noise.
    if ((box.width === 0 && box.height === 0) || box.bottom < 0 || box.top > window.innerHeight) {
      ui.hide();
      return;
    }
    const { x, y } = await computePosition(reference, target, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(6),
        flip({ padding: 8 }),
        shift({ padding: 8 }),
        size({
          padding: 8,
          apply({ availableHeight }) {
            target.style.maxHeight = `${Math.max(120, Math.floor(availableHeight))}px`;
          },
        }),
      ],
    });
    target.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
  };

  const ui: CardUi = {
    show(request) {
      const mounted = ensureHost();
      stopAutoUpdate?.();
      current = request;
      if (request.focus && document.activeElement instanceof HTMLElement && document.activeElement !== mounted.host) {
        restoreFocus = document.activeElement;
      }
      const focusDialog = () => {
        const dialog = mounted.floating.querySelector<HTMLElement>('[role="dialog"]');
        if (!dialog) return;
        dialog.tabIndex = -1;
        dialog.focus({ preventScroll: true });
      };
      const rendered = () => {
        request.onRendered?.(request.entity.id);
        void place();
        // The loaded card replaces the loading one: keep keyboard focus in the card if it was there.
        const focusInCard = document.activeElement === mounted.host || document.activeElement === document.body || document.activeElement === null;
        if (request.focus && focusInCard) focusDialog();
      };
      // Rendered synchronously so the heading is on screen in the same frame as the request.
      flushSync(() => mounted.root.render(<CardView key={`${request.entity.id}:${Date.now()}`} request={request} onRendered={rendered} />));
      void place();
      stopAutoUpdate = autoUpdate(anchorElement(request), mounted.floating, () => void place(), { ancestorScroll: true, elementResize: true, animationFrame: false });
      if (request.focus) focusDialog();
    },
    hide() {
      if (!current) return;
      current = null;
      stopAutoUpdate?.();
      stopAutoUpdate = null;
      root?.render(null);
      host?.remove();
      host = null;
      root?.unmount();
      root = null;
      floating = null;
      if (restoreFocus?.isConnected) restoreFocus.focus({ preventScroll: true });
      restoreFocus = null;
      onHidden();
    },
    reposition() {
      void place();
    },
    isOpen: () => current !== null,
    host: () => host,
    warm(entity, data, theme) {
      if (warmed) return;
      warmed = true;
      const scratch = document.createElement('div');
      const scratchRoot = createRoot(scratch);
      flushSync(() => scratchRoot.render(<HoverCard entity={entity} state={stateOf(data)} theme={theme} onOpenInPopup={() => undefined} />));
      scratchRoot.unmount();
    },
    destroy() {
      ui.hide();
      host?.remove();
    },
  };
  return ui;
};
