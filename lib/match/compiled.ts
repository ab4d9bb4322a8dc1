/**
 * The precompiled, serialisable form of the alias matcher. The background builds it when packs change
 * (`compileMatcher`), caches it and sends it to content scripts (`getMatcher`), which turn it into a
 * `Matcher` with `loadMatcher`. It is plain JSON data: strings and arrays of small integers, no Maps.
 *
 * Aliases are stored as sequences of token ids rather than as a trie, which keeps the payload about a
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
  /** Flattened alias records: entity index, token count n, then n token ids. */
  aliases: number[];
}

export const COMPILED_MATCHER_FORMAT = 'factcards-matcher/1';
