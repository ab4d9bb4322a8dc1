import { describe, expect, it } from 'vitest';
import { compileMatcher, loadMatcher } from './matcher';
import { FIXTURE_ALIASES, FIXTURE_ENTITIES } from './match.fixture';
import { matchTexts, type TextMatches } from './match-texts';

const matcher = loadMatcher(compileMatcher(FIXTURE_ENTITIES, FIXTURE_ALIASES));

/** What the page would mark in each text: [text index, marked text, entity id, entity name, type]. */
function marks(texts: string[], found: TextMatches): Array<[number, string, string, string, string]> {
  const out: Array<[number, string, string, string, string]> = [];
  for (let i = 0; i < found.mentions.length; i += 4) {
    const [text, start, end, ref] = found.mentions.slice(i, i + 4) as [number, number, number, number];
    const entity = found.entities[ref];
    out.push([text, (texts[text] ?? '').slice(start, end), entity?.id ?? '?', entity?.name ?? '?', entity?.type ?? '?']);
  }
  return out;
}

describe('matchTexts', () => {
  it('reports each text’s mentions by text index, with each entity described once', () => {
    const texts = ['Macron met Barrot in Paris.', 'Nothing here.', 'President Macron’s plan for the EU'];
    const found = matchTexts(texts, matcher);
    expect(marks(texts, found)).toEqual([
      [0, 'Macron', 'macron', 'Emmanuel Macron', 'person'],
      [0, 'Barrot', 'barrot', 'Jean-Noël Barrot', 'person'],
      [0, 'Paris', 'paris', 'Paris', 'place'],
      [2, 'President Macron', 'macron', 'Emmanuel Macron', 'person'],
      [2, 'EU', 'eu', 'European Union', 'organization'],
    ]);
    expect(found.entities.map((entity) => entity.id)).toEqual(['macron', 'barrot', 'paris', 'eu']);
  });

  it('reports name-like words no alias matched as candidates for fuzzy lookup, with their text index', () => {
    const texts = ['The weather was fine.', 'Talks with Kir Starmer and Zelenskiy went on.'];
    const found = matchTexts(texts, matcher);
    const candidates: Array<[number, string]> = [];
    for (let i = 0; i < found.candidates.length; i += 3) {
      const [text, start, end] = found.candidates.slice(i, i + 3) as [number, number, number];
      candidates.push([text, (texts[text] ?? '').slice(start, end)]);
    }
    expect(candidates).toEqual([
      [1, 'Kir Starmer'],
      [1, 'Zelenskiy'],
    ]);
  });

  it('answers an empty batch with nothing', () => {
    expect(matchTexts([], matcher)).toEqual({ entities: [], mentions: [], weak: [], candidates: [] });
    expect(matchTexts([''], matcher)).toEqual({ entities: [], mentions: [], weak: [], candidates: [] });
  });
});
