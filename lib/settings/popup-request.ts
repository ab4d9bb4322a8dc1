/**
 * Kept out of lib/settings/index.ts, which content scripts import: they may not touch storage.session
 * (Chromium: "Access to storage is not allowed from this context"; Firefox MV2: it is undefined).
 */
import { storedItem } from './stored-item';

/**
 * The entity the popup should open on, left by the background's `openInPopup` just before it opens the
 * popup (browsers give the popup no arguments). The popup reads it on start, shows that entity if the
 * request is recent (`requestedAt`, epoch ms; a stale one is ignored) and clears it. Session storage: it
 * never outlives the browser session. When the popup cannot be opened, the background clears it and
 * opens `popup.html?entity=ID` in a tab instead.
 */
export const popupRequestItem = storedItem<{ entityId: string; requestedAt: number } | null>('session', 'popupRequest', null);
