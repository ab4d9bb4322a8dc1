/**
 * Exact-word search of article texts. Fuzzy matching a whole article per keystroke costs far too much
 * (fuse's bitap is linear in the text and the pattern), so texts are searched by their folded words:
 * an article matches when it contains every word of the query, the last one possibly half typed.
 * Titles and outlets, short and what readers remember, get the fuzzy search instead.
 */
import { foldedTokens } from './fold';

/** Prefixes shorter than this are not expanded: "a" would pull in half the vocabulary. */
const MIN_PREFIX_LENGTH = 3;
/** A prefix expands to at most this many vocabulary words, the most frequent first-come. */
const MAX_PREFIX_WORDS = 64;

export interface TextIndex {
  /** Indices of texts containing every query word (the last as a prefix unless `lastComplete`), at most `max`. */
  find(words: string[], lastComplete: boolean, max: number): number[];
}

export function createTextIndex(foldedTexts: readonly string[]): TextIndex {
  const growing = new Map<string, number[]>();
  foldedTexts.forEach((text, textIndex) => {
    for (const word of new Set(foldedTokens(text))) {
      let posting = growing.get(word);
      if (!posting) growing.set(word, (posting = []));
      posting.push(textIndex);
    }
  });
  const postings = new Map<string, Int32Array>();
  for (const [word, posting] of growing) postings.set(word, Int32Array.from(posting));
  const vocabulary = [...postings.keys()].sort();

  /** Sorted text indices containing a word starting with `prefix`. */
  const withPrefix = (prefix: string): Int32Array | null => {
    let low = 0;
    let high = vocabulary.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((vocabulary[middle] ?? '') < prefix) low = middle + 1;
      else high = middle;
    }
    const merged = new Set<number>();
    for (const word of vocabulary.slice(low, low + MAX_PREFIX_WORDS)) {
      if (!word.startsWith(prefix)) break;
      for (const textIndex of postings.get(word) ?? []) merged.add(textIndex);
    }
    return merged.size === 0 ? null : Int32Array.from([...merged].sort((a, b) => a - b));
  };

  return {
    find(words, lastComplete, max) {
      if (words.length === 0) return [];
      const lists: Int32Array[] = [];
      for (const [index, word] of words.entries()) {
        const isPrefix = index === words.length - 1 && !lastComplete;
        if (isPrefix && word.length < MIN_PREFIX_LENGTH) {
          // Too short to expand: still require it as a whole word when it is one.
          const exact = postings.get(word);
          if (!exact) return [];
          lists.push(exact);
          continue;
        }
        const list = isPrefix ? withPrefix(word) : (postings.get(word) ?? null);
        if (!list) return [];
        lists.push(list);
      }
      // Intersect from the rarest word: its list bounds the work.
      lists.sort((a, b) => a.length - b.length);
      const [rarest, ...others] = lists as [Int32Array, ...Int32Array[]];
      const otherSets = others.map((list) => new Set(list));
      const found: number[] = [];
      for (const textIndex of rarest) {
        if (otherSets.every((set) => set.has(textIndex))) {
          found.push(textIndex);
          if (found.length >= max) break;
        }
      }
      return found;
    },
  };
}

/**
 * A window of `text` around the first occurrence of the query's first word, with every query word in it
 * emphasised. `folded` is `text` folded (same length).
 */
export function snippetAround(
  text: string,
  folded: string,
  words: string[],
  radius = 90,
): { snippet: string; ranges: Array<[number, number]> } | null {
  const first = findWord(folded, words[0] ?? '', 0);
  if (first < 0) return null;
  let start = Math.max(0, first - radius);
  if (start > 0) {
    const space = folded.indexOf(' ', start);
    if (space >= 0 && space < first) start = space + 1;
  }
  let end = Math.min(text.length, first + radius * 2);
  if (end < text.length) {
    const space = folded.lastIndexOf(' ', end);
    if (space > first) end = space;
  }
  const prefix = start > 0 ? '…' : '';
  const ranges: Array<[number, number]> = [];
  for (const word of words) {
    for (let at = findWord(folded, word, start); at >= 0 && at + word.length <= end; at = findWord(folded, word, at + 1)) {
      ranges.push([at - start + prefix.length, at - start + prefix.length + word.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const snippet = `${prefix}${text.slice(start, end).replace(/\s/g, ' ')}${end < text.length ? '…' : ''}`;
  return { snippet, ranges };
}

/** The next occurrence of `word` at the start of a word of `folded`, from `from`. */
function findWord(folded: string, word: string, from: number): number {
  if (word === '') return -1;
  for (let at = folded.indexOf(word, from); at >= 0; at = folded.indexOf(word, at + 1)) {
    const before = at === 0 ? ' ' : folded.charAt(at - 1);
    if (!/[\p{L}\p{N}]/u.test(before)) return at;
  }
  return -1;
}
