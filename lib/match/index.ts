/**
 * Mention detection, all of it in the background: `compileMatcher` when packs change, `loadMatcher` once
 * per revision, `matchTexts` for the text content scripts send, and `createFuzzyResolver` for the name
 * candidates they ask about. Content scripts only map the offsets they get back onto the page.
 */
export type { CompiledMatcher } from './compiled';
export { COMPILED_MATCHER_FORMAT } from './compiled';
export type { AliasEntry, Matcher, MatcherEntity, Mention } from './matcher';
export { compileMatcher, entityOf, findMentions, loadMatcher, MatcherFormatError } from './matcher';
export type { NameCandidate } from './candidates';
export { findNameCandidates } from './candidates';
export type { TextMatches } from './match-texts';
export { matchTexts } from './match-texts';
export type { FuzzyMatch } from './fuzzy';
export { createFuzzyResolver } from './fuzzy';
