/**
 * User settings, in WXT storage (`browser.storage.local`, the extension's own storage, never the
 * page's). Versioned so later releases can migrate them. Every context reads them here, and watches them
 * so that a change applies to open tabs at once.
 */
import { storage } from 'wxt/utils/storage';
import type { EntityType } from '../pack/schema';

export type HighlightStyle = 'underline' | 'background' | 'none';
export type Theme = 'auto' | 'light' | 'dark';
export type SiteMode = 'blocklist' | 'allowlist';

export interface Settings {
  enabled: boolean;
  /** In blocklist mode Factcards runs everywhere but `sites`; in allowlist mode only on `sites`. */
  siteMode: SiteMode;
  /** Host names, lower case, without "www.". */
  sites: string[];
  /** Dwell time before a card opens, in milliseconds. */
  hoverDelayMs: number;
  highlightStyle: HighlightStyle;
  highlightTypes: EntityType[];
  firstMentionOnly: boolean;
  theme: Theme;
}

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  siteMode: 'blocklist',
  sites: [],
  hoverDelayMs: 400,
  highlightStyle: 'underline',
  highlightTypes: ['person', 'organization', 'place', 'concept', 'event'],
  firstMentionOnly: false,
  theme: 'auto',
};

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/**
 * The store's revision, set by the background whenever what the matcher sees changes (a pack imported,
 * removed, enabled, disabled, or a reset). Content scripts watch it and refetch `getMatcher` when it
 * moves; the background broadcasts nothing else.
 */
export const matcherRevisionItem = storage.defineItem<string | null>('local:matcherRevision', { fallback: null });

/** Normalises a host for the site list: lower case, no leading "www.". */
export function siteKey(hostname: string): string {
  return hostname.toLowerCase().replace(/^www\./, '');
}

/** Whether Factcards runs on a page of this host under these settings. */
export function isActiveOn(settings: Settings, hostname: string): boolean {
  if (!settings.enabled) return false;
  const listed = settings.sites.includes(siteKey(hostname));
  return settings.siteMode === 'allowlist' ? listed : !listed;
}
