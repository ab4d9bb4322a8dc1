/**
 * A gram prefilter in front of fuse.js. Fuse scores every record it is given, so over 10,000 entities and
 * 5,000 articles one keystroke would cost tens of milliseconds; this index narrows the collection to the
 * few hundred records that share enough letter grams with the query, and fuse ranks only those.
 *
 * Grams are taken per folded word, padded with a space on the left (and on the right in the index):
 * "macron" → " m", " ma", "mac", "acr", "cro", "ron", "on ". The query's last word gets no right pad because
 * the reader may still be typing it, so "mac" is a prefix of "macron". A typo costs a word only the two or
 * three grams around it, so "maccron" still shares five of its seven grams with "macron".
 */
import { foldedTokens } from './fold';

/** Grams of one folded word; `closed` adds the right pad (a whole word rather than a prefix). */
export function wordGrams(word: string, closed: boolean): string[] {
  const padded = ` ${word}${closed ? ' ' : ''}`;
  const grams = [padded.slice(0, 2)];
  for (let index = 0; index + 3 <= padded.length; index++) grams.push(padded.slice(index, index + 3));
  return grams;
}

/** The distinct grams of a folded query: every word closed but the last, which may be half typed. */
export function queryGrams(foldedQuery: string): string[] {
  const words = foldedTokens(foldedQuery);
  const grams = new Set<string>();
  const endsInSpace = /\s$/.test(foldedQuery);
  words.forEach((word, index) => {
    const closed = index < words.length - 1 || endsInSpace;
    const [bigram, ...trigrams] = wordGrams(word, closed);
    // " m" is implied by " ma" and, shared by a tenth of the corpus, costs the most to count: only a
    // lone letter still being typed needs it.
    if (trigrams.length === 0 && bigram !== undefined) grams.add(bigram);
    for (const gram of trigrams) grams.add(gram);
  });
  return [...grams];
}

export interface GramIndex {
  /** Record indices sharing at least `minShare` of the query's grams, most shared first, at most `max`. */
  candidates(grams: string[], minShare: number, max: number): number[];
}

/** Builds the index over records given as lists of folded field texts. */
export function createGramIndex(records: ReadonlyArray<readonly string[]>): GramIndex {
  const growing = new Map<string, number[]>();
  // Texts repeat their words, and a corpus its vocabulary: each word's grams are computed once.
  const gramsOfWord = new Map<string, string[]>();
  records.forEach((fields, recordIndex) => {
    const recordGrams = new Set<string>();
    for (const field of fields) {
      for (const word of foldedTokens(field)) {
        let grams = gramsOfWord.get(word);
        if (!grams) gramsOfWord.set(word, (grams = wordGrams(word, true)));
        for (const gram of grams) recordGrams.add(gram);
      }
    }
    for (const gram of recordGrams) {
      let posting = growing.get(gram);
      if (!posting) growing.set(gram, (posting = []));
      posting.push(recordIndex);
    }
  });
  const postings = new Map<string, Int32Array>();
  for (const [gram, posting] of growing) postings.set(gram, Int32Array.from(posting));

  // Reused between queries: counting into a typed array avoids a Map per keystroke.
  const counts = new Uint16Array(records.length);
  const touched = new Int32Array(records.length);

  return {
    candidates(grams, minShare, max) {
      let touchedCount = 0;
      for (const gram of grams) {
        const posting = postings.get(gram);
        if (!posting) continue;
        for (const record of posting) {
          const count = counts[record] ?? 0;
          if (count === 0) touched[touchedCount++] = record;
          counts[record] = count + 1;
        }
      }
      const required = Math.max(1, Math.ceil(grams.length * minShare));
      // Most shared first: bucket by count (at most one per gram), cheaper than sorting thousands.
      const buckets: number[][] = [];
      for (const record of touched.subarray(0, touchedCount)) {
        const count = counts[record] ?? 0;
        counts[record] = 0;
        if (count >= required) (buckets[count] ??= []).push(record);
      }
      const selected: number[] = [];
      for (let count = buckets.length - 1; count >= required && selected.length < max; count--) {
        const bucket = buckets[count];
        if (bucket) selected.push(...bucket.sort((a, b) => a - b));
      }
      return selected.length > max ? selected.slice(0, max) : selected;
    },
  };
}
