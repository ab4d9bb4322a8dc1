import { describe, expect, it } from 'vitest';
import { nameKeys } from '../match/normalize';
import { NEWS_FIRST_NAMES, compromiseLexicon, givenNameKeys } from './build-given-names';

describe('givenNameKeys', () => {
  it('keeps single first names, folded like page text, and leaves out words that are as often ordinary', () => {
    const lexicon = {
      zoé: 'FemaleName',
      eric: 'MaleName',
      marion: 'FirstName',
      grant: 'FirstName',
      mark: 'FirstName',
      paris: 'City',
      'al pacino': 'Person',
      'jean pierre': 'MaleName',
      x: 'MaleName',
      will: ['Modal', 'FirstName'],
    };
    expect(givenNameKeys(lexicon)).toEqual(['eric', 'marion', 'zoe']);
  });

  it('adds the supplement, folded, once', () => {
    expect(givenNameKeys({ zoé: 'FemaleName' }, ['Melania', 'Zoé', 'Ségolène'])).toEqual(['melania', 'segolene', 'zoe']);
  });

  it('supplements single words that compromise lacks', () => {
    for (const name of NEWS_FIRST_NAMES) expect(nameKeys(name), name).toHaveLength(1);
    const known = new Set(givenNameKeys(compromiseLexicon()));
    expect(NEWS_FIRST_NAMES.filter((name) => known.has(nameKeys(name)[0] ?? ''))).toEqual([]);
  });
});
