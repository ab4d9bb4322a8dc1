/**
 * Mention detection. The content script uses `loadMatcher`, `findMentions`, `findNameCandidates` and
 * `entityOf`; the background uses `compileMatcher` and `createFuzzyResolver` (fuse.js is tree-shaken
 * out of bundles that do not call it).
 */
export type { CompiledMatcher } from './compiled';
export { COMPILED_MATCHER_FORMAT } from './compiled';
export type { AliasEntry, Matcher, MatcherEntity, Mention } from './matcher';
export { compileMatcher, entityOf, findMentions, loadMatcher, MatcherFormatError } from './matcher';
export type { NameCandidate } from './candidates';
export { findNameCandidates } from './candidates';
export type { FuzzyMatch } from './fuzzy';
export { createFuzzyResolver } from './fuzzy';
