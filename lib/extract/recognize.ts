/**
 * Named-entity recognition within one sentence: compromise proposes people, places and organizations;
 * a few patterns add what it misses or mistypes (outlets named by how they are cited, parties,
 * institutions, people introduced by a title or an apposition). Every candidate is cleaned to the
 * name itself: no title, no possessive, no punctuation.
 */
import type { EntityType } from '../pack/schema';
import {
  DEMONYMS,
  FUNCTION_WORDS,
  NAME_ARTICLES,
  NAME_CONNECTORS,
  NEVER_ENTITIES,
  ORGANIZATION_WORDS,
  PLACE_FIRST_WORDS,
  TITLE_WORDS,
} from './lexicon';
import { parseText, type NlpSpan } from './sentences';
import { nameKey } from './text';

/** A name found in a sentence; offsets are UTF-16, relative to the sentence, end exclusive. */
export interface Candidate {
  name: string;
  type: EntityType;
  start: number;
  end: number;
  /** Higher wins when two candidates overlap. */
  priority: number;
  /** Named as the source of a report ("according to Le Monde"), so it is a news outlet. */
  outlet?: boolean;
  /** An acronym or translation the sentence gives for it: "(IFRI)", "(The Patriots)". */
  aliases?: string[];
}

/** A sentence's claim attributed to an outlet: by name, or by "the newspaper" (the last one named). */
export interface AttributionCue {
  outletName: string | null;
  index: number;
}

const CAPWORD = "(?:(?:\\p{Lu}\\.){2,}|\\p{Lu}[\\p{L}\\p{M}\\-]*(?:['’]\\p{Ll}{2,}\\p{L}*)?)";
const CONNECTOR = "(?:of|the|for|du|de|des|la|le|les|d')";
const CHUNK = new RegExp(`${CAPWORD}(?:\\s+(?:${CONNECTOR}\\s+)*${CAPWORD})*`, 'gu');
const OUTLET_NAME = `${CAPWORD}(?:\\s+(?:(?:du|de|des|la|le|les|of|the)\\s+)*${CAPWORD}){0,4}`;
const OUTLET_LIST = `${OUTLET_NAME}(?:,?\\s+and\\s+${OUTLET_NAME})*`;
const OUTLET_NOUN = '(?:newspaper|daily|agency|broadcaster|outlet|channel|magazine|paper|publication)';

const PRIORITY = { outlet: 60, pattern: 50, person: 40, organization: 30, place: 20 } as const;

function words(name: string): string[] {
  return name.split(/\s+/).filter(Boolean);
}

function lowerWord(word: string): string {
  return word.toLowerCase().replace(/[’']s$/, '');
}

/** Trims quotes, brackets, punctuation and a possessive from both ends of a span. */
export function trimSpan(sentence: string, start: number, end: number): [number, number] {
  let from = start;
  let to = end;
  const edge = /[\s"“”‘’'«»(),.;:!?\-–—]/;
  for (;;) {
    const before = [from, to];
    while (from < to && edge.test(sentence[from] ?? '')) from++;
    const possessive = /['’]s$/.exec(sentence.slice(from, to));
    if (possessive) to -= possessive[0].length;
    // Keep the full stop of an acronym such as "U.K." but not a sentence's.
    while (to > from && edge.test(sentence[to - 1] ?? '')) {
      if (sentence[to - 1] === '.' && /(?:^|[\s(])(?:\p{Lu}\.)+$/u.test(sentence.slice(from, to))) break;
      to--;
    }
    if (before[0] === from && before[1] === to) return [from, to];
  }
}

/** Drops leading titles, honorifics and demonyms ("French President", "Mr.", "General"). */
function stripTitles(sentence: string, start: number, end: number): [number, number] {
  let from = start;
  for (;;) {
    const match = /^(\S+)\s+/.exec(sentence.slice(from, end));
    if (!match?.[1]) return [from, end];
    const word = lowerWord(match[1]);
    if (!TITLE_WORDS.has(word) && !DEMONYMS.has(word) && word !== 'the' && !/^\p{Ll}/u.test(match[1])) {
      return [from, end];
    }
    from += match[0].length;
  }
}

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/** A name is plausible when every word is capitalised (particles aside) and it is not a stop word. */
function isPlausibleName(name: string, type: EntityType): boolean {
  if (name.length < 2 || name.length > 120 || /[\d/@#|_=<>]/.test(name)) return false;
  const key = nameKey(name);
  if (NEVER_ENTITIES.has(key)) return false;
  const parts = words(name);
  if (parts.length === 0 || parts.length > 8) return false;
  // "M N O": an index of letters, not a name.
  if (parts.every((part) => part.replace(/\./g, '').length <= 1)) return false;
  if (!isCapitalised(parts[0] ?? '')) return false;
  const lowerAllowed = (part: string, index: number) =>
    NAME_CONNECTORS.has(part.toLowerCase()) || (type === 'organization' && index === parts.length - 1 && part === 'party');
  if (parts.some((part, index) => !isCapitalised(part) && !lowerAllowed(part, index))) return false;
  if (type === 'person') {
    if (parts.length > 4) return false;
    if (parts.some((part) => ORGANIZATION_WORDS.has(part.toLowerCase()) || TITLE_WORDS.has(lowerWord(part)))) return false;
    if (parts.every((part) => NEVER_ENTITIES.has(part.toLowerCase()))) return false;
    // "Will Be": compromise reads a capitalised auxiliary as a name.
    if (parts.some((part) => FUNCTION_WORDS.has(part.toLowerCase()))) return false;
  }
  return true;
}

function makeCandidate(
  sentence: string,
  start: number,
  end: number,
  type: EntityType,
  priority: number,
): Candidate | null {
  let [from, to] = trimSpan(sentence, start, end);
  if (type === 'person') [from, to] = stripTitles(sentence, from, to);
  else {
    const article = /^(?:the|The)\s+/.exec(sentence.slice(from, to));
    if (article) from += article[0].length;
  }
  [from, to] = trimSpan(sentence, from, to);
  const name = sentence.slice(from, to);
  if (!isPlausibleName(name, type)) return null;
  return { name, type, start: from, end: to, priority };
}

/**
 * "President Donald" + "Trump’s", "Ursula" + "von der Leyen": compromise sometimes stops before a
 * possessive surname or a surname with particles.
 */
function extendPersonRight(sentence: string, candidate: Candidate): Candidate {
  if (words(candidate.name).length !== 1) return candidate;
  const next = /^((?:\s+(?:von|van|de|der|den|da|di|du|bin|al|le|la))*\s+)(\p{Lu}[\p{L}\p{M}-]+)/u.exec(sentence.slice(candidate.end));
  const word = next?.[2];
  if (!next || !word) return candidate;
  if (NEVER_ENTITIES.has(word.toLowerCase()) || TITLE_WORDS.has(word.toLowerCase()) || FUNCTION_WORDS.has(word.toLowerCase())) return candidate;
  const end = candidate.end + next[0].length;
  const name = sentence.slice(candidate.start, end);
  return isPlausibleName(name, 'person') ? { ...candidate, end, name } : candidate;
}

/** compromise's matches in a sentence parsed on its own. */
function compromiseSpans(sentence: string): NlpSpan[] {
  return parseText(sentence, true).spans;
}

function compromiseCandidates(sentence: string, spans: NlpSpan[]): Candidate[] {
  const found: Candidate[] = [];
  for (const { type, start, end } of spans) {
    // compromise joins lists ("Lithuania, Latvia, Estonia"): split them into one name each.
    const pieces = type === 'person' ? [[start, end] as const] : splitList(sentence, start, end);
    for (const [from, to] of pieces) {
      const candidate = makeCandidate(sentence, from, to, type, PRIORITY[type]);
      if (candidate) found.push(type === 'person' ? extendPersonRight(sentence, candidate) : candidate);
    }
  }
  return found;
}

function splitList(sentence: string, start: number, end: number): (readonly [number, number])[] {
  const pieces: (readonly [number, number])[] = [];
  const separator = /\s*,\s*|\s+and\s+|\s+[—–-]\s+/g;
  const text = sentence.slice(start, end);
  let cursor = 0;
  for (let match = separator.exec(text); match; match = separator.exec(text)) {
    pieces.push([start + cursor, start + match.index]);
    cursor = match.index + match[0].length;
  }
  pieces.push([start + cursor, end]);
  return pieces;
}

/** Capitalised runs that name an institution, a place by its kind, or an event. */
function chunkCandidates(sentence: string): Candidate[] {
  const found: Candidate[] = [];
  for (const match of sentence.matchAll(CHUNK)) {
    const start = match.index;
    let text = match[0];
    let offset = 0;
    const parts = words(text);
    const first = lowerWord(parts[0] ?? '');
    // "Chief of the General Staff of …": the title is a role, the rest may be an institution.
    const titled = /^\S+\s+of\s+(?:the\s+)?/.exec(text);
    if (titled && TITLE_WORDS.has(first)) {
      offset = titled[0].length;
      text = text.slice(offset);
    }
    // "Commission President Ursula …": a title ends the institution's name.
    const titleAt = words(text).findIndex((part, index) => index > 0 && TITLE_WORDS.has(lowerWord(part)) && isCapitalised(part));
    if (titleAt > 0) text = words(text).slice(0, titleAt).join(' ');
    const lowerParts = words(text).map((part) => lowerWord(part));
    let type: EntityType | null = null;
    if (/^World War (?:I{1,3}|One|Two)\b|^Cold War$/.test(text)) type = 'event';
    else if (lowerParts.some((part) => ORGANIZATION_WORDS.has(part)) && !lowerParts.every((part) => ORGANIZATION_WORDS.has(part) || NAME_CONNECTORS.has(part))) {
      type = 'organization';
    }
    else if (PLACE_FIRST_WORDS.has(lowerParts[0] ?? '') && lowerParts.length > 1) type = 'place';
    // A run of six or more capitalised words is a title-case headline, not a name.
    const capitalised = words(text).filter((part) => !NAME_CONNECTORS.has(part)).length;
    if (type && capitalised <= 5) {
      const candidate = makeCandidate(sentence, start + offset, start + offset + text.length, type, PRIORITY.pattern);
      if (candidate) found.push(candidate);
    }
    titledPerson(sentence, start, match[0], found);
  }
  return found;
}

/** "Italian Prime Minister Giorgia Meloni": a capitalised title directly before two or three names. */
function titledPerson(sentence: string, chunkStart: number, chunk: string, into: Candidate[]): void {
  const parts = [...chunk.matchAll(/\S+/g)];
  for (let i = parts.length - 3; i >= 0; i--) {
    const title = parts[i];
    if (!title || !TITLE_WORDS.has(lowerWord(title[0]))) continue;
    const nameParts = parts.slice(i + 1);
    if (nameParts.length < 2 || nameParts.length > 3) return;
    if (nameParts.some((part) => !isCapitalised(part[0]) || TITLE_WORDS.has(lowerWord(part[0])) || NAME_CONNECTORS.has(part[0]))) return;
    const first = nameParts[0];
    if (!first) return;
    const candidate = makeCandidate(sentence, chunkStart + first.index, chunkStart + chunk.length, 'person', PRIORITY.person);
    if (candidate) into.push(candidate);
    return;
  }
}

const APPOSITION_PERSON = new RegExp(
  `(?:\\bsaid|\\bsays|\\bby|\\band|,)\\s+(\\p{Lu}[\\p{L}\\p{M}-]+(?:\\s+\\p{Lu}[\\p{L}\\p{M}-]+){1,2}),\\s+(?:the\\s+)?(?:leader|head|director|chief|spokesman|spokeswoman|founder|chairman|chairwoman|secretary|member|president|minister)\\b`,
  'giu',
);

/** "said Marine Tondelier, leader of …": a name followed by a role in apposition is a person. */
function appositionCandidates(sentence: string): Candidate[] {
  const found: Candidate[] = [];
  for (const match of sentence.matchAll(APPOSITION_PERSON)) {
    const name = match[1];
    if (!name) continue;
    const start = match.index + match[0].indexOf(name);
    const candidate = makeCandidate(sentence, start, start + name.length, 'person', PRIORITY.person);
    if (candidate) found.push(candidate);
  }
  return found;
}

const PARTY_QUOTED = /\bparty\s+["“]([^"”]{2,60})["”](?:\s*\((\p{Lu}{2,6})\))?/gu;
const PARTY_NAMED = new RegExp(`(${CAPWORD}(?:\\s+${CAPWORD}){0,3})(?:\\s*\\(([^)]{2,40})\\))?\\s+party\\b`, 'gu');

/** Parties named with a lower-case "party": "the left-wing party “France Disobedient” (FN)", "Ecology party". */
function partyCandidates(sentence: string): Candidate[] {
  const found: Candidate[] = [];
  for (const match of sentence.matchAll(PARTY_QUOTED)) {
    const name = match[1] ?? '';
    const start = match.index + match[0].indexOf(name);
    const candidate = makeCandidate(sentence, start, start + name.length, 'organization', PRIORITY.pattern);
    if (candidate) found.push({ ...candidate, aliases: match[2] ? [match[2]] : [] });
  }
  for (const match of sentence.matchAll(PARTY_NAMED)) {
    const name = match[1] ?? '';
    const translation = match[2];
    const start = match.index;
    if (translation) {
      const candidate = makeCandidate(sentence, start, start + name.length, 'organization', PRIORITY.pattern);
      if (candidate) found.push({ ...candidate, aliases: [translation.trim()] });
    } else if (!/\bparty$/i.test(name)) {
      const end = start + match[0].length;
      const candidate = makeCandidate(sentence, start, end, 'organization', PRIORITY.pattern);
      if (candidate) found.push(candidate);
    }
  }
  return found;
}

const ACRONYM_AFTER = /^\s*\((\p{Lu}{2,6})\)/u;

/** "French Institute of International Relations (IFRI)": the text gives an organization's acronym. */
function attachAcronyms(sentence: string, candidates: Candidate[]): void {
  for (const candidate of candidates) {
    if (candidate.type !== 'organization') continue;
    const acronym = ACRONYM_AFTER.exec(sentence.slice(candidate.end))?.[1];
    if (acronym && !candidate.aliases?.includes(acronym)) candidate.aliases = [...(candidate.aliases ?? []), acronym];
  }
}

const STRONG_CUES: RegExp[] = [
  new RegExp(
    `\\b(?:[Aa]ccording to|[Rr]eported by|[Cc]overed by|[Qq]uoted by|[Ii]nterview with|[Cc]onfesse[sd] to|[Ss]ources? cited by|[Tt]old|[Ss]peaking to|[Ss]poke to)\\s+(?:the\\s+${OUTLET_NOUN}\\s+)?(?:the\\s+)?(${OUTLET_LIST})`,
    'gu',
  ),
  new RegExp(`\\bthe\\s+${OUTLET_NOUN}\\s+(${OUTLET_NAME})`, 'gu'),
  new RegExp(`(${OUTLET_NAME})\\s+(?:${OUTLET_NOUN}|reports|reported|writes|wrote)\\b`, 'gu'),
];
const WEAK_CUE = new RegExp(`(${OUTLET_NAME})\\s+(?:also\\s+|further\\s+)?(?:notes|noted|quoted|quotes|adds|added|said|says)\\b`, 'gu');
const ANAPHORIC_CUE = new RegExp(
  `\\b(?:[Aa]ccording to|[Rr]eported by|[Cc]overed by)\\s+the\\s+(?:${OUTLET_NOUN}|reports?)(?:['’]s)?\\b(?!\\s+\\p{Lu})` +
    `|\\b[Tt]he\\s+${OUTLET_NOUN}\\s+(?:also\\s+|further\\s+)?(?:adds|added|notes|noted|reports|reported|writes|wrote|says|said|quoted|quotes)\\b`,
  'gu',
);

interface OutletMention {
  name: string;
  start: number;
  end: number;
}

function splitOutletList(sentence: string, listStart: number, list: string): OutletMention[] {
  const found: OutletMention[] = [];
  for (const match of list.matchAll(new RegExp(OUTLET_NAME, 'gu'))) {
    const [from, to] = trimSpan(sentence, listStart + match.index, listStart + match.index + match[0].length);
    if (to > from) found.push({ name: sentence.slice(from, to), start: from, end: to });
  }
  return found;
}

/** Outlets named as a source in the sentence, in order; the weak cues ("Le Monde notes") need "Le"/"La"/"The" or an acronym. */
export function findOutletMentions(sentence: string): OutletMention[] {
  const found: OutletMention[] = [];
  for (const cue of STRONG_CUES) {
    for (const match of sentence.matchAll(cue)) {
      const list = match[1];
      if (!list) continue;
      found.push(...splitOutletList(sentence, match.index + match[0].indexOf(list), list));
    }
  }
  for (const match of sentence.matchAll(WEAK_CUE)) {
    const name = match[1];
    if (!name || !(NAME_ARTICLES.test(name) || /^\p{Lu}{3,}$/u.test(name))) continue;
    found.push(...splitOutletList(sentence, match.index, name));
  }
  const unique = new Map<string, OutletMention>();
  for (const mention of found) {
    if (NEVER_ENTITIES.has(nameKey(mention.name))) continue;
    if (!unique.has(`${mention.start}`)) unique.set(`${mention.start}`, mention);
  }
  return [...unique.values()].sort((a, b) => a.start - b.start);
}

/** The sentence's attribution cues, by outlet name or by anaphora ("according to the newspaper"). */
export function findAttributionCues(sentence: string): AttributionCue[] {
  const cues: AttributionCue[] = findOutletMentions(sentence).map((mention) => ({ outletName: mention.name, index: mention.start }));
  for (const match of sentence.matchAll(ANAPHORIC_CUE)) cues.push({ outletName: null, index: match.index });
  return cues.sort((a, b) => a.index - b.index);
}

/**
 * All candidates of a sentence, overlaps resolved: higher priority first, then the longer name.
 * `nlpSpans` are compromise's matches for this sentence (offsets relative to it) when the caller parsed
 * the whole text already; otherwise the sentence is parsed here.
 */
export function recognizeSentence(sentence: string, nlpSpans: NlpSpan[] = compromiseSpans(sentence)): Candidate[] {
  const all: Candidate[] = [
    ...findOutletMentions(sentence).flatMap((mention) => {
      const candidate = makeCandidate(sentence, mention.start, mention.end, 'organization', PRIORITY.outlet);
      return candidate ? [{ ...candidate, outlet: true }] : [];
    }),
    ...partyCandidates(sentence),
    ...compromiseCandidates(sentence, nlpSpans),
    ...appositionCandidates(sentence),
  ];
  // Institutions must not swallow a person who follows them ("Ministry of the Armed Forces Catherine Vautrin").
  const people = all.filter((candidate) => candidate.type === 'person');
  for (const chunk of chunkCandidates(sentence)) {
    const cut = people.find((person) => person.start > chunk.start && person.start < chunk.end);
    if (cut && chunk.type !== 'person') {
      const trimmed = makeCandidate(sentence, chunk.start, cut.start, chunk.type, chunk.priority);
      if (trimmed) all.push(trimmed);
    } else all.push(chunk);
  }
  all.sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const accepted: Candidate[] = [];
  for (const candidate of all) {
    if (accepted.some((other) => candidate.start < other.end && other.start < candidate.end)) continue;
    accepted.push(candidate);
  }
  attachAcronyms(sentence, accepted);
  return accepted.sort((a, b) => a.start - b.start);
}
