import { describe, expect, it } from 'vitest';
import { createFuzzyResolver, editDistance } from './fuzzy';
import { FIXTURE_ENTITIES } from './match.fixture';

const resolve = createFuzzyResolver([
  ...FIXTURE_ENTITIES,
  // People who share a first name or an initial with a known person must never be mistaken for them.
  { id: 'medvedev', name: 'Dmitry Medvedev', type: 'person', aliases: [] },
  { id: 'marine-tondelier', name: 'Marine Tondelier', type: 'person', aliases: [] },
]);

describe('createFuzzyResolver', () => {
  it('resolves misspellings of person names', () => {
    expect(resolve('Zelenskiy')?.entityId).toBe('zelensky');
    expect(resolve('Zelenksy')?.entityId).toBe('zelensky');
    expect(resolve('Kir Starmer')).toEqual({ entityId: 'starmer', name: 'Keir Starmer', type: 'person' });
    expect(resolve('Dmitry Peslov')).toEqual({ entityId: 'peskov', name: 'Dmitry Peskov', type: 'person' });
    expect(resolve('Dmitri Peskov')?.entityId).toBe('peskov');
    expect(resolve('Emanuel Macron')?.entityId).toBe('macron');
    expect(resolve('Jean-Noel Barot')?.entityId).toBe('barrot');
    expect(resolve('EMANUEL MACRON')?.entityId).toBe('macron');
  });

  it('resolves a one-letter slip in a surname after the exact first name (a decision: "Keir Stalmer")', () => {
    expect(resolve('Keir Stalmer')?.entityId).toBe('starmer');
  });

  it('never resolves other people’s names', () => {
    for (const name of ['Karl Marx', 'Peter Parker', 'Dmitry Medvedev', 'Jean Castex', 'Marine Le Pen', 'Keith Starkey', 'Emmanuel Todd', 'Marine Tondelie']) {
      const match = resolve(name);
      // Dmitry Medvedev and a near-miss of Marine Tondelier are known people, never someone else.
      if (match !== null) expect([name, match.entityId]).toEqual([name, name.startsWith('Dmitry') ? 'medvedev' : 'marine-tondelier']);
    }
    expect(resolve('Karl Marx')).toBeNull();
    expect(resolve('Jean Castex')).toBeNull();
    expect(resolve('Marine Le Pen')).toBeNull();
    expect(resolve('Peter Parker')).toBeNull();
  });

  it('never resolves ordinary words, sentence starters or places', () => {
    for (const word of ['The', 'However', 'Meanwhile', 'Macon', 'Marcon', 'Stammer', 'Barrow', 'Peace', 'European', 'Paris', 'Parisian', 'Europe', 'Tusks']) {
      expect(resolve(word), word).toBeNull();
    }
  });

  it('never treats acronyms as misspellings', () => {
    expect(resolve('UNN')).toBeNull();
    expect(resolve('EUR')).toBeNull();
    expect(resolve('NATA')).toBeNull();
  });

  it('never resolves a name that names other things too, as written or misspelt; the full name does', () => {
    expect(resolve('Communist Party')).toBeNull();
    expect(resolve('Comunist Party')).toBeNull();
    expect(resolve('French Comunist Party')?.entityId).toBe('pcf');
  });

  it('answers null when two entities fit equally well', () => {
    const ambiguous = createFuzzyResolver([
      { id: 'a', name: 'Anna Kovalenko', type: 'person', aliases: [] },
      { id: 'b', name: 'Anna Kovalenka', type: 'person', aliases: [] },
    ]);
    expect(ambiguous('Anna Kovalenkp')).toBeNull();
    expect(ambiguous('Anna Kovalenko')?.entityId).toBe('a');
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent transpositions as one edit each', () => {
    expect(editDistance('zelensky', 'zelenskiy')).toBe(1);
    expect(editDistance('peskov', 'peslov')).toBe(1);
    expect(editDistance('zelensky', 'zelesnky')).toBe(1);
    expect(editDistance('macron', 'medvedev')).toBe(7);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
