/**
 * Loads the card UI script on first use and keeps one instance per frame. The script is a
 * web-accessible extension resource imported as a module: it runs in this content script's world, so
 * nothing of it is visible to the page.
 */
import { CARD_UI_GLOBAL, type CardUi, type CardUiFactory } from './card-ui-api';

let loading: Promise<CardUiFactory> | null = null;

/** The UI factory, importing `/card-ui.js` the first time it is needed. */
export function loadCardUi(scriptUrl: string): Promise<CardUiFactory> {
  loading ??= (async () => {
    await import(/* @vite-ignore */ scriptUrl);
    const factory = (globalThis as unknown as Record<symbol, CardUiFactory | undefined>)[CARD_UI_GLOBAL];
    if (!factory) throw new Error('the card UI script did not register itself');
    return factory;
  })();
  loading.catch(() => {
    loading = null; // let a later hover try again
  });
  return loading;
}

export type { CardUi };
