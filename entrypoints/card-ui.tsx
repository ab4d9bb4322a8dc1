/**
 * The hover-card UI, loaded by the content script on first use (see lib/page/card-host.ts) so React and
 * floating-ui stay out of the script every page loads. It runs in the content script's isolated world
 * and hands its API over through a symbol-keyed global of that world.
 */
import { CARD_UI_GLOBAL, type CardUiFactory } from '../lib/page/card-ui-api';
import { createCardUi } from '../components/hover-card-ui';

export default defineUnlistedScript(() => {
  (globalThis as unknown as Record<symbol, CardUiFactory>)[CARD_UI_GLOBAL] = createCardUi;
});
