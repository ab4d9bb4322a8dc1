/**
 * User settings, in WXT storage (`browser.storage.local`, the extension's own storage, never the
 * page's). Versioned so later releases can migrate them. Every context reads them here, and watches them
 * so that a change applies to open tabs at once.
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, type Settings } from './settings';

export * from './settings';

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/**
 * The store's revision, set by the background whenever what the matcher sees changes (a pack imported,
 * removed, enabled, disabled, or a reset). Content scripts watch it and match their page again when it
 * moves; the background broadcasts nothing else.
 */
export const matcherRevisionItem = storage.defineItem<string | null>('local:matcherRevision', { fallback: null });
