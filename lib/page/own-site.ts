/**
 * The site's own name. A news site names itself all over its pages (the masthead, "BBC News" in the
 * menus, "Mr Obama told the BBC", "© Le Monde.fr"), and a card for the outlet the reader is already on
 * tells them nothing: on bbc-1 27 of the 91 marks were "BBC", on lemonde-1 sixteen of eighteen were
 * "Le Monde". Pages state their site's name for link previews (`og:site_name`) or for the browser
 * (`application-name`), so no list of sites is needed.
 */
import { NAME_ARTICLE_KEYS, nameKeys } from '../match/normalize';

const MAX_SITE_NAME_LENGTH = 200;

/** The folded words of the name the document gives its site, without a leading article; null when it gives none. */
export function siteNameKeys(doc: Document): string[] | null {
  const meta = doc.querySelector('meta[property="og:site_name"][content]') ?? doc.querySelector('meta[name="application-name"][content]');
  // A site's name is a few words; a page that puts a book there is not read past them.
  const keys = withoutArticle(nameKeys((meta?.getAttribute('content') ?? '').slice(0, MAX_SITE_NAME_LENGTH)));
  return keys.length > 0 ? keys : null;
}

/**
 * Whether `name` (an organisation's name, or the words that mention it) is the site's name or its head:
 * "BBC" for "BBC News", "Le Monde" for "Le Monde.fr", "The Guardian" for "the Guardian". Case, diacritics
 * and a leading article do not matter; a name that is not at the head ("News" of "BBC News") is not the site.
 */
export function namesTheSite(name: string, siteKeys: readonly string[]): boolean {
  const keys = withoutArticle(nameKeys(name));
  return keys.length > 0 && keys.length <= siteKeys.length && keys.every((key, k) => key === siteKeys[k]);
}

function withoutArticle(keys: string[]): string[] {
  return keys.length > 1 && NAME_ARTICLE_KEYS.has(keys[0] as string) ? keys.slice(1) : keys;
}
