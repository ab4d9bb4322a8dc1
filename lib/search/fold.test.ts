import { describe, expect, it } from 'vitest';
import { displayForm, foldForSearch } from './fold';
import { createGramIndex, queryGrams } from './gram-index';

describe('foldForSearch', () => {
  it('lower-cases and strips accents without changing the length, so ranges still fit the displayed text', () => {
    for (const name of ['Jean-Noël Barrot', 'Lars Løkke Rasmussen', 'Straße', 'Œuvre', 'Élysée’s']) {
      const displayed = displayForm(name);
      expect(foldForSearch(displayed)).toHaveLength(displayed.length);
    }
    expect(foldForSearch('Jean-Noël Barrot')).toBe('jean-noel barrot');
    expect(foldForSearch('Løkke')).toBe('lokke');
    expect(foldForSearch('Élysée’s')).toBe('elysee s');
  });

  it('composes decomposed accents first, so one letter stays one character', () => {
    const decomposed = 'Noe\u0308l';
    expect(displayForm(decomposed)).toBe('Noël');
    expect(foldForSearch(displayForm(decomposed))).toBe('noel');
  });
});

describe('gram prefilter', () => {
  const index = createGramIndex([['emmanuel macron', 'macron'], ['marco nardi'], ['fabien mandon']]);

  it('keeps a misspelt name among the candidates', () => {
    expect(index.candidates(queryGrams('maccron'), 0.5, 10)).toContain(0);
    expect(index.candidates(queryGrams('nacron'), 0.5, 10)).toContain(0);
  });

  it('treats the last word as a prefix and earlier words as whole', () => {
    expect(index.candidates(queryGrams('mand'), 1, 10)).toEqual([2]);
    expect(queryGrams('fabien man')).toContain('en ');
    expect(queryGrams('fabien man')).not.toContain('an ');
  });

  it('ranks by shared grams and caps the list', () => {
    expect(index.candidates(queryGrams('macron'), 0.3, 10)[0]).toBe(0);
    expect(index.candidates(queryGrams('ma'), 0, 1)).toHaveLength(1);
  });
});
