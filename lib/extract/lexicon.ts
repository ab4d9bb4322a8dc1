/**
 * Word lists the recognizer relies on. Kept apart so the rules read as rules, and so tests can name
 * what is deliberately never an entity.
 */

/** Titles and honorifics that precede a name but are not part of it. */
export const TITLE_WORDS = new Set([
  'president', 'president-elect', 'vice', 'prime', 'minister', 'foreign', 'defence', 'defense', 'interior',
  'general', 'admiral', 'colonel', 'marshal', 'secretary', 'chancellor', 'chief', 'head', 'director', 'leader',
  'spokesman', 'spokeswoman', 'spokesperson', 'commander', 'ambassador', 'senator', 'mayor', 'king', 'queen',
  'pope', 'sir', 'dame', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'prof', 'prof.', 'then', 'former',
  'state', 'deputy', 'governor', 'premier', 'minister-president', 'by', 'par',
]);

/** English function words that never form part of a person's name ("Will Be"). */
export const FUNCTION_WORDS = new Set([
  'be', 'is', 'are', 'was', 'were', 'been', 'has', 'have', 'had', 'do', 'does', 'did', 'not', 'can', 'could',
  'would', 'should', 'shall', 'must', 'may', 'might', 'and', 'or', 'but', 'if', 'then', 'than', 'to', 'in', 'on',
  'at', 'with', 'from', 'into', 'about', 'after', 'before',
]);

/** Nationality and origin adjectives that open a title ("French President"). */
export const DEMONYMS = new Set([
  'french', 'british', 'english', 'italian', 'german', 'russian', 'ukrainian', 'polish', 'american', 'canadian',
  'spanish', 'dutch', 'belgian', 'swiss', 'chinese', 'japanese', 'indian', 'turkish', 'greek', 'swedish',
  'finnish', 'norwegian', 'danish', 'estonian', 'latvian', 'lithuanian', 'australian', 'european', 'western',
  'kremlin', 'nato', 'eu', 'un', 'us', 'u.s.', 'uk', 'u.k.', 'white', 'house',
]);

/** Words that make a capitalised run an organization. */
export const ORGANIZATION_WORDS = new Set([
  'party', 'rally', 'forces', 'ministry', 'institute', 'center', 'centre', 'union', 'nations', 'organization',
  'organisation', 'alliance', 'agency', 'council', 'committee', 'commission', 'office', 'bank', 'army', 'navy',
  'government', 'parliament', 'assembly', 'senate', 'university', 'court', 'staff', 'front', 'movement',
  'foundation', 'corporation', 'company', 'group', 'press', 'news', 'times', 'post', 'herald', 'tribune',
]);

/** First words that make a capitalised run a place. */
export const PLACE_FIRST_WORDS = new Set(['mont', 'mount', 'lake', 'cape', 'fort', 'saint', 'st.', 'port']);

/**
 * Capitalised words that are never an entity on their own: months, weekdays, pronouns, articles,
 * bare titles, sentence openers, demonyms used as nouns.
 */
export const NEVER_ENTITIES = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'i', 'he', 'she',
  'it', 'we', 'they', 'you', 'his', 'her', 'its', 'our', 'their', 'this', 'that', 'these', 'those', 'the', 'a',
  'an', 'le', 'la', 'les', 'mr', 'mrs', 'ms', 'dr', 'president', 'general', 'minister', 'prime minister',
  'secretary', 'spokesman', 'source', 'sources', 'comment', 'according', 'however', 'why', 'when', 'what',
  'who', 'where', 'send', 'previously', 'meanwhile', 'nonetheless', 'instead', 'during', 'after', 'before',
  'in contrast', 'as', 'allied', 'allies', 'europeans', 'western', 'french', 'british', 'european', 'russian',
  'ukrainian', 'parliamentary', 'franco-british', 'talks', 'regarding', 'these', 'there', 'more', 'such',
  'subsequently', 'faced', 'x', 'god', 'today', 'yesterday', 'tomorrow', 'now', 'new', 'north', 'south', 'east',
  'west', 'inc', 'ltd', 'llc', 'plc', 'co', 'corp', 'center', 'centre', 'party', 'government', 'office', 'group',
]);

/** English and French articles that may open an outlet's name ("Le Monde", "The Guardian"). */
export const NAME_ARTICLES = /^(?:Le|La|Les|L'|The|El|Il|Die|Der|Das|De)\s/;

/** Lower-case words allowed inside a capitalised name: "Center for Security Studies", "La Dépêche du Midi". */
export const NAME_CONNECTORS = new Set([
  'of', 'the', 'for', 'du', 'de', 'des', 'la', 'le', 'les', "d'", 'von', 'van', 'der', 'den', 'da', 'di', 'del', 'della', 'dos', 'bin', 'al', 'el',
]);
