import { describe, expect, it } from 'vitest';
import { findNameCandidates } from './candidates';
import { compileMatcher, findMentions, loadMatcher } from './matcher';
import { FIXTURE_ALIASES, FIXTURE_ENTITIES } from './match.fixture';

const matcher = loadMatcher(compileMatcher(FIXTURE_ENTITIES, FIXTURE_ALIASES));

/** The candidate texts the content script would send for fuzzy lookup. */
function candidates(text: string): string[] {
  const found = findNameCandidates(text, findMentions(text, matcher));
  for (const candidate of found) expect(text.slice(candidate.start, candidate.end)).toBe(candidate.text);
  return found.map((candidate) => candidate.text);
}

describe('findNameCandidates', () => {
  it('offers runs of capitalised words that matched no alias', () => {
    expect(candidates('Talks with Dmitry Peslov and Marine Le Pen ended.')).toEqual(['Dmitry Peslov', 'Marine Le Pen']);
    expect(candidates('A letter from Ursula von der Leyen arrived.')).toEqual(['Ursula von der Leyen']);
  });

  it('offers a single capitalised word only when it does not open a sentence', () => {
    expect(candidates('Officials said Zelenskiy would travel.')).toEqual(['Zelenskiy']);
    expect(candidates('Zelenskiy would travel. “Zelenskiy” was quoted.')).toEqual([]);
  });

  it('drops titles, sentence starters, days and months from a run', () => {
    expect(candidates('However, President Zelenskiy met Prime Minister Kir Starmer on Monday in January.')).toEqual([
      'Zelenskiy',
      'Kir Starmer',
    ]);
    expect(candidates('The Meanwhile However Therefore.')).toEqual(['Therefore']);
  });

  it('absorbs a whole mention a misspelt first name adjoins, and offers nothing for known names alone', () => {
    const text = 'Kir Starmer met Emmanuel Macron and Emanuel Macron’s aides.';
    const mentions = findMentions(text, matcher);
    // "Emanuel" is a first name, but not Macron's: the matcher leaves "Macron" to the candidate (`namesAnotherPerson`).
    expect(mentions.map((mention) => text.slice(mention.start, mention.end))).toEqual(['Starmer', 'Emmanuel Macron']);
    expect(findNameCandidates(text, mentions)).toEqual([
      { start: 0, end: 11, text: 'Kir Starmer' },
      { start: 36, end: 50, text: 'Emanuel Macron' },
    ]);
  });

  it('never cuts a mention in two', () => {
    // "U.S." is one mention and a period breaks a run, so "Army Rangers" must not take "S" with it.
    expect(candidates('The U.S. Army Rangers left.')).toEqual(['Army Rangers']);
    // A period inside a mention breaks a run there: the run "Petersburg Zelenskiy" starts inside the
    // mention "St. Petersburg", so it must give up the mention's tail rather than cut it.
    const text = 'In St. Petersburg Zelenskiy spoke.';
    const petersburg = { start: 3, end: 17, entityId: 'st-petersburg', weak: false };
    expect(findNameCandidates(text, [petersburg])).toEqual([{ start: 18, end: 27, text: 'Zelenskiy' }]);
  });

  it('ignores acronyms, lower-case words and runs too long to be a name', () => {
    expect(candidates('the IMF and OSCE said that peace talks resumed')).toEqual([]);
    expect(candidates('At the Annual Meeting Of World Economic Leaders today.')).toEqual([]);
  });

  it('stops a name at a possessive or punctuation', () => {
    expect(candidates('We read Zelenskiy’s letter, Peslov, Medvedev.')).toEqual(['Zelenskiy', 'Peslov', 'Medvedev']);
  });
});
