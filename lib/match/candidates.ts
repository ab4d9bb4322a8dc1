/**
 * Name-like words the matcher did not recognise, to be looked up by the fuzzy resolver (misspellings
 * such as "Kir Starmer" or "Zelenskiy"). Pure and cheap: it runs after `findMentions` (`matchTexts`),
 * and the page asks the fuzzy resolver about the (deduplicated) candidates in one message.
 */
import type { Mention } from './matcher';
import { isAllCapsToken, isJoiner, isSpaceCode, isUpperCode, isWordCode, tokenKey } from './normalize';

export interface NameCandidate {
  start: number;
  end: number;
  text: string;
}

/**
 * Capitalised words that are not names: sentence starters, function words, titles, days and months.
 * They split a run of capitalised words ("President Zelenskiy" → "Zelenskiy").
 */
const COMMON_CAPITALISED = new Set(
  `a an the this that these those it its he she they we i you his her their our my your him them us
  and but or nor so yet for if as when while after before since until because although though however
  meanwhile moreover furthermore nevertheless nonetheless instead still also then now today tonight
  yesterday tomorrow thus hence indeed yes no not all some many most several each every any both other
  there here what which who whom whose where why how in on at by to of from with without into onto over
  under about above below between among against during through across along around near per via
  mr mrs ms mx dr prof sir dame lord lady president vice prime minister chancellor general gen colonel
  col admiral captain capt major sergeant lieutenant secretary foreign defence defense interior finance
  king queen prince princess pope cardinal bishop senator sen rep representative governor mayor judge
  justice chief deputy ambassador commissioner spokesman spokeswoman spokesperson premier leader
  minister ministers officials official sources source monday tuesday wednesday thursday friday saturday
  sunday january february march april may june july august september october november december read
  more see watch listen share updated published breaking live news photo video opinion analysis
  according said says told asked added`
    .split(/\s+/)
    .filter(Boolean),
);

/** Lower-case particles that may sit inside a name ("Ursula von der Leyen", "Charles de Gaulle"). */
const NAME_PARTICLES = new Set(['de', 'du', 'des', 'la', 'le', 'von', 'van', 'der', 'den', 'da', 'di', 'dos', 'bin', 'al', 'el', 'ter', 'zu']);

/**
 * Function words that Title Case capitalises inside a run ("Annual Meeting Of World Leaders"): they keep
 * the run together, so it is seen whole and dropped as too long, but never count as name words.
 */
const TITLE_CASE_CONNECTORS = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'to', 'at', 'with']);

const MAX_PARTICLE_LENGTH = Math.max(...[...NAME_PARTICLES].map((particle) => particle.length));

/** Beyond this many capitalised words a run is a headline or an institution, not a misspelt name. */
const MAX_CANDIDATE_TOKENS = 4;
/** A lone capitalised word shorter than this is too likely an ordinary word or an initial. */
const MIN_SINGLE_TOKEN_LENGTH = 4;

const OPENING_PUNCTUATION = new Set([0x22, 0x27, 0x28, 0x5b, 0x201c, 0x2018, 0xab, 0x2014, 0x2013, 0x2d, 0x2022]);
const SENTENCE_END = new Set([0x2e, 0x21, 0x3f, 0x3a, 0x2026, 0x0a, 0x0d]);

/** Whether the word at `start` opens a sentence or a block, where capitals say nothing about names. */
function isSentenceInitial(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || code === 0x0d) return true;
    if (isSpaceCode(code) || OPENING_PUNCTUATION.has(code)) {
      i--;
      continue;
    }
    // Closing quotes after a full stop ("…said.” Starmer") still end the sentence.
    if (code === 0x201d || code === 0x2019 || code === 0x22 || code === 0x27 || code === 0x29) {
      i--;
      continue;
    }
    return SENTENCE_END.has(code);
  }
  return true;
}

/** A word of a run: a capitalised unknown word, a particle, or a word of a mention the run adjoins. */
type TokenKind = 'name' | 'particle' | 'mention';

interface RunToken {
  start: number;
  end: number;
  kind: TokenKind;
  /** For a mention's word: the whole mention's range, so a candidate never cuts a mention in two. */
  mentionStart: number;
  mentionEnd: number;
}

/**
 * Finds capitalised, name-like word sequences the matcher did not recognise: two to four capitalised
 * words (with particles such as "de" or "von" inside), or a single capitalised word that does not open a
 * sentence. Sentence starters and titles ("The", "However", "President") are never part of a candidate.
 *
 * A candidate may absorb a whole mention it directly adjoins, because a misspelt first name in front of
 * a known surname ("Kir Starmer", "Emanuel Macron") is only recognisable as one name. When such a
 * candidate resolves, it replaces the mentions it overlaps; when it does not, those mentions stand.
 * `mentions` must be sorted by start, as `findMentions` returns them.
 */
export function findNameCandidates(text: string, mentions: Mention[]): NameCandidate[] {
  const candidates: NameCandidate[] = [];
  const run: RunToken[] = [];
  let mentionIndex = 0;

  const flush = (): void => {
    if (run.length === 0) return;
    let first = 0;
    let last = run.length - 1;
    // Particles at either end belong to the sentence, and a mention cut by the run's edge is not adjoined.
    const isEdgeJunk = (token: RunToken | undefined): boolean =>
      token !== undefined &&
      (token.kind === 'particle' ||
        (token.kind === 'mention' && (token.mentionStart < (run[first]?.start ?? 0) || token.mentionEnd > (run[last]?.end ?? 0))));
    while (first <= last && isEdgeJunk(run[first])) first++;
    while (last >= first && isEdgeJunk(run[last])) last--;
    let words = 0;
    let unknown = 0;
    for (let k = first; k <= last; k++) {
      const kind = run[k]?.kind;
      if (kind !== 'particle') words++;
      if (kind === 'name') unknown++;
    }
    const start = run[first]?.start ?? 0;
    const end = run[last]?.end ?? 0;
    const keep =
      unknown > 0 &&
      words <= MAX_CANDIDATE_TOKENS &&
      (words >= 2 || (end - start >= MIN_SINGLE_TOKEN_LENGTH && !isSentenceInitial(text, start)));
    if (keep) candidates.push({ start, end, text: text.slice(start, end) });
    run.length = 0;
  };

  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const isWord = i < text.length && isWordCode(text.charCodeAt(i));
    if (isWord) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    const end = i;
    const tokenStart = start;
    start = -1;

    while (mentionIndex < mentions.length && (mentions[mentionIndex]?.end ?? 0) <= tokenStart) mentionIndex++;
    const mention = mentions[mentionIndex];
    const covered = mention !== undefined && mention.start < end;

    let kind: TokenKind | null = null;
    if (covered) {
      kind = 'mention';
    } else if (isUpperCode(text.charCodeAt(tokenStart))) {
      const key = tokenKey(text, tokenStart, end);
      const acronym = end - tokenStart > 1 && isAllCapsToken(text, tokenStart, end);
      if (TITLE_CASE_CONNECTORS.has(key) && run.length > 0) kind = 'particle';
      else if (!acronym && !COMMON_CAPITALISED.has(key)) kind = 'name';
    } else if (end - tokenStart <= MAX_PARTICLE_LENGTH && NAME_PARTICLES.has(tokenKey(text, tokenStart, end))) {
      kind = 'particle';
    }

    const previousEnd = run[run.length - 1]?.end;
    // Words of one name are joined by spaces, hyphens or apostrophes; here a period always ends a
    // sentence (an infinite previous word length forbids it), since initials are not names to correct.
    const joined = previousEnd !== undefined && isJoiner(text, previousEnd, tokenStart, Infinity);
    if (!joined || kind === null) flush();
    if (kind !== null) {
      run.push({
        start: tokenStart,
        end,
        kind,
        mentionStart: covered ? mention.start : -1,
        mentionEnd: covered ? mention.end : -1,
      });
    }
  }
  flush();
  return candidates;
}
