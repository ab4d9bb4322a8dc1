/**
 * Name-like words the matcher did not recognise, to be looked up by the fuzzy resolver (misspellings
 * such as "Kir Starmer" or "Zelenskiy"). Pure and cheap: it runs after `findMentions` (`matchTexts`),
 * and the page asks the fuzzy resolver about the (deduplicated) candidates in one message.
 */
import type { Mention } from './matcher';
import { COMMON_CAPITALISED, isSentenceInitial, NAME_PARTICLES } from './name-words';
import { isAllCapsToken, isJoiner, isUpperCode, isWordCode, tokenKey } from './normalize';

export interface NameCandidate {
  start: number;
  end: number;
  text: string;
}

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
    } else if (run.length > 0 && end - tokenStart <= MAX_PARTICLE_LENGTH && NAME_PARTICLES.has(tokenKey(text, tokenStart, end))) {
      // Only inside a run: a particle before any name would be trimmed from the run's edge anyway, and
      // most lower-case words of a page come outside one, where folding them would be wasted work.
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
