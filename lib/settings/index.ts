/**
 * User settings, in the extension's own storage (`browser.storage.local`, never the page's). Every
 * context reads them here, and watches them so that a change applies to open tabs at once.
 */
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { storedItem } from './stored-item';

export * from './settings';

export const settingsItem = storedItem<Settings>('local', 'settings', DEFAULT_SETTINGS);

/**
 * The store's revision, set by the background whenever what the matcher sees changes (a pack imported,
 * removed, enabled, disabled, or a reset). Content scripts watch it and match their page again when it
 * moves; the background broadcasts nothing else.
 */
export const matcherRevisionItem = storedItem<string | null>('local', 'matcherRevision', null);
