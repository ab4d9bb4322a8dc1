/**
 * The settings' shape, defaults and rules, with no storage attached: pure, so tests and pages that must
 * not touch extension storage can import them. `lib/settings` (index) binds them to extension storage.
 */
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

/** Normalises a host for the site list: lower case, no leading "www.". */
export function siteKey(hostname: string): string {
  return hostname.toLowerCase().replace(/^www\./, '');
}

/** In blocklist mode a site is on unless listed; in allowlist mode it is on only when listed. */
export function isSiteEnabled(settings: Settings, site: string): boolean {
  return settings.sites.includes(site) === (settings.siteMode === 'allowlist');
}

/** The settings with Factcards switched on or off for `site`, whichever the site mode. */
export function withSiteEnabled(settings: Settings, site: string, enabled: boolean): Settings {
  const listed = settings.siteMode === 'allowlist' ? enabled : !enabled;
  const others = settings.sites.filter((entry) => entry !== site);
  return { ...settings, sites: listed ? [...others, site] : others };
}

/** Whether Factcards runs on a page of this host under these settings: switched on, and on for its site. */
export function isActiveOn(settings: Settings, hostname: string): boolean {
  return settings.enabled && isSiteEnabled(settings, siteKey(hostname));
}
