/**
 * Kept out of lib/settings/index.ts on purpose: defining a `session:` item reads it at once, and content
 * scripts may not touch storage.session (Chromium: "Access to storage is not allowed from this context";
 * Firefox MV2: it is undefined), so importing it there put uncaught errors on every page.
 */
import { storage } from 'wxt/utils/storage';

/**
 * The entity the popup should open on, left by the background's `openInPopup` just before it opens the
 * popup (browsers give the popup no arguments). The popup reads it on start, shows that entity if the
 * request is recent (`requestedAt`, epoch ms; a stale one is ignored) and clears it. Session storage: it
 * never outlives the browser session. When the popup cannot be opened, the background clears it and
 * opens `popup.html?entity=ID` in a tab instead.
 */
export const popupRequestItem = storage.defineItem<{ entityId: string; requestedAt: number } | null>('session:popupRequest', {
  fallback: null,
});
