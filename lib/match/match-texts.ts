/**
 * Matching a page's text where the matcher lives: in the background. A content script sends the text of
 * its blocks in one message and gets back plain offsets, which it turns into DOM ranges. The page's main
 * thread then never loads the matcher (tens of milliseconds per page at 10,000 entities) nor runs the
 * scan in cold, unoptimised code; the background's copy is loaded once per store revision and stays hot.
 */
import { findNameCandidates } from './candidates';
import { entityOf, findMentions, type Matcher, type MatcherEntity } from './matcher';

/** What `matchTexts` found in a batch of texts. Offsets are UTF-16, end exclusive, into the text given. */
export interface TextMatches {
  /** The entities found, each once; `mentions` refers to them by index. */
  entities: MatcherEntity[];
  /** Four numbers per mention, in text order: text index, start, end, index into `entities`. */
  mentions: number[];
  /**
   * The mentions (counted in mentions, not numbers) found by an alias that needs corroboration
   * (`needsCorroboration`): the page shows them only where it also names the entity plainly. Usually none.
   */
  weak: number[];
  /**
   * Three numbers per name candidate (capitalised, name-like words no alias matched, for `resolveFuzzy`):
   * text index, start, end.
   */
  candidates: number[];
}

/** Every mention and name candidate in each text, as `findMentions` and `findNameCandidates` find them. */
export function matchTexts(texts: readonly string[], matcher: Matcher): TextMatches {
  const entities: MatcherEntity[] = [];
  const entityRefs = new Map<string, number>();
  const mentions: number[] = [];
  const candidates: number[] = [];
  const weak: number[] = [];
  texts.forEach((text, textIndex) => {
    const found = findMentions(text, matcher);
    for (const mention of found) {
      let ref = entityRefs.get(mention.entityId);
      if (ref === undefined) {
        const entity = entityOf(matcher, mention.entityId);
        if (!entity) continue;
        ref = entities.length;
        entities.push(entity);
        entityRefs.set(mention.entityId, ref);
      }
      if (mention.weak) weak.push(mentions.length / 4);
      mentions.push(textIndex, mention.start, mention.end, ref);
    }
    for (const candidate of findNameCandidates(text, found)) candidates.push(textIndex, candidate.start, candidate.end);
  });
  return { entities, mentions, weak, candidates };
}
