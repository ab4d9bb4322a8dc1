/**
 * The precompiled, serialisable form of the alias matcher. The background builds it when packs change
 * (`compileMatcher`), keeps it in the store so a restarted service worker need not compile it again, and
 * turns it into a `Matcher` with `loadMatcher` once per revision. It is plain JSON data: strings and
 * arrays of small integers, no Maps.
 *
 * Aliases are stored as sequences of token ids rather than as a trie, which keeps the stored copy about a
 * third of a flattened trie's size; `loadMatcher` rebuilds the trie in a few milliseconds.
 */
export interface CompiledMatcher {
  /** Bumped whenever the layout or the normalisation changes, so a stale cache is rebuilt, not misread. */
  format: typeof COMPILED_MATCHER_FORMAT;
  /** Entity ids, by entity index. */
  entityIds: string[];
  /** Canonical names, by entity index. */
  entityNames: string[];
  /** One character per entity index: the index of its type in `ENTITY_TYPE_CODES`. */
  entityTypes: string;
  /**
   * Distinct token keys separated by single spaces; a key's position is its token id. Keys are folded
   * (lower case, no diacritics), except those of short all-caps aliases, which are upper case so that
   * only all-caps text can reach them ("US" is not "us").
   */
  tokens: string;
  /**
   * Alias records (a terminal: entity index × 4, + 2 if the alias needs corroboration, + 1 if it needs a
   * capital in the text; then token count n, then n token ids), as a varint string (`encodeIntegers`):
   * half the size of a JSON number array, and cloned by messaging as one block. See `needsCapital` and
   * `needsCorroboration` in matcher.ts.
   */
  aliases: string;
}

/*
 * Varint digits, all JSON-safe ASCII (no quote, no backslash): a number is written five bits at a
 * time, low bits first, as continuation digits "]".."|" followed by one final digit "0".."O".
 */
const FINAL_DIGIT = 48;
const CONTINUATION_DIGIT = 93;

/** The largest integer `encodeIntegers` takes: records hold indexes, and decoding fills an Int32Array. */
export const MAX_ENCODED_INTEGER = 2 ** 31 - 1;

/** Encodes integers in [0, MAX_ENCODED_INTEGER] as a compact, JSON-safe string. */
export function encodeIntegers(values: readonly number[]): string {
  let encoded = '';
  for (let value of values) {
    if (!Number.isInteger(value) || value < 0 || value > MAX_ENCODED_INTEGER) throw new RangeError(`cannot encode ${value}`);
    while (value >= 32) {
      encoded += String.fromCharCode(CONTINUATION_DIGIT + (value & 31));
      value >>>= 5;
    }
    encoded += String.fromCharCode(FINAL_DIGIT + value);
  }
  return encoded;
}

/** Decodes `encodeIntegers`' output; null when the string is not such an encoding. */
export function decodeIntegers(encoded: string): Int32Array | null {
  let count = 0;
  for (let i = 0; i < encoded.length; i++) {
    const code = encoded.charCodeAt(i);
    if (code >= FINAL_DIGIT && code < FINAL_DIGIT + 32) count++;
  }
  const values = new Int32Array(count);
  let written = 0;
  let value = 0;
  let shift = 0;
  // Integer shifts only: `2 ** shift` here made decoding fifteen times slower.
  for (let i = 0; i < encoded.length; i++) {
    const code = encoded.charCodeAt(i);
    if (code >= CONTINUATION_DIGIT && code < CONTINUATION_DIGIT + 32) {
      if (shift > 25) return null;
      value |= (code - CONTINUATION_DIGIT) << shift;
      shift += 5;
    } else if (code >= FINAL_DIGIT && code < FINAL_DIGIT + 32) {
      const digit = code - FINAL_DIGIT;
      // At bit 30 only 0 or 1 keeps the value within MAX_ENCODED_INTEGER.
      if (shift === 30 && digit > 1) return null;
      values[written++] = value | (digit << shift);
      value = 0;
      shift = 0;
    } else {
      return null;
    }
  }
  return shift === 0 ? values : null;
}

export const COMPILED_MATCHER_FORMAT = 'factcards-matcher/4';
