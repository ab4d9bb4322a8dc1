/**
 * The matcher: finds known aliases in text in time linear in the text, whatever the number of
 * aliases. Aliases are sequences of token keys in a trie; the scan walks the trie from each word, so
 * the work per word is bounded by the longest alias (in words), never by how many aliases exist.
 */
import type { EntityType } from '../pack/schema';
import { COMPILED_MATCHER_FORMAT, decodeIntegers, encodeIntegers, type CompiledMatcher } from './compiled';
import { COMMON_CAPITALISED, isGivenName, isSentenceInitial, NAME_PARTICLES } from './name-words';
import { hasUpperCase, isAllCapsToken, isJoiner, isUpperCode, isWordCode, NAME_ARTICLE_KEYS, nameKeys, tokenKey } from './normalize';

export interface AliasEntry {
  alias: string;
  entityId: string;
}

export interface MatcherEntity {
  id: string;
  name: string;
  type: EntityType;
}

/** A mention of an entity: UTF-16 offsets into the text given to `findMentions`, end exclusive. */
export interface Mention {
  start: number;
  end: number;
  entityId: string;
  /** Found by an alias that names other things too (`needsCorroboration`): shown only beside a plain mention. */
  weak: boolean;
}

/**
 * Entity types in a fixed order, so one character per entity encodes its type in the compiled form.
 * Spelled out rather than read from the zod schema, which the matcher has no other use for; a unit test
 * checks it against the schema.
 */
export const ENTITY_TYPE_CODES = ['person', 'organization', 'place', 'concept', 'event'] as const satisfies readonly EntityType[];

/** The character code that stands for `type` in `CompiledMatcher.entityTypes`: '0' plus its index (an unknown type as the first). */
function entityTypeCode(type: string): number {
  return 48 + Math.max(0, (ENTITY_TYPE_CODES as readonly string[]).indexOf(type));
}

/** The flags of an alias record's terminal (see `CompiledMatcher.aliases`); the entity index is above them. */
const CAPITAL_BIT = 1;
const WEAK_BIT = 2;

/** Longer aliases are not names but sentences; the cap also bounds the work per word of page text. */
export const MAX_ALIAS_TOKENS = 12;

/**
 * The short-acronym rule: an alias of at most this many characters, written all in capitals in the store
 * ("US", "UN", "EU", "NATO", "U.S."), matches only all-caps text, so "us", "un" and "Eu" stay words.
 */
export const CASE_SENSITIVE_MAX_LENGTH = 5;

export function isCaseSensitiveAlias(alias: string): boolean {
  const trimmed = alias.trim();
  return trimmed.length <= CASE_SENSITIVE_MAX_LENGTH && isAllCapsToken(trimmed, 0, trimmed.length);
}

/**
 * The proper-name rule: a name written with a capital in the store ("Trump", "Le Monde", "Turkey") is not
 * found in text written all in lower case ("trump card", "dans le monde", "roast turkey"), where it is
 * almost always an ordinary word. Any capital will do ("le Monde", "TRUMP"). A name stored in lower case
 * ("coalition of the willing") matches in any case.
 */
export function needsCapital(alias: string): boolean {
  return hasUpperCase(alias, 0, alias.length);
}

/**
 * The corroboration rule: an alias that names other things just as well is a mention only on a page that
 * also names the entity plainly. Two shapes are caught: an organisation's, concept's or event's name
 * without its distinguishing words ("Communist Party" of "French Communist Party": China's is as likely;
 * "Central Bank", "University of Oxford" → "Oxford"), and an English gloss the name does not start with
 * ("The Patriots" of "Les Patriotes": a football team on every sports page). Exempt: a person's surname
 * ("Trump"), how articles name people; a place's short name ("China" of "People's Republic of China"),
 * how articles name places; and a name short of only its article ("Guardian" of "The Guardian"). Tested
 * on token keys, so case, diacritics and hyphens do not matter.
 */
export function needsCorroboration(alias: string, entity: Pick<MatcherEntity, 'name' | 'type'>): boolean {
  return entity.type !== 'person' && isWeakAlias(nameKeys(alias), nameKeys(entity.name), entity.type);
}

/**
 * `needsCorroboration` for an entity other than a person, on token keys already folded. Its callers
 * exempt people before folding anything (the compiler folds each entity's name once).
 */
function isWeakAlias(aliasTokens: readonly string[], nameTokens: readonly string[], type: EntityType): boolean {
  const name = nameTokens.join(' ');
  if (aliasTokens.length === 0 || aliasTokens.join(' ') === name) return false;
  // "The Kremlin" of "Kremlin" is the name itself, with the article English puts before it.
  if (aliasTokens[0] === 'the' && nameTokens[0] !== 'the') return aliasTokens.slice(1).join(' ') !== name;
  const dropped = nameTokens.length - aliasTokens.length;
  if (type === 'place' || dropped <= 0 || !aliasTokens.every((token, k) => token === nameTokens[dropped + k])) return false;
  // Only an article dropped ("Guardian" of "The Guardian", "Monde" of "Le Monde") leaves the name itself.
  return nameTokens.slice(0, dropped).some((token) => !NAME_ARTICLE_KEYS.has(token));
}

/** The token keys an alias is stored under, or null when it cannot be matched (no words, too long). */
export function aliasKeys(alias: string): string[] | null {
  const keys = nameKeys(alias);
  if (keys.length === 0 || keys.length > MAX_ALIAS_TOKENS) return null;
  // A lone letter ("X", "é") would mark every initial on a page.
  if (keys.length === 1 && (keys[0] ?? '').length < 2) return null;
  return isCaseSensitiveAlias(alias) ? keys.map((key) => key.toUpperCase()) : keys;
}

/**
 * Compiles entities' names and aliases into the compact, serialisable matcher. Each entity's canonical
 * name is an alias too. When two entities claim the same alias, the one whose canonical name it is
 * wins, else the first one given; conflicts are reported at import, not resolved here.
 */
export function compileMatcher(entities: MatcherEntity[], aliases: AliasEntry[]): CompiledMatcher {
  const entityIndex = new Map<string, number>();
  const entityIds: string[] = [];
  const entityNames: string[] = [];
  /** The entities kept (the first of each id), by entity index. */
  const byIndex: MatcherEntity[] = [];
  let entityTypes = '';
  for (const entity of entities) {
    if (entityIndex.has(entity.id)) continue;
    entityIndex.set(entity.id, entityIds.length);
    byIndex.push(entity);
    entityIds.push(entity.id);
    entityNames.push(entity.name);
    entityTypes += String.fromCharCode(entityTypeCode(entity.type));
  }

  // Sequence of keys ("jean noel barrot") → owner; canonical names first so they win conflicts.
  const owners = new Map<string, { entity: number; keys: string[]; capital: boolean; weak: boolean }>();
  const claim = (alias: string, entity: number, weak: boolean): void => {
    const keys = aliasKeys(alias);
    if (keys === null) return;
    const sequence = keys.join(' ');
    const capital = needsCapital(alias);
    const owner = owners.get(sequence);
    if (!owner) {
      owners.set(sequence, { entity, keys, capital, weak });
    } else if (owner.entity === entity) {
      // The owner also written in lower case ("coalition of the willing" beside "Coalition of the Willing"): any case.
      if (!capital) owner.capital = false;
      if (!weak) owner.weak = false;
    }
  };
  byIndex.forEach((entity, index) => claim(entity.name, index, false));
  // Each entity's folded name, once, for the corroboration rule (people's aliases never need it).
  const nameTokens: Array<string[] | undefined> = [];
  for (const { alias, entityId } of aliases) {
    const index = entityIndex.get(entityId);
    if (index === undefined) continue;
    const entity = byIndex[index] as MatcherEntity;
    const weak = entity.type !== 'person' && isWeakAlias(nameKeys(alias), (nameTokens[index] ??= nameKeys(entity.name)), entity.type);
    claim(alias, index, weak);
  }

  const tokenIds = new Map<string, number>();
  const flat: number[] = [];
  for (const { entity, keys, capital, weak } of owners.values()) {
    flat.push(entity * 4 + (weak ? WEAK_BIT : 0) + (capital ? CAPITAL_BIT : 0), keys.length);
    for (const key of keys) {
      let id = tokenIds.get(key);
      if (id === undefined) {
        id = tokenIds.size;
        tokenIds.set(key, id);
      }
      flat.push(id);
    }
  }
  return {
    format: COMPILED_MATCHER_FORMAT,
    entityIds,
    entityNames,
    entityTypes,
    tokens: [...tokenIds.keys()].join(' '),
    aliases: encodeIntegers(flat),
  };
}

/**
 * The trie's edges in an open-addressing hash table of typed arrays: (parent node, token id) → child.
 * Building it is several times faster than filling a Map, which matters after each store change.
 */
export interface EdgeTable {
  parents: Int32Array;
  tokens: Int32Array;
  /** 0 marks an empty slot: the root is never a child. */
  children: Int32Array;
  mask: number;
}

function edgeSlot(parent: number, token: number, mask: number): number {
  return (Math.imul(parent, 0x9e3779b1) ^ Math.imul(token + 1, 0x85ebca77)) & mask;
}

/** The child of `parent` along `token`, or 0 when there is none. */
function findEdge(table: EdgeTable, parent: number, token: number): number {
  const { parents, tokens, children, mask } = table;
  for (let slot = edgeSlot(parent, token, mask); ; slot = (slot + 1) & mask) {
    const child = children[slot] ?? 0;
    if (child === 0 || (parents[slot] === parent && tokens[slot] === token)) return child;
  }
}

/** A loaded matcher: the alias trie, ready for `findMentions`. Treat it as opaque. */
export interface Matcher {
  readonly compiled: CompiledMatcher;
  /** Token key → token id. */
  readonly tokenIds: Map<string, number>;
  readonly edges: EdgeTable;
  /** At each trie node: the entity index matched there × 2, + 1 if it needs a capital in the text; or -1. */
  readonly terminals: Int32Array;
  /** Built on first use by `entityOf`, so loading does not pay for it. */
  entityIndex: Map<string, number> | null;
  /** Each entity's canonical name as token keys, folded on first use (by `namesAnotherPerson`), by entity index. */
  readonly entityNameKeys: Array<string[] | undefined>;
}

export class MatcherFormatError extends Error {
  override name = 'MatcherFormatError';
}

/** Turns the compiled matcher into a `Matcher`: one pass over the alias records, no normalisation. */
export function loadMatcher(compiled: CompiledMatcher): Matcher {
  if (compiled.format !== COMPILED_MATCHER_FORMAT) {
    throw new MatcherFormatError(`unsupported matcher format "${String(compiled.format)}", expected "${COMPILED_MATCHER_FORMAT}"`);
  }
  const keys = compiled.tokens === '' ? [] : compiled.tokens.split(' ');
  const tokenIds = new Map<string, number>();
  for (let id = 0; id < keys.length; id++) tokenIds.set(keys[id] as string, id);

  const aliases = typeof compiled.aliases === 'string' ? decodeIntegers(compiled.aliases) : null;
  if (aliases === null) throw new MatcherFormatError('the alias records are not a valid encoding');
  // Every stored token is at most one edge and one node; size the table for a load factor under 1/2.
  let maxEdges = 0;
  for (let position = 0; position + 1 < aliases.length; position += 2 + (aliases[position + 1] ?? 0)) {
    maxEdges += aliases[position + 1] ?? 0;
  }
  let capacity = 16;
  while (capacity < maxEdges * 2) capacity *= 2;
  const edges: EdgeTable = {
    parents: new Int32Array(capacity),
    tokens: new Int32Array(capacity),
    children: new Int32Array(capacity),
    mask: capacity - 1,
  };
  const terminals = new Int32Array(maxEdges + 1).fill(-1);
  let nodeCount = 1;
  let position = 0;
  while (position < aliases.length) {
    const terminal = aliases[position] ?? -1;
    const entity = terminal >> 2;
    const length = aliases[position + 1] ?? 0;
    position += 2;
    if (length < 1 || position + length > aliases.length || terminal < 0 || entity >= compiled.entityIds.length) {
      throw new MatcherFormatError(`malformed alias record at position ${position - 2}`);
    }
    let node = 0;
    for (let k = 0; k < length; k++) {
      const token = aliases[position + k] ?? -1;
      if (token < 0 || token >= keys.length) throw new MatcherFormatError(`unknown token id ${token} at position ${position + k}`);
      let slot = edgeSlot(node, token, edges.mask);
      let child = 0;
      for (; ; slot = (slot + 1) & edges.mask) {
        child = edges.children[slot] ?? 0;
        if (child === 0 || (edges.parents[slot] === node && edges.tokens[slot] === token)) break;
      }
      if (child === 0) {
        child = nodeCount++;
        edges.parents[slot] = node;
        edges.tokens[slot] = token;
        edges.children[slot] = child;
      }
      node = child;
    }
    position += length;
    terminals[node] = terminal;
  }
  return { compiled, tokenIds, edges, terminals: terminals.subarray(0, nodeCount), entityIndex: null, entityNameKeys: [] };
}

// Scratch state of the trie walk, module-level so the scan allocates nothing per word.
let tokenStarts: Int32Array = new Int32Array(1024);
let tokenEnds: Int32Array = new Int32Array(1024);
let lowerIds: Int32Array = new Int32Array(1024);
let upperIds: Int32Array = new Int32Array(1024);
let joinedToPrevious: Uint8Array = new Uint8Array(1024);
let scanTokenCount = 0;
let scanText = '';
/** The token the current walk started from. */
let walkStart = 0;
let bestEnd = -1;
let bestEntity = -1;
let bestWeak = false;

function ensureScratch(capacity: number): void {
  if (tokenStarts.length >= capacity) return;
  const size = Math.max(capacity, tokenStarts.length * 2);
  const grow = (old: Int32Array): Int32Array => {
    const next = new Int32Array(size);
    next.set(old);
    return next;
  };
  tokenStarts = grow(tokenStarts);
  tokenEnds = grow(tokenEnds);
  lowerIds = grow(lowerIds);
  upperIds = grow(upperIds);
  const joined = new Uint8Array(size);
  joined.set(joinedToPrevious);
  joinedToPrevious = joined;
}

/** Extends the walk from `node` with token `j`, recording the longest alias end seen. */
function walk(matcher: Matcher, node: number, j: number): void {
  if (j >= scanTokenCount) return;
  const upper = upperIds[j] ?? -1;
  const lower = lowerIds[j] ?? -1;
  // An all-caps word can continue either as an acronym ("US") or as a folded name ("MACRON").
  if (upper >= 0) step(matcher, node, j, upper);
  if (lower >= 0) step(matcher, node, j, lower);
}

function step(matcher: Matcher, node: number, j: number, tokenId: number): void {
  const child = findEdge(matcher.edges, node, tokenId);
  if (child === 0) return;
  const terminal = matcher.terminals[child] ?? -1;
  if (terminal >= 0 && j > bestEnd && ((terminal & CAPITAL_BIT) === 0 || hasUpperCase(scanText, tokenStarts[walkStart] ?? 0, tokenEnds[j] ?? 0))) {
    bestEnd = j;
    bestEntity = terminal >> 2;
    bestWeak = (terminal & WEAK_BIT) !== 0;
  }
  if (j + 1 < scanTokenCount && joinedToPrevious[j + 1] === 1) walk(matcher, child, j + 1);
}

/**
 * Head nouns of newspapers, agencies, broadcasters and news sites named after a place: "The Washington
 * Post", "New York Times", "Jerusalem Post", "Kyiv Independent", "China Daily", "USA Today", "Vatican
 * News", "Agence France-Presse", "France-Soir", "France Info", "Russia TV". There the place name names the
 * outlet, not the place, and on such an outlet's own pages (its masthead, bylines, footer, comments) a
 * card for the city would meet the reader at every turn. English heads, and the French ones of the
 * outlets most quoted. A channel number does the same ("France 24", "Europe 1": `namesAPublication`). A
 * pack that knows the outlet as an entity still wins, by the longest-match rule, since its name is
 * longer than the place's.
 */
const PUBLICATION_HEADS = new Set(
  'post times herald tribune journal gazette chronicle examiner courier independent observer telegraph inquirer globe star mail express standard sun dispatch bulletin daily weekly today news press presse soir tv radio info inter televisions bleu'.split(
    ' ',
  ),
);

const PLACE_TYPE_CODE = entityTypeCode('place');
const PERSON_TYPE_CODE = entityTypeCode('person');

/**
 * Whether the place alias ending at token `last` is the start of an outlet's name: it is followed, after
 * a single space or hyphen, by a capitalised head noun of `PUBLICATION_HEADS`, or by a channel number of
 * one or two digits.
 */
function namesAPublication(matcher: Matcher, entity: number, text: string, last: number): boolean {
  const next = last + 1;
  if (next >= scanTokenCount || matcher.compiled.entityTypes.charCodeAt(entity) !== PLACE_TYPE_CODE) return false;
  // A plain or no-break space or a hyphen, as inside one name ("France-Presse"); a line break may be the end of a heading.
  const gap = gapAfter(text, last);
  if (!isSpaceGap(gap) && gap !== 0x2d) return false;
  const start = tokenStarts[next] ?? 0;
  const end = tokenEnds[next] ?? 0;
  if (end - start <= 2 && isDigitCode(text.charCodeAt(start)) && isDigitCode(text.charCodeAt(end - 1))) {
    // "New Zealand 8-7 France" is a score, not a channel.
    return !isScoreSeparator(text.charCodeAt(end)) || !isDigitCode(text.charCodeAt(end + 1));
  }
  return isUpperCode(text.charCodeAt(start)) && PUBLICATION_HEADS.has(tokenKey(text, start, end));
}

/** The one character between token `k` and the next, as a code; -1 when they are further apart. */
function gapAfter(text: string, k: number): number {
  const start = tokenStarts[k + 1] ?? 0;
  return start - (tokenEnds[k] ?? 0) === 1 ? text.charCodeAt(start - 1) : -1;
}

/** A plain or no-break space: what separates the words of one name on a line. */
function isSpaceGap(code: number): boolean {
  return code === 0x20 || code === 0xa0;
}

/** The folded key of token `k`. */
function keyAt(text: string, k: number): string {
  return tokenKey(text, tokenStarts[k] ?? 0, tokenEnds[k] ?? 0);
}

/**
 * The key of token `k` when it is a capitalised word of two letters or more that could qualify a name
 * (not a title, a function word, a day or a month: `COMMON_CAPITALISED`); else null.
 */
function capitalisedWordKey(text: string, k: number): string | null {
  const start = tokenStarts[k] ?? 0;
  if ((tokenEnds[k] ?? 0) - start < 2 || !isUpperCode(text.charCodeAt(start))) return null;
  const key = keyAt(text, k);
  return COMMON_CAPITALISED.has(key) ? null : key;
}

function isDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Hyphen, en dash or colon: what stands between the two sides of a score. */
function isScoreSeparator(code: number): boolean {
  return code === 0x2d || code === 0x2013 || code === 0x3a;
}

/**
 * Capitalised words that qualify a name without being a first name: parties and movements ("fellow
 * Republican Trump"), and nationalities ("the Ukrainian Zelensky"), most of which end like one.
 */
const QUALIFIERS = new Set(['democrat', 'democrats', 'tory', 'tories', 'labour', 'conservative', 'liberal', 'green', 'greens', 'former']);
const QUALIFIER_ENDING = /(?:an|ese|ish|ic|ist|ais|ois|ien|ienne|ique)$/;

/**
 * The other-person rule: part of a person's name ("Trump", "Macron", "Le Pen") right after a first name
 * that is not theirs names someone else of the family: "Melania Trump", "Brigitte Macron", "Jean-Marie Le
 * Pen". The word before is taken for a first name when it is one (`isGivenName`), or, in running prose,
 * when it is any capitalised word that is not a title, the sentence's first word, a party or a
 * nationality: "his wife Ivanka Trump said". Title Case (a headline: "Obama Meets Trump in Washington")
 * capitalises verbs as well, so there only known first names count. The entity's own first or middle
 * names never count ("Donald John Trump"), and a misspelt one ("Kir Starmer") is left whole to the
 * fuzzy lookup, which reads it as a misspelling of the full name. A place's name after a known first
 * name is a person's surname too: "George Washington", "Martha Washington". And a person's name with
 * "Jr." after it is their son's: "Donald Trump Jr.", "Trump Jr." (a store that knows the son has his
 * whole name as an alias, which the longest-match rule prefers), unless it is theirs ("King Jr." of
 * "Martin Luther King Jr.").
 */
function namesAnotherPerson(matcher: Matcher, entity: number, text: string, first: number, last: number, lastMentioned: number): boolean {
  const before = first - 1;
  const type = matcher.compiled.entityTypes.charCodeAt(entity);
  if (type === PERSON_TYPE_CODE && isFollowedByJunior(text, last)) return !ownNameKeys(matcher, entity).some((key) => JUNIOR_KEYS.has(key));
  if (before < 0 || before <= lastMentioned || (type !== PERSON_TYPE_CODE && type !== PLACE_TYPE_CODE)) return false;
  if (!isSpaceGap(gapAfter(text, before))) return false;
  const key = capitalisedWordKey(text, before);
  if (key === null) return false;
  // Places are named after people and qualified by capitalised words ("Greater London"): only a first name counts.
  if (type === PLACE_TYPE_CODE) return isGivenName(key);
  const own = ownNameKeys(matcher, entity);
  if (last - first + 1 >= own.length || own.includes(key)) return false;
  const earlier = before - 1;
  if (earlier > lastMentioned && gapAfter(text, earlier) !== -1 && own.includes(keyAt(text, earlier))) return false;
  if (isGivenName(key)) return true;
  const start = tokenStarts[before] ?? 0;
  const end = tokenEnds[before] ?? 0;
  return !isAllCapsToken(text, start, end) && !QUALIFIERS.has(key) && !QUALIFIER_ENDING.test(key) && !isSentenceInitial(text, start) && readsAsProse(text, before, last);
}

/** The entity's canonical name as token keys, folded once per matcher. */
function ownNameKeys(matcher: Matcher, entity: number): string[] {
  return (matcher.entityNameKeys[entity] ??= nameKeys(matcher.compiled.entityNames[entity] ?? ''));
}

const JUNIOR_KEYS = new Set(['jr', 'junior']);

/** Whether token `last` is followed by "Jr." or "Junior", after a space or a comma and a space. */
function isFollowedByJunior(text: string, last: number): boolean {
  const next = last + 1;
  if (next >= scanTokenCount) return false;
  const start = tokenStarts[next] ?? 0;
  const end = tokenEnds[next] ?? 0;
  if (!isSpaceGap(gapAfter(text, last)) && text.slice(tokenEnds[last] ?? 0, start) !== ', ') return false;
  return isUpperCode(text.charCodeAt(start)) && JUNIOR_KEYS.has(tokenKey(text, start, end));
}

/** Words around an other-person candidate: at most this many on each side tell prose from Title Case. */
const PROSE_WINDOW = 4;

/**
 * Whether the words around tokens from..to are mostly lower case, as in running prose, rather than a
 * headline in Title Case. Only words of four letters or more count: Title Case leaves short ones ("for",
 * "in") in lower case.
 */
function readsAsProse(text: string, from: number, to: number): boolean {
  let lower = 0;
  let upper = 0;
  const count = (k: number): void => {
    const start = tokenStarts[k] ?? 0;
    if ((tokenEnds[k] ?? 0) - start < 4) return;
    const code = text.charCodeAt(start);
    if (isUpperCode(code)) upper++;
    else if ((code >= 0x61 && code <= 0x7a) || code >= 0xc0) lower++;
  };
  for (let k = Math.max(0, from - PROSE_WINDOW); k < from; k++) count(k);
  for (let k = to + 1; k <= Math.min(scanTokenCount - 1, to + PROSE_WINDOW); k++) count(k);
  return lower > upper;
}

/**
 * The corroboration rule within one block of text: a weak alias ("Communist Party" of "French Communist
 * Party", `needsCorroboration`) is a plain mention where the same paragraph has a word of the name the
 * alias leaves out ("French troops … the NF, National Rally and the Communist Party"). A paragraph about
 * China says "Chinese" instead, and its "Communist Party" stays weak. `findMentions` keeps the answer per
 * entity, so a paragraph that names the party ten times is read once.
 */
function isQualifiedInText(matcher: Matcher, entity: number, first: number, last: number): boolean {
  const qualifiers = new Set<number>();
  for (const key of ownNameKeys(matcher, entity)) {
    // Function words, articles and particles ("of", "the", "de", "von") distinguish nothing.
    if (key.length < 3 || COMMON_CAPITALISED.has(key) || NAME_ARTICLE_KEYS.has(key) || NAME_PARTICLES.has(key)) continue;
    const id = matcher.tokenIds.get(key);
    if (id !== undefined) qualifiers.add(id);
  }
  // The alias's own words are not what it leaves out; with them gone, no token of the alias can qualify it.
  for (let k = first; k <= last; k++) qualifiers.delete(lowerIds[k] ?? -1);
  if (qualifiers.size === 0) return false;
  for (let k = 0; k < scanTokenCount; k++) if (qualifiers.has(lowerIds[k] ?? -1)) return true;
  return false;
}

/**
 * A weak alias qualified by a capitalised word that is not its own names another organisation: "the
 * Chinese Communist Party", "the Russian Central Bank", "the Communist Party of China", "the Central Bank
 * of the Russian Federation". Before the alias, a sentence's first word, a title, a day or an article
 * ("The Communist Party said", "on Monday Communist Party officials") qualifies nothing, unless it is a
 * nationality.
 */
function namesAnotherOrganisation(matcher: Matcher, entity: number, text: string, first: number, last: number, lastMentioned: number): boolean {
  const own = ownNameKeys(matcher, entity);
  /** Token `k`'s key when it is a capitalised word that is neither an article nor the name's own. */
  const otherNameKey = (k: number): string | null => {
    const key = capitalisedWordKey(text, k);
    return key === null || NAME_ARTICLE_KEYS.has(key) || own.includes(key) ? null : key;
  };
  const before = first - 1;
  // An alias that opens with its article ("the Patriots") takes no word before it.
  if (before >= 0 && before > lastMentioned && !NAME_ARTICLE_KEYS.has(keyAt(text, first)) && isSpaceGap(gapAfter(text, before))) {
    const key = otherNameKey(before);
    if (key !== null && (!isSentenceInitial(text, tokenStarts[before] ?? 0) || QUALIFIER_ENDING.test(key))) return true;
  }
  // "of", then maybe "the", then a name.
  let next = last + 1;
  if (next + 1 >= scanTokenCount || !isSpaceGap(gapAfter(text, last)) || keyAt(text, next) !== 'of') return false;
  if (!isSpaceGap(gapAfter(text, next))) return false;
  next++;
  if (keyAt(text, next) === 'the' && next + 1 < scanTokenCount && isSpaceGap(gapAfter(text, next))) next++;
  return otherNameKey(next) !== null;
}

/** Words that end a name abbreviated, so a period after them is theirs: "Martin Luther King Jr.", "Apple Inc.". */
const ABBREVIATED_NAME_ENDINGS = new Set(['jr', 'sr', 'inc', 'ltd', 'corp', 'co']);

/**
 * Whether a period right after tokens first..last is part of the name rather than the sentence's: after
 * a dotted abbreviation ("U.S", single periods between its tokens) or an abbreviated last word ("Jr").
 * At a sentence's end the one period is both, and the mark takes it as the name's, as print does.
 */
function keepsFinalPeriod(text: string, first: number, last: number): boolean {
  // The word as written, not its folded key: "Brøs" is a name, not "Bros".
  if (ABBREVIATED_NAME_ENDINGS.has(text.slice(tokenStarts[last] ?? 0, tokenEnds[last] ?? 0).toLowerCase())) return true;
  if (last === first) return false;
  for (let k = first; k < last; k++) if (gapAfter(text, k) !== 0x2e) return false;
  return true;
}

/**
 * Finds every alias in `text`: whole words only (Unicode word boundaries, so "Paris" is not found in
 * "Parisien" but "EU" is found in "non-EU"), leftmost and then longest first, never overlapping.
 * A possessive ("Macron's", "Macron’s") marks only the name; a dotted abbreviation or an abbreviated
 * last word keeps its final period ("U.S.", "Donald Trump Jr."). Case is folded, except for short
 * acronyms (`isCaseSensitiveAlias`) and for capitalised names in all-lower-case text (`needsCapital`).
 * A place that names a newspaper ("The Washington Post") is not a mention of the place
 * (`namesAPublication`), nor a surname after another first name ("Brigitte Macron") a mention of the
 * person (`namesAnotherPerson`), nor a weak alias that another name qualifies ("the Chinese Communist
 * Party") a mention of the entity (`namesAnotherOrganisation`). A weak alias is reported weak unless its
 * text has a word of the name it leaves out (`isQualifiedInText`).
 */
export function findMentions(text: string, matcher: Matcher): Mention[] {
  const { tokenIds } = matcher;
  ensureScratch((text.length >> 1) + 2);
  scanTokenCount = 0;
  scanText = text;
  let start = -1;
  const length = text.length;
  for (let i = 0; i <= length; i++) {
    const isWord = i < length && isWordCode(text.charCodeAt(i));
    if (isWord) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    const n = scanTokenCount++;
    const key = tokenKey(text, start, i);
    tokenStarts[n] = start;
    tokenEnds[n] = i;
    lowerIds[n] = key === '' ? -1 : (tokenIds.get(key) ?? -1);
    upperIds[n] =
      i - start <= CASE_SENSITIVE_MAX_LENGTH && isUpperCode(text.charCodeAt(start)) && isAllCapsToken(text, start, i)
        ? (tokenIds.get(key.toUpperCase()) ?? -1)
        : -1;
    const previousEnd = tokenEnds[n - 1] ?? 0;
    joinedToPrevious[n] = n > 0 && isJoiner(text, previousEnd, start, previousEnd - (tokenStarts[n - 1] ?? 0)) ? 1 : 0;
    start = -1;
  }

  const mentions: Mention[] = [];
  const { entityIds } = matcher.compiled;
  /** The last token of the last mention, which the word before a mention may not be part of. */
  let lastMentioned = -1;
  /** Entities a weak alias found that the text qualifies (`isQualifiedInText`), made on the first weak match. */
  let corroborated: Map<number, boolean> | undefined;
  let j = 0;
  while (j < scanTokenCount) {
    if ((lowerIds[j] ?? -1) < 0 && (upperIds[j] ?? -1) < 0) {
      j++;
      continue;
    }
    bestEnd = -1;
    bestEntity = -1;
    walkStart = j;
    walk(matcher, 0, j);
    if (bestEnd < 0) {
      j++;
      continue;
    }
    if (namesAPublication(matcher, bestEntity, text, bestEnd) || namesAnotherPerson(matcher, bestEntity, text, j, bestEnd, lastMentioned)) {
      j = bestEnd + 1;
      continue;
    }
    let weak = bestWeak;
    if (weak) {
      if (namesAnotherOrganisation(matcher, bestEntity, text, j, bestEnd, lastMentioned)) {
        j = bestEnd + 1;
        continue;
      }
      corroborated ??= new Map();
      let qualified = corroborated.get(bestEntity);
      if (qualified === undefined) corroborated.set(bestEntity, (qualified = isQualifiedInText(matcher, bestEntity, j, bestEnd)));
      weak = !qualified;
    }
    let end = tokenEnds[bestEnd] ?? 0;
    if (text.charCodeAt(end) === 0x2e && keepsFinalPeriod(text, j, bestEnd)) end++;
    mentions.push({ start: tokenStarts[j] ?? 0, end, entityId: entityIds[bestEntity] ?? '', weak });
    lastMentioned = bestEnd;
    j = bestEnd + 1;
  }
  scanText = ''; // not kept alive until the next call
  return mentions;
}

/** The entity behind an id the matcher reported: its canonical name and type. */
export function entityOf(matcher: Matcher, entityId: string): MatcherEntity | undefined {
  const { compiled } = matcher;
  if (matcher.entityIndex === null) {
    matcher.entityIndex = new Map(compiled.entityIds.map((id, index) => [id, index]));
  }
  const index = matcher.entityIndex.get(entityId);
  if (index === undefined) return undefined;
  const type = ENTITY_TYPE_CODES[compiled.entityTypes.charCodeAt(index) - 48] ?? 'concept';
  return { id: entityId, name: compiled.entityNames[index] ?? entityId, type };
}
