import { describe, expect, it } from 'vitest';
import { givenNameKeys } from './build-given-names';

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
});
