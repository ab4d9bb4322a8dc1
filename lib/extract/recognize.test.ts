import { describe, expect, it } from 'vitest';
import { findAttributionCues, findOutletMentions, recognizeSentence } from './recognize';

function names(sentence: string) {
  return recognizeSentence(sentence).map((candidate) => `${candidate.type}:${candidate.name}`);
}

describe('recognizeSentence', () => {
  it('finds people without their titles, honorifics or possessives', () => {
    const found = names('During a visit to London on November 22, French Foreign Minister Jean-Noel Barrot told the media.');
    expect(found).toContain('person:Jean-Noel Barrot');
    expect(found).toContain('place:London');
    expect(names('Le Monde quoted Mr. Elie Tenenbaum, Director of the Center for Security Studies.')).toContain('person:Elie Tenenbaum');
    expect(names("It came with President Donald Trump’s return.")).toContain('person:Donald Trump');
  });

  it('finds people compromise misses when a title or an apposition introduces them', () => {
    expect(names('The call included Italian Prime Minister Giorgia Meloni and others.')).toContain('person:Giorgia Meloni');
    expect(names('“Remarkable,” said Marine Tondelier, leader of the left-wing Ecology party.')).toContain('person:Marine Tondelier');
  });

  it('keeps an institution apart from the person named right after it', () => {
    const found = names('It was attended by the head of the Ministry of the Armed Forces Catherine Vautrin and others.');
    expect(found).toContain('organization:Ministry of the Armed Forces');
    expect(found).toContain('person:Catherine Vautrin');
  });

  it('finds parties named with a lower-case "party", with the acronym or translation given', () => {
    const quoted = recognizeSentence('The head of the faction of the left-wing party “France Disobedient” (FN), Mathilde Panot, spoke.');
    expect(quoted.find((candidate) => candidate.name === 'France Disobedient')).toMatchObject({ type: 'organization', aliases: ['FN'] });
    const translated = recognizeSentence('The leader of the right-wing Les Patriotes (The Patriots) party, Florian Philippot, spoke.');
    expect(translated.find((candidate) => candidate.name === 'Les Patriotes')).toMatchObject({ type: 'organization', aliases: ['The Patriots'] });
    expect(names('He leads the left-wing Ecology party.')).toContain('organization:Ecology party');
  });

  it('takes an organization’s acronym from the parentheses after it', () => {
    const found = recognizeSentence('He directs a centre at the French Institute of International Relations (IFRI), saying so.');
    expect(found.find((candidate) => candidate.name === 'French Institute of International Relations')?.aliases).toEqual(['IFRI']);
  });

  it('splits the lists compromise joins into one place each', () => {
    const found = names('Some countries, such as Lithuania, Latvia, Estonia, and Canada, agreed.');
    expect(found).toEqual(expect.arrayContaining(['place:Lithuania', 'place:Latvia', 'place:Estonia', 'place:Canada']));
  });

  it('never proposes months, weekdays, pronouns or bare titles', () => {
    const found = recognizeSentence('On Saturday in January, He and the President met. They said The General agreed.').map((c) => c.name);
    for (const junk of ['Saturday', 'January', 'He', 'They', 'President', 'The', 'General', 'On']) expect(found).not.toContain(junk);
  });
});

describe('findOutletMentions', () => {
  it('finds outlets by how they are cited', () => {
    const cited = (sentence: string) => findOutletMentions(sentence).map((mention) => mention.name);
    expect(cited('This was reported by the newspaper Le Parisien in connection with it.')).toEqual(['Le Parisien']);
    expect(cited('However, as reported by La Dépêche du Midi and Le Parisien, he talked.')).toEqual(['La Dépêche du Midi', 'Le Parisien']);
    expect(cited('The idea caused controversy, according to TASS.')).toEqual(['TASS']);
    expect(cited('In contrast, Le Monde noted that no one opposed it.')).toEqual(['Le Monde']);
    expect(cited('He said so in an interview with the BBC.')).toEqual(['BBC']);
  });

  it('needs an article or an acronym before a weak cue, so "Macron noted" is no outlet', () => {
    expect(findOutletMentions('Macron noted that the plan was ready.')).toEqual([]);
  });
});

describe('findAttributionCues', () => {
  it('reports "according to the newspaper" as an anaphoric cue', () => {
    expect(findAttributionCues('According to the newspaper, the purpose was to inform delegates.')).toEqual([{ outletName: null, index: 0 }]);
    expect(findAttributionCues("According to the agency's sources, talks intensified.")).toEqual([{ outletName: null, index: 0 }]);
  });
});

describe('findAttributionCues: what is not a cue', () => {
  it('does not read "called the report shocking" as an attribution', () => {
    expect(findAttributionCues('Florian Philippot called the report shocking and called for protests.')).toEqual([]);
  });

  it('reads "The agency adds" as pointing back to the outlet last cited', () => {
    expect(findAttributionCues('The agency adds that the initiative had been revived.')).toEqual([{ outletName: null, index: 0 }]);
  });
});

describe('recognizeSentence on other pages', () => {
  it('does not make a bare keyword or company suffix an organization', () => {
    const found = recognizeSentence('The Center said the Government and the Party agreed. Chicago Mercantile Exchange Inc, New York.').map((c) => c.name);
    for (const junk of ['Center', 'Government', 'Party', 'Inc', 'New']) expect(found).not.toContain(junk);
  });
});

describe('findOutletMentions: common citation forms', () => {
  it.each([
    ['Two sources told Reuters that the deal was off.', 'Reuters'],
    ['The New York Times reported that the talks failed.', 'The New York Times'],
    ['According to the Associated Press, he left.', 'Associated Press'],
    ['The Guardian said the plan was secret.', 'The Guardian'],
    ['Speaking to the BBC, the minister said so.', 'BBC'],
    ['He told The Washington Post that the war would end.', 'The Washington Post'],
    ['AFP quoted him as saying it.', 'AFP'],
  ])('%s → %s', (sentence, outlet) => {
    expect(findOutletMentions(sentence).map((mention) => mention.name)).toEqual([outlet]);
  });
});

describe('recognizeSentence: page furniture', () => {
  it('rejects captions, letter indexes, auxiliaries and title-case headlines', () => {
    const found = recognizeSentence(
      'Photo: JIM WATSON/AFP/Getty Images. Index M N O. It Will Be fine. Sean Spicer Holds First Formal Press Briefing Today.',
    ).map((c) => c.name);
    expect(found.filter((name) => /\/|^M N O$|Will Be|Press Briefing/.test(name))).toEqual([]);
  });

  it('keeps particles inside a name and drops a byline’s "By"', () => {
    expect(names('Commission President Ursula von der Leyen spoke.')).toContain('person:Ursula von der Leyen');
    expect(names('By Martin Untersinger, in Paris.')).toContain('person:Martin Untersinger');
  });
});
