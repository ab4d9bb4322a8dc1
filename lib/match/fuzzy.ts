/**
 * Background-side fuzzy lookup of name candidates the page matcher did not recognise. fuse.js shortlists
 * person and organisation names and aliases; strict guards then accept only what reads as a misspelling
 * of that very name ("Kir Starmer", "Dmitry Peslov", "Zelenskiy"), never another person who happens to
 * share a first name, and never an ordinary word.
 */
import Fuse from 'fuse.js';
import type { MatcherEntity } from './matcher';
import { isCaseSensitiveAlias, needsCorroboration } from './matcher';
import { foldName } from './normalize';

/** The entity a misspelt name resolves to: enough to mark it and title its card. */
export interface FuzzyMatch {
  entityId: string;
  name: string;
  type: MatcherEntity['type'];
}

interface NameRecord {
  folded: string;
  tokens: string[];
  entity: MatcherEntity;
}

/** fuse.js score ceiling for the shortlist (0 is exact); the guards below make the final call. */
const FUSE_THRESHOLD = 0.3;
/**
 * A lone word must be at least this long to be corrected: "Macon" is a town and "Stammer" a word, not
 * misspelt "Macron" and "Starmer"; "Zelenskiy" is long enough to be unmistakable.
 */
const MIN_SINGLE_TOKEN_LENGTH = 8;
/** Words at least this long may carry two typos; shorter ones one. */
const TWO_EDITS_MIN_LENGTH = 10;

/** Optimal string alignment distance: Levenshtein plus transposition of neighbours ("Zelesnky"). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const width = b.length + 1;
  let before = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, j) => j);
  let current = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (before[j - 2] ?? 0) + 1);
      current[j] = value;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length] ?? 0;
}

/**
 * The edit distance between a candidate and a name when it reads as a misspelling of it, else null:
 * same number of words, every word starting with the same letter, at most one word different, and that
 * word within one edit (two for long words).
 */
export function misspellingDistance(candidate: string[], name: string[]): number | null {
  if (candidate.length !== name.length) return null;
  let differing = 0;
  let distance = 0;
  for (let k = 0; k < name.length; k++) {
    const a = candidate[k] ?? '';
    const b = name[k] ?? '';
    if (a === b) continue;
    if (a[0] !== b[0] || ++differing > 1) return null;
    const longest = Math.max(a.length, b.length);
    if (name.length === 1 && Math.min(a.length, b.length) < MIN_SINGLE_TOKEN_LENGTH) return null;
    distance = editDistance(a, b);
    if (distance > (longest >= TWO_EDITS_MIN_LENGTH ? 2 : 1)) return null;
  }
  return distance;
}

/**
 * Builds the resolver over person and organisation names and aliases. Names are grouped by the initials
 * of their words, so each lookup searches a small bucket and fuse.js indexes are built lazily per bucket.
 * Returns null when nothing passes the guards or when two entities fit equally well.
 */
export function createFuzzyResolver(
  entities: Array<MatcherEntity & { aliases: string[] }>,
): (candidate: string) => FuzzyMatch | null {
  const buckets = new Map<string, { records: NameRecord[]; fuse: Fuse<NameRecord> | null }>();
  // The guards demand the same word count and the same first letter of every word, so names are
  // bucketed on exactly that ("ks" for "Keir Starmer"): each lookup searches a handful of names.
  const bucketKey = (tokens: string[]): string => tokens.map((token) => token.charAt(0)).join('');

  for (const entity of entities) {
    if (entity.type !== 'person' && entity.type !== 'organization') continue;
    const seen = new Set<string>();
    for (const alias of [entity.name, ...entity.aliases]) {
      // Acronyms are not misspelt, they are other acronyms: "UNN" is not "UN". And a name that names
      // other things too ("Communist Party") is no surer misspelt: the matcher declined it as written
      // where another name qualified it ("the Chinese Communist Party"), and a lookup must not undo that.
      if (isCaseSensitiveAlias(alias) || needsCorroboration(alias, entity)) continue;
      const folded = foldName(alias);
      if (folded === '' || seen.has(folded)) continue;
      seen.add(folded);
      const tokens = folded.split(' ');
      const key = bucketKey(tokens);
      let bucket = buckets.get(key);
      if (bucket === undefined) {
        bucket = { records: [], fuse: null };
        buckets.set(key, bucket);
      }
      bucket.records.push({ folded, tokens, entity: { id: entity.id, name: entity.name, type: entity.type } });
    }
  }

  return (candidate: string): FuzzyMatch | null => {
    const folded = foldName(candidate);
    if (folded === '') return null;
    const tokens = folded.split(' ');
    const bucket = buckets.get(bucketKey(tokens));
    if (bucket === undefined) return null;
    bucket.fuse ??= new Fuse(bucket.records, {
      keys: ['folded'],
      threshold: FUSE_THRESHOLD,
      ignoreLocation: true,
      includeScore: true,
      isCaseSensitive: true,
    });
    let best: NameRecord | null = null;
    let bestDistance = Infinity;
    let ambiguous = false;
    for (const { item } of bucket.fuse.search(folded, { limit: 20 })) {
      const distance = misspellingDistance(tokens, item.tokens);
      if (distance === null) continue;
      if (distance < bestDistance) {
        best = item;
        bestDistance = distance;
        ambiguous = false;
      } else if (distance === bestDistance && best !== null && item.entity.id !== best.entity.id) {
        ambiguous = true;
      }
    }
    if (best === null || ambiguous) return null;
    return { entityId: best.entity.id, name: best.entity.name, type: best.entity.type };
  };
}
