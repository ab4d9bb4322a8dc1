/**
 * The site's own name. A news site names itself all over its pages (the masthead, "BBC News" in the
 * menus, "Mr Obama told the BBC", "© Le Monde.fr"), and a card for the outlet the reader is already on
 * tells them nothing: on bbc-1 27 of the 91 marks were "BBC", on lemonde-1 sixteen of eighteen were
 * "Le Monde". Pages state their site's name for link previews (`og:site_name`) or for the browser
 * (`application-name`), and most outlets' host names spell theirs (bbc.co.uk, lemonde.fr,
 * theguardian.com, nytimes.com), so no list of sites is needed.
 */
import { NAME_ARTICLE_KEYS, nameKeys } from '../match/normalize';

const MAX_SITE_NAME_LENGTH = 200;

/** What a document says of its site's name. */
export interface SiteName {
  /** The folded words of the name its metadata gives, without a leading article; empty when none. */
  keys: string[];
  /** The labels of its host name that can spell a name (no "www", no top-level domain, no numbers). */
  hostLabels: string[];
}

/** The site name a document states, or null when it states none. */
export function readSiteName(doc: Document): SiteName | null {
  const meta = doc.querySelector('meta[property="og:site_name"][content]') ?? doc.querySelector('meta[name="application-name"][content]');
  // A site's name is a few words; a page that puts a book there is not read past them.
  const keys = withoutArticle(nameKeys((meta?.getAttribute('content') ?? '').slice(0, MAX_SITE_NAME_LENGTH)));
  const hostLabels = siteHostLabels(doc.location?.hostname ?? '');
  return keys.length > 0 || hostLabels.length > 0 ? { keys, hostLabels } : null;
}

/** The labels of a host name that can spell a site's name: "news.bbc.co.uk" → ["news", "bbc"]. */
export function siteHostLabels(hostname: string): string[] {
  return hostname
    .toLowerCase()
    .split('.')
    .slice(0, -1)
    .filter((label) => label.length >= 3 && label !== 'www' && !/^\d+$/.test(label));
}

/**
 * Whether `name` (an organisation's name, or the words that mention it) is the site's: the head of the
 * name its metadata gives ("BBC" for "BBC News", "Le Monde" for "Le Monde.fr", "The Guardian" for "the
 * Guardian"), or spelt by a label of its host, each word whole or by its initial ("BBC" on
 * news.bbc.co.uk, "The Guardian" on theguardian.com, "The New York Times" on nytimes.com). Case, diacritics and a leading article do not matter; a name that is not at the head
 * ("News" of "BBC News") is not the site.
 */
export function namesTheSite(name: string, site: SiteName): boolean {
  const all = nameKeys(name);
  const keys = withoutArticle(all);
  if (keys.length === 0) return false;
  if (keys.length <= site.keys.length && keys.every((key, k) => key === site.keys[k])) return true;
  return site.hostLabels.some((label) => spellsName(label, all) || spellsName(label, keys));
}

/** Beyond this many words a name is not spelt out by a host name (and the search below stays small). */
const MAX_SPELT_WORDS = 8;

/**
 * Whether a host label spells a name's words in order, each whole or by its initial: "theguardian",
 * "nytimes" (New York Times), "wsj" (Wall Street Journal), "latimes" (Los Angeles Times).
 */
function spellsName(label: string, keys: readonly string[]): boolean {
  if (keys.length > MAX_SPELT_WORDS) return label === keys.join('');
  const spellsFrom = (at: number, k: number): boolean => {
    if (k === keys.length) return at === label.length;
    const key = keys[k] as string;
    if (label.startsWith(key, at) && spellsFrom(at + key.length, k + 1)) return true;
    return key.length > 1 && label.charCodeAt(at) === key.charCodeAt(0) && spellsFrom(at + 1, k + 1);
  };
  return spellsFrom(0, 0);
}

function withoutArticle(keys: string[]): string[] {
  return keys.length > 1 && NAME_ARTICLE_KEYS.has(keys[0] as string) ? keys.slice(1) : keys;
}
