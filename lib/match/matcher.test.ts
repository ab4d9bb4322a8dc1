import { describe, expect, it } from 'vitest';
import { EntityTypeSchema } from '../pack/schema';
import { COMPILED_MATCHER_FORMAT, decodeIntegers, encodeIntegers, type CompiledMatcher } from './compiled';
import { compileMatcher, ENTITY_TYPE_CODES, entityOf, findMentions, loadMatcher, MatcherFormatError, needsCorroboration, type Matcher } from './matcher';
import { FIXTURE_ALIASES, FIXTURE_ENTITIES } from './match.fixture';

// The compiled matcher crosses runtime messaging and storage: tests load it from its JSON form.
const compiled = compileMatcher(FIXTURE_ENTITIES, FIXTURE_ALIASES);
const matcher = loadMatcher(JSON.parse(JSON.stringify(compiled)) as CompiledMatcher);

/** What a reader would see highlighted: the marked text and the entity it opens. */
function marked(text: string, using: Matcher = matcher): Array<[string, string]> {
  return findMentions(text, using).map(({ start, end, entityId }) => [text.slice(start, end), entityId]);
}

describe('findMentions: normalisation', () => {
  it('folds diacritics both ways', () => {
    expect(marked('Jean-Noel Barrot spoke.')).toEqual([['Jean-Noel Barrot', 'barrot']]);
    expect(marked('Lars Lokke Rasmussen and Løkke')).toEqual([
      ['Lars Lokke Rasmussen', 'lokke'],
      ['Løkke', 'lokke'],
    ]);
  });

  it('folds case for names', () => {
    expect(marked('EMMANUEL MACRON IN PARIS')).toEqual([
      ['EMMANUEL MACRON', 'macron'],
      ['PARIS', 'paris'],
    ]);
    expect(marked('the Coalition Of The Willing and the coalition of the willing')).toEqual([
      ['Coalition Of The Willing', 'coalition'],
      ['coalition of the willing', 'coalition'],
    ]);
  });

  it('does not take a capitalised name written all in lower case for the name: there it is an ordinary word', () => {
    const withWords = loadMatcher(
      compileMatcher(
        [
          { id: 'trump', name: 'Donald Trump', type: 'person' },
          { id: 'le-monde', name: 'Le Monde', type: 'organization' },
          { id: 'turkey', name: 'Turkey', type: 'place' },
        ],
        [{ alias: 'Trump', entityId: 'trump' }],
      ),
    );
    expect(marked('a trump card, roast turkey, and a first dans le monde du renseignement', withWords)).toEqual([]);
    // Any capital will do: a headline, French usage ("le Monde"), a name at a sentence's start.
    expect(marked('TRUMP IN TURKEY. Le monde and le Monde reported; Trump’s plan', withWords)).toEqual([
      ['TRUMP', 'trump'],
      ['TURKEY', 'turkey'],
      ['Le monde', 'le-monde'],
      ['le Monde', 'le-monde'],
      ['Trump', 'trump'],
    ]);
    // A name the store also writes in lower case matches in any case (see 'folds case for names').
    expect(marked('the coalition of the willing')).toEqual([['coalition of the willing', 'coalition']]);
  });

  it('keeps short all-caps acronyms case-sensitive', () => {
    expect(marked('Tell us, un homme, eu, Nato and nato')).toEqual([]);
    expect(marked('The US, the UN, the EU and NATO')).toEqual([
      ['US', 'us'],
      ['UN', 'un'],
      ['EU', 'eu'],
      ['NATO', 'nato'],
    ]);
    const withG7 = loadMatcher(compileMatcher([{ id: 'g7', name: 'G7', type: 'organization' }], []));
    expect(marked('the G7 summit, not g7 or G7s', withG7)).toEqual([['G7', 'g7']]);
    expect(marked('U.S. troops and the U.S.')).toEqual([
      ['U.S.', 'us'],
      ['U.S.', 'us'],
    ]);
  });

  it('keeps the period of an abbreviated last word, and only that', () => {
    const company = loadMatcher(compileMatcher([{ id: 'acme', name: 'Acme Inc', type: 'organization' }], [{ alias: 'Acme', entityId: 'acme' }]));
    expect(marked('Acme Inc. said so. Shares of Acme Inc fell, then Acme.', company)).toEqual([
      ['Acme Inc.', 'acme'],
      ['Acme Inc', 'acme'],
      ['Acme', 'acme'],
    ]);
  });

  it('treats curly and straight apostrophes alike and marks only the name of a possessive', () => {
    expect(marked("Macron's plan, Macron’s plan, Macronʼs plan and Starmer' aides")).toEqual([
      ['Macron', 'macron'],
      ['Macron', 'macron'],
      ['Macron', 'macron'],
      ['Starmer', 'starmer'],
    ]);
    expect(marked('EU’s budget')).toEqual([['EU', 'eu']]);
  });

  it('matches hyphen, en dash, no-break space and space variants of one another', () => {
    for (const text of ['Jean-Noël Barrot', 'Jean Noël Barrot', 'Jean–Noël Barrot', 'Jean\u00a0Noël\nBarrot', 'Jean-Noël-Barrot']) {
      expect(marked(text), text).toEqual([[text, 'barrot']]);
    }
  });

  it('reads through soft hyphens and zero-width characters inside a name, as a reader does', () => {
    expect(marked('Mac\u00ADron met Jean-No\u00ADël Bar\u00ADrot and Zelen\u200Bsky; Macron\u200D’s aides')).toEqual([
      ['Mac\u00ADron', 'macron'],
      ['Jean-No\u00ADël Bar\u00ADrot', 'barrot'],
      ['Zelen\u200Bsky', 'zelensky'],
      ['Macron\u200D', 'macron'],
    ]);
    // They join, never split: "Paris" is still not found inside "Pari\u00ADsien".
    expect(marked('a Pari\u00ADsien café')).toEqual([]);
  });

  it('maps offsets to the original text when it is decomposed or holds surrogate pairs', () => {
    const text = '😀 Jean-Noe\u0308l Barrot 🇫🇷 met Ms Løkke';
    const mentions = findMentions(text, matcher);
    expect(mentions).toEqual([
      { start: 3, end: 20, entityId: 'barrot', weak: false },
      { start: text.indexOf('Løkke'), end: text.length, entityId: 'lokke', weak: false },
    ]);
    expect(text.slice(3, 20)).toBe('Jean-Noe\u0308l Barrot');
  });
});

describe('findMentions: boundaries', () => {
  it('never matches inside a longer word', () => {
    expect(marked('Parisien, UNN, European, Europeans, Macronist, USA, EUR')).toEqual([]);
  });

  it('counts names inside hyphenated compounds', () => {
    expect(marked('non-EU states, the US-led force, UK-France talks, pro-Macron')).toEqual([
      ['EU', 'eu'],
      ['US', 'us'],
      ['UK', 'uk'],
      ['France', 'france'],
      ['Macron', 'macron'],
    ]);
  });

  it('prefers the longest match and never overlaps', () => {
    expect(marked('Le Parisien reported from Paris.')).toEqual([
      ['Le Parisien', 'le-parisien'],
      ['Paris', 'paris'],
    ]);
    expect(marked('President Emmanuel Macron and President Macron')).toEqual([
      ['Emmanuel Macron', 'macron'],
      ['President Macron', 'macron'],
    ]);
    expect(marked('General Mandon and Fabien Mandon')).toEqual([
      ['General Mandon', 'mandon'],
      ['Fabien Mandon', 'mandon'],
    ]);
  });

  it('does not join words across sentence or list punctuation', () => {
    expect(marked('Emmanuel, Macron; Le Parisien/Paris')).toEqual([
      ['Macron', 'macron'],
      ['Le Parisien', 'le-parisien'],
      ['Paris', 'paris'],
    ]);
    const withMagazine = loadMatcher(compileMatcher([{ id: 'paris-match', name: 'Paris Match', type: 'organization' }], []));
    expect(marked('He left Paris. Match reports followed; Paris Match and PARIS-MATCH agreed.', withMagazine)).toEqual([
      ['Paris Match', 'paris-match'],
      ['PARIS-MATCH', 'paris-match'],
    ]);
  });

  it('does not take a place for a mention where it names a newspaper ("The Washington Post")', () => {
    const withPapers = loadMatcher(
      compileMatcher(
        [
          { id: 'washington', name: 'Washington', type: 'place' },
          { id: 'new-york', name: 'New York', type: 'place' },
          { id: 'france', name: 'France', type: 'place' },
          { id: 'kremlin', name: 'Kremlin', type: 'organization' },
        ],
        [],
      ),
    );
    expect(marked('The Washington Post, the New York Times and the NEW YORK TIMES’s editors', withPapers)).toEqual([]);
    expect(marked('the New York Daily News, Washington Today and Washington News', withPapers)).toEqual([]);
    expect(marked('Agence France-Presse (AFP), France Presse and France-Soir', withPapers)).toEqual([]);
    expect(marked('France 24, France 2, France Info and France Télévisions', withPapers)).toEqual([]);
    // A year, a longer number or a score is not a channel.
    expect(marked('France 2024, France 300, New York 8-7 France, France 2–1', withPapers)).toEqual([
      ['France', 'france'],
      ['France', 'france'],
      ['New York', 'new-york'],
      ['France', 'france'],
      ['France', 'france'],
    ]);
    expect(marked('a France-based firm at the France-Italy border', withPapers)).toEqual([
      ['France', 'france'],
      ['France', 'france'],
    ]);
    // Only a capitalised press noun after one space: a post, a new sentence or a line break leave the place.
    expect(marked('a Washington post office; in Washington. Times change; New York\nTimes of war', withPapers)).toEqual([
      ['Washington', 'washington'],
      ['Washington', 'washington'],
      ['New York', 'new-york'],
    ]);
    // Other capitalised words, and organisations, are unaffected.
    expect(marked('Washington Monument, Kremlin Times', withPapers)).toEqual([
      ['Washington', 'washington'],
      ['Kremlin', 'kremlin'],
    ]);
    // A pack that knows the paper marks it as the paper.
    const knowingThePaper = loadMatcher(
      compileMatcher(
        [
          { id: 'washington', name: 'Washington', type: 'place' },
          { id: 'wapo', name: 'The Washington Post', type: 'organization' },
        ],
        [{ alias: 'Washington Post', entityId: 'wapo' }],
      ),
    );
    expect(marked('The Washington Post, in Washington', knowingThePaper)).toEqual([
      ['The Washington Post', 'wapo'],
      ['Washington', 'washington'],
    ]);
  });

  it('does not take a surname after another first name for the person ("Brigitte Macron")', () => {
    const family = loadMatcher(
      compileMatcher(
        [
          { id: 'trump', name: 'Donald Trump', type: 'person' },
          { id: 'le-pen', name: 'Marine Le Pen', type: 'person' },
          { id: 'france', name: 'France', type: 'place' },
        ],
        [
          { alias: 'Trump', entityId: 'trump' },
          { alias: 'Le Pen', entityId: 'le-pen' },
        ],
      ),
    );
    // A known first name, anywhere: at a sentence's start, in a headline's Title Case, in capitals.
    expect(marked('Brigitte Macron visited a school.')).toEqual([]);
    expect(marked('Eric Trump Slams Critics Of The Deal', family)).toEqual([]);
    // compromise's lexicon lacks some names in the news; build:pack adds them (NEWS_FIRST_NAMES).
    expect(marked('Melania Trump Wears Gown; Barron Trump Turns 18', family)).toEqual([]);
    expect(marked('Jean-Marie Le Pen founded the party; Marine Le Pen leads it.', family)).toEqual([['Marine Le Pen', 'le-pen']]);
    // In prose, any capitalised word that is not a title, a party or a nationality reads as a first name.
    expect(marked('the envoy met Ivanka Trump at the embassy on Monday', family)).toEqual([]);
    // The person's own names, titles, possessives, parties, nationalities and other mentions leave the surname theirs.
    expect(marked('Donald John Trump was sworn in; Mr Trump and President Trump spoke', family)).toEqual([
      ['Trump', 'trump'],
      ['Trump', 'trump'],
      ['Trump', 'trump'],
    ]);
    expect(marked('France’s Le Pen and France Le Pen allies, like fellow Republican Trump, the American Trump', family)).toEqual([
      ['France', 'france'],
      ['Le Pen', 'le-pen'],
      ['France', 'france'],
      ['Le Pen', 'le-pen'],
      ['Trump', 'trump'],
      ['Trump', 'trump'],
    ]);
    // Title Case capitalises verbs too: there an unknown capitalised word says nothing.
    expect(marked('Obama Meets Trump in Washington', family)).toEqual([['Trump', 'trump']]);
    expect(marked('Senate Republicans Back Trump on Tariffs', family)).toEqual([['Trump', 'trump']]);
    expect(marked('Yesterday Trump said so. Ask Trump yourself.', family)).toEqual([
      ['Trump', 'trump'],
      ['Trump', 'trump'],
    ]);
    // An acronym before the name, or a line break, is no first name.
    expect(marked('the GOP Trump agenda; Ivanka\nTrump', family)).toEqual([
      ['Trump', 'trump'],
      ['Trump', 'trump'],
    ]);
    // "Jr." after a person's name names the son, unless the store knows him.
    expect(marked('Donald Trump Jr. and Trump Jr, Donald Trump, Jr., and Trump Junior; Trump jr', family)).toEqual([['Trump', 'trump']]);
    const withSon = loadMatcher(
      compileMatcher(
        [
          { id: 'trump', name: 'Donald Trump', type: 'person' },
          { id: 'trump-jr', name: 'Donald Trump Jr.', type: 'person' },
          { id: 'mlk', name: 'Martin Luther King Jr.', type: 'person' },
        ],
        [{ alias: 'Luther King', entityId: 'mlk' }],
      ),
    );
    expect(marked('Luther King Jr. spoke', withSon)).toEqual([['Luther King', 'mlk']]);
    // The son's mark takes the period of "Jr." (the sentence's own period is never part of a name).
    expect(marked('Donald Trump Jr. and Donald Trump. Then Donald Trump Jr.', withSon)).toEqual([
      ['Donald Trump Jr.', 'trump-jr'],
      ['Donald Trump', 'trump'],
      ['Donald Trump Jr.', 'trump-jr'],
    ]);
    // A place after a first name is a person's surname; other capitalised words leave it a place.
    const places = loadMatcher(compileMatcher([{ id: 'washington', name: 'Washington', type: 'place' }], []));
    expect(marked('George Washington crossed the Delaware; Greater Washington and Martha Washington; in Washington', places)).toEqual([
      ['Washington', 'washington'],
      ['Washington', 'washington'],
    ]);
    // A misspelt first name is left whole to the fuzzy lookup ("Kir Starmer"); the full name is unaffected.
    expect(marked('the mayor then met Kir Starmer with other leaders; Keir Starmer and Starmer')).toEqual([
      ['Keir Starmer', 'starmer'],
      ['Starmer', 'starmer'],
    ]);
  });

  it('finds nothing in text without aliases, and nothing with an empty matcher', () => {
    expect(marked('')).toEqual([]);
    expect(marked('   ...   ')).toEqual([]);
    expect(marked('Macron in Paris', loadMatcher(compileMatcher([], [])))).toEqual([]);
  });
});

describe('findMentions: aliases that name other things too', () => {
  /** The marked text of each weak mention (an alias that needs corroboration on the page). */
  const weak = (text: string): string[] => findMentions(text, matcher).filter((mention) => mention.weak).map(({ start, end }) => text.slice(start, end));

  it('flags an organisation’s name without its distinguishing words, and an English gloss, as weak', () => {
    const text = 'The French Communist Party (PCF) met the Communist Party; the Patriots won, and so did Les Patriotes.';
    expect(marked(text)).toEqual([
      ['French Communist Party', 'pcf'],
      ['PCF', 'pcf'],
      ['Communist Party', 'pcf'],
      ['the Patriots', 'patriotes'],
      ['Les Patriotes', 'patriotes'],
    ]);
    expect(weak('The party congress: the Communist Party met; the Patriots won.')).toEqual(['Communist Party', 'the Patriots']);
  });

  it('takes a weak alias as a plain mention where its paragraph has a word of the name the alias leaves out', () => {
    // Seed article 000: "French troops" in the sentence before.
    const seed =
      'However, some politicians oppose sending French troops into Ukraine. Representatives of the NF, National Rally and the Communist Party stated that troops could only be sent with a UN mandate.';
    expect(marked(seed)).toContainEqual(['Communist Party', 'pcf']);
    expect(weak(seed)).toEqual([]);
    // "Party" and "the" are in the name too, but say nothing.
    expect(weak('The party said the Communist Party would vote')).toEqual(['Communist Party']);
    expect(weak('Chinese officials said the Communist Party would meet; the Patriots won the game, said Patriotes fans.')).toEqual(['Communist Party']);
  });

  it('drops a weak alias that another capitalised word qualifies: another organisation', () => {
    const french = 'French officials met the Chinese Communist Party, the Communist Party of China and the Communist Party of the Russian Federation.';
    expect(marked(french)).toEqual([]);
    expect(marked('Chinese Communist Party leaders met.')).toEqual([]);
    // A sentence's first word, an article, a day or the name's own word qualifies nothing.
    expect(marked('French voters. Yesterday Communist Party officials met; on Monday Communist Party members of parliament left.')).toEqual([
      ['Communist Party', 'pcf'],
      ['Communist Party', 'pcf'],
    ]);
    expect(weak('The Communist Party said so, and The Patriots won.')).toEqual(['Communist Party', 'The Patriots']);
    // An alias that opens with its article is not qualified by the word before it.
    expect(weak('In Foxborough the Patriots beat the Jets.')).toEqual(['the Patriots']);
  });

  it('never flags a canonical name, an acronym, or a person’s surname', () => {
    expect(weak('Emmanuel Macron and Macron; the EU and the European Union; Kremlin; PCF; coalition of the willing')).toEqual([]);
  });

  it('decides by the rule needsCorroboration, on token keys', () => {
    const org = { name: 'French Communist Party', type: 'organization' as const };
    expect(needsCorroboration('Communist Party', org)).toBe(true);
    expect(needsCorroboration('communist-party', org)).toBe(true);
    expect(needsCorroboration('French Communist Party', org)).toBe(false);
    expect(needsCorroboration('PCF', org)).toBe(false);
    expect(needsCorroboration('The Patriots', { name: 'Les Patriotes', type: 'organization' })).toBe(true);
    expect(needsCorroboration('Guardian', { name: 'The Guardian', type: 'organization' })).toBe(false);
    expect(needsCorroboration('The Kremlin', { name: 'Kremlin', type: 'organization' })).toBe(false);
    expect(needsCorroboration('the White House', { name: 'White House', type: 'place' })).toBe(false);
    expect(needsCorroboration('The Communist Party', { name: 'French Communist Party', type: 'organization' })).toBe(true);
    expect(needsCorroboration('Oxford', { name: 'University of Oxford', type: 'organization' })).toBe(true);
    expect(needsCorroboration('China', { name: 'People’s Republic of China', type: 'place' })).toBe(false);
    expect(needsCorroboration('Ireland', { name: 'Republic of Ireland', type: 'place' })).toBe(false);
    expect(needsCorroboration('Trump', { name: 'Donald Trump', type: 'person' })).toBe(false);
    expect(needsCorroboration('The Donald', { name: 'Donald Trump', type: 'person' })).toBe(false);
  });
});

describe('compileMatcher', () => {
  it('gives a contested alias to the entity whose canonical name it is, else to the first claimant', () => {
    const entities = [
      { id: 'paris-city', name: 'Paris', type: 'place' as const },
      { id: 'paris-hilton', name: 'Paris Hilton', type: 'person' as const },
      { id: 'georgia-country', name: 'Georgia', type: 'place' as const },
      { id: 'georgia-state', name: 'State of Georgia', type: 'place' as const },
    ];
    const contested = loadMatcher(
      compileMatcher(entities, [
        { alias: 'Paris', entityId: 'paris-hilton' },
        { alias: 'Tbilisi government', entityId: 'georgia-country' },
        { alias: 'Tbilisi government', entityId: 'georgia-state' },
      ]),
    );
    expect(marked('Paris and the Tbilisi government', contested)).toEqual([
      ['Paris', 'paris-city'],
      ['Tbilisi government', 'georgia-country'],
    ]);
  });

  it('ignores aliases of unknown entities and aliases without a word', () => {
    const lone = loadMatcher(
      compileMatcher(
        [{ id: 'x', name: 'X', type: 'organization' }],
        [
          { alias: 'Twitter', entityId: 'missing' },
          { alias: '—', entityId: 'x' },
        ],
      ),
    );
    expect(marked('X, formerly Twitter', lone)).toEqual([]);
  });

  it('produces plain JSON data', () => {
    expect(JSON.parse(JSON.stringify(compiled))).toEqual(compiled);
    expect(compiled.format).toBe(COMPILED_MATCHER_FORMAT);
  });
});

describe('loadMatcher', () => {
  it('rejects a matcher of another format with a clear error', () => {
    expect(() => loadMatcher({ ...compiled, format: 'factcards-matcher/0' as typeof COMPILED_MATCHER_FORMAT })).toThrow(
      new MatcherFormatError(`unsupported matcher format "factcards-matcher/0", expected "${COMPILED_MATCHER_FORMAT}"`),
    );
  });

  it('rejects alias records that point at no entity or no token, or do not decode', () => {
    expect(() => loadMatcher({ ...compiled, aliases: encodeIntegers([999, 1, 0]) })).toThrow(MatcherFormatError);
    expect(() => loadMatcher({ ...compiled, aliases: encodeIntegers([0, 1, 99_999]) })).toThrow(MatcherFormatError);
    expect(() => loadMatcher({ ...compiled, aliases: encodeIntegers([0, 5, 0]) })).toThrow(MatcherFormatError);
    expect(() => loadMatcher({ ...compiled, aliases: '"\\' })).toThrow(MatcherFormatError);
  });
});

describe('encodeIntegers', () => {
  it('round-trips integers of every size through JSON', () => {
    const values = [0, 1, 31, 32, 1023, 1024, 65_535, 1_000_000, 2 ** 31 - 1];
    const encoded = encodeIntegers(values);
    expect(encoded).not.toMatch(/["\\]/);
    expect([...(decodeIntegers(JSON.parse(JSON.stringify(encoded)) as string) ?? [])]).toEqual(values);
    expect(() => encodeIntegers([2 ** 31])).toThrow(RangeError);
    expect(decodeIntegers(encoded.slice(0, -1))).toBeNull();
  });
});

describe('entityOf', () => {
  it('gives the canonical name and type of a matched entity', () => {
    expect(entityOf(matcher, 'barrot')).toEqual({ id: 'barrot', name: 'Jean-Noël Barrot', type: 'person' });
    expect(entityOf(matcher, 'le-parisien')).toEqual({ id: 'le-parisien', name: 'Le Parisien', type: 'organization' });
    expect(entityOf(matcher, 'coalition')?.type).toBe('concept');
    expect(entityOf(matcher, 'nobody')).toBeUndefined();
  });

  it('encodes every entity type of the pack schema', () => {
    expect([...ENTITY_TYPE_CODES]).toEqual(EntityTypeSchema.options);
  });
});
