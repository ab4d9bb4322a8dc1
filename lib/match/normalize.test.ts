import { describe, expect, it } from 'vitest';
import { foldName, isJoiner, tokenize } from './normalize';

describe('foldName', () => {
  it('folds case and diacritics, composed or decomposed', () => {
    expect(foldName('Jean-Noël Barrot')).toBe('jean noel barrot');
    expect(foldName('Jean-Noe\u0308l Barrot')).toBe('jean noel barrot');
    expect(foldName('ÉLYSÉE')).toBe('elysee');
    expect(foldName('Dvořák Šťastný')).toBe('dvorak stastny');
  });

  it('folds letters Unicode does not decompose the way readers write them without diacritics', () => {
    expect(foldName('Løkke')).toBe('lokke');
    expect(foldName('Straße')).toBe('strasse');
    expect(foldName('Ærø')).toBe('aero');
    expect(foldName('Łukasz Wałęsa')).toBe('lukasz walesa');
    expect(foldName('Œuvre')).toBe('oeuvre');
    expect(foldName('ΤΣΙΠΡΑΣ')).toBe(foldName('Τσίπρας'));
  });

  it('treats hyphens, dashes, apostrophes and spaces as word separators', () => {
    expect(foldName('Jean–Noël')).toBe(foldName('Jean Noël'));
    expect(foldName('d’Estaing')).toBe(foldName("d'Estaing"));
    expect(foldName('dʼEstaing')).toBe('d estaing');
  });
});

describe('tokenize', () => {
  it('keeps combining marks inside their word and splits on emoji', () => {
    const text = 'Noe\u0308l😀Paris';
    expect(tokenize(text).map(({ start, end }) => text.slice(start, end))).toEqual(['Noe\u0308l', 'Paris']);
  });
});

describe('isJoiner', () => {
  const joins = (gap: string): boolean => isJoiner(`a${gap}b`, 1, 1 + gap.length, 1);
  it('accepts the gaps found inside names', () => {
    for (const gap of [' ', '-', '–', '\u00a0', ' - ', '. ', '’', "'", '\u2011']) expect(joins(gap), JSON.stringify(gap)).toBe(true);
  });
  it('rejects gaps that separate names', () => {
    for (const gap of ['', ', ', '; ', '    ', '/', '--', '. - ']) expect(joins(gap), JSON.stringify(gap)).toBe(false);
  });
  it('lets a period join words only after an initial or abbreviation', () => {
    expect(isJoiner('St. Petersburg', 2, 4, 2)).toBe(true);
    expect(isJoiner('Paris. Match', 5, 7, 5)).toBe(false);
  });
});
