import { describe, expect, it, vi } from 'vitest';
import { PackSchema, type Pack } from '../pack/schema';
import { deriveArticleId, extractPack, type ArticleInput, type ExtractOptions } from './index';

const OPTIONS: ExtractOptions = {
  id: 'test-pack',
  name: 'Test pack',
  description: 'Extractor unit test',
  source: 'vitest',
  created: '2024-12-01T00:00:00Z',
};

function article(text: string, overrides: Partial<ArticleInput> = {}): ArticleInput {
  return {
    title: 'A test article',
    outlet: 'unknown',
    url: null,
    publishedAt: { date: '2024-11-26', precision: 'day' },
    language: 'en',
    text,
    citedOutlets: [],
    ...overrides,
  };
}

function entity(pack: Pack, id: string) {
  const found = pack.entities.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no entity ${id}; have ${pack.entities.map((e) => e.id).join(', ')}`);
  return found;
}

function contextsOf(pack: Pack, id: string) {
  return pack.contexts.filter((context) => context.entityId === id);
}

const BARROT =
  'During a visit to London on November 22, French Foreign Minister Jean-Noel Barrot told the media that allies should not draw red lines. ' +
  'When asked about sending troops, Mr. Barrot stated that "no option is excluded." ' +
  'According to Le Monde, the plan includes private defense companies.';

describe('extractPack', () => {
  it('produces a pack PackSchema accepts, with the options as its metadata', () => {
    const pack = extractPack([article(BARROT, { id: 'a1' })], OPTIONS);
    expect(PackSchema.safeParse(pack).success).toBe(true);
    expect(pack).toMatchObject({ formatVersion: 1, id: 'test-pack', name: 'Test pack', created: '2024-12-01T00:00:00Z', source: 'vitest' });
  });

  it('links a later surname-only mention ("Mr. Barrot") to the full name in the same article', () => {
    const pack = extractPack([article(BARROT, { id: 'a1' })], OPTIONS);
    const barrot = entity(pack, 'person:jean-noel-barrot');
    const mentions = contextsOf(pack, barrot.id).map((context) => context.sentence.slice(context.start, context.end));
    expect(mentions).toEqual(['Jean-Noel Barrot', 'Barrot']);
    expect(barrot.aliases).toContain('Barrot');
  });

  it('gives the role from the title, dated by the article, and the event date from the sentence', () => {
    const pack = extractPack([article(BARROT, { id: 'a1' })], OPTIONS);
    const barrot = entity(pack, 'person:jean-noel-barrot');
    expect(barrot.roles).toEqual([{ title: 'French Foreign Minister', asOf: { date: '2024-11-26', precision: 'day' }, articleId: 'a1' }]);
    expect(contextsOf(pack, barrot.id)[0]?.eventDate).toEqual({ date: '2024-11-22', precision: 'day' });
  });

  it('prefers the accented spelling as the canonical name and keeps the folded one as an alias', () => {
    const pack = extractPack(
      [
        article(BARROT, { id: 'a1' }),
        article('These comments align with those of Foreign Minister Jean-Noël Barrot in London.', { id: 'a2' }),
      ],
      OPTIONS,
    );
    const barrot = entity(pack, 'person:jean-noel-barrot');
    expect(barrot.name).toBe('Jean-Noël Barrot');
    expect(barrot.aliases).toEqual(expect.arrayContaining(['Jean-Noel Barrot', 'Barrot']));
    expect(contextsOf(pack, barrot.id).map((context) => context.articleId)).toEqual(['a1', 'a1', 'a2']);
  });

  it('attributes a sentence to the outlet it cites, and "the newspaper" to the last one cited', () => {
    const text =
      'This was reported by the newspaper Le Parisien on Monday. According to the newspaper, Emmanuel Macron met party leaders. ' +
      'However, as reported by La Dépêche du Midi and Le Parisien, Macron talked about several thousand troops. Macron also spoke of Russia.';
    const pack = extractPack([article(text, { id: 'a1' })], OPTIONS);
    const macron = contextsOf(pack, 'person:emmanuel-macron');
    expect(macron.map((context) => context.attributedTo)).toEqual(['Le Parisien', 'La Dépêche du Midi', null]);
    expect(entity(pack, 'organization:la-depeche-du-midi').type).toBe('organization');
  });

  it('does not take a person cited with "according to" for an outlet', () => {
    const text = 'Prime Minister Sebastien Lecornu attended the meeting. According to Lecornu, it is important to engage delegates.';
    const pack = extractPack([article(text, { id: 'a1' })], OPTIONS);
    expect(pack.entities.map((e) => e.id)).not.toContain('organization:lecornu');
    expect(contextsOf(pack, 'person:sebastien-lecornu').map((context) => context.attributedTo)).toEqual([null, null]);
  });

  it('uses the acronym the text gives as an alias and finds it later', () => {
    const text =
      'Elie Tenenbaum, Director of the Center for Security Studies at the French Institute of International Relations (IFRI), spoke. ' +
      'IFRI later published a report.';
    const pack = extractPack([article(text, { id: 'a1' })], OPTIONS);
    const ifri = entity(pack, 'organization:french-institute-of-international-relations');
    expect(ifri.aliases).toContain('IFRI');
    expect(contextsOf(pack, ifri.id)).toHaveLength(2);
  });

  it('recognises gazetteer entries by any alias, under their canonical name', () => {
    const pack = extractPack([article('Planners will meet in the U.K. next month, and Britain will host them.', { id: 'a1' })], {
      ...OPTIONS,
      gazetteer: [{ name: 'United Kingdom', type: 'place', aliases: ['UK', 'U.K.', 'Britain'], description: 'Country in Europe' }],
    });
    const uk = entity(pack, 'place:united-kingdom');
    expect(uk.description).toBe('Country in Europe');
    expect(contextsOf(pack, uk.id)).toHaveLength(1);
    expect(contextsOf(pack, uk.id)[0]?.sentence.slice(contextsOf(pack, uk.id)[0]?.start, contextsOf(pack, uk.id)[0]?.end)).toBe('U.K.');
  });

  it('keeps the id a gazetteer entry comes with, so new articles attach to the stored entity', () => {
    const pack = extractPack([article('Macron met Starmer. Emmanuel Macron spoke first.', { id: 'a1' })], {
      ...OPTIONS,
      gazetteer: [
        { id: 'q3052772', name: 'Emmanuel Macron', type: 'person', aliases: ['Macron'] },
        { id: 'Not Valid', name: 'Keir Starmer', type: 'person', aliases: ['Starmer'] },
      ],
    });
    expect(pack.entities.map((e) => e.id)).toEqual(['person:keir-starmer', 'q3052772']);
    expect(contextsOf(pack, 'q3052772')).toHaveLength(2);
  });

  it('leaves out gazetteer entries no article mentions', () => {
    const pack = extractPack([article(BARROT, { id: 'a1' })], {
      ...OPTIONS,
      gazetteer: [{ name: 'Odesa', type: 'place', aliases: ['Odessa'] }],
    });
    expect(pack.entities.map((e) => e.id)).not.toContain('place:odesa');
  });

  it('drops rejected aliases and ignored names given by curation', () => {
    const text = 'The head of the faction of the left-wing party “France Disobedient” (FN), Mathilde Panot, spoke. The FN was absent.';
    const alone = extractPack([article(text, { id: 'a1' })], OPTIONS);
    expect(entity(alone, 'organization:france-disobedient').aliases).toContain('FN');
    const curated = extractPack([article(text, { id: 'a1' })], {
      ...OPTIONS,
      curation: {
        entities: [{ name: 'La France Insoumise', type: 'organization', aliases: ['France Disobedient', 'LFI'], description: null }],
        rejectedAliases: [{ entity: 'La France Insoumise', alias: 'FN', reason: 'mistranslation' }],
        ignoredNames: [{ name: 'FN', reason: 'ambiguous' }],
      },
    });
    const lfi = entity(curated, 'organization:la-france-insoumise');
    expect(lfi.aliases).not.toContain('FN');
    expect(contextsOf(curated, lfi.id)).toHaveLength(1);
    expect(curated.contexts.some((context) => context.sentence.slice(context.start, context.end) === 'FN')).toBe(false);
  });

  it('derives stable article ids from the URL, or the text when there is none', () => {
    const withUrl = article('Some text about Paris.', { url: 'https://example.com/a' });
    expect(deriveArticleId(withUrl)).toBe(deriveArticleId({ ...withUrl, text: 'Other text.' }));
    expect(deriveArticleId(article('One text.'))).not.toBe(deriveArticleId(article('Another text.')));
    expect(deriveArticleId(article('One text.'))).toMatch(/^article:[0-9a-f]+$/);
    const pack = extractPack([article('Macron visited Paris.'), article('Macron visited Paris.')], OPTIONS);
    expect(pack.articles).toHaveLength(1);
  });

  it('is deterministic and reports progress per article', () => {
    const inputs = [article(BARROT, { id: 'b' }), article('Keir Starmer visited France on November 11.', { id: 'a' })];
    const onProgress = vi.fn();
    const first = extractPack(inputs, { ...OPTIONS, onProgress });
    const second = extractPack([...inputs].reverse(), OPTIONS);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(first.articles.map((a) => a.id)).toEqual(['a', 'b']);
    expect(first.entities.map((e) => e.id)).toEqual([...first.entities.map((e) => e.id)].sort());
    // Reported as each article is read (the long part), then as names are collected across articles.
    const read = onProgress.mock.calls.map(([progress]) => (progress as { articlesRead: number }).articlesRead);
    expect(read.slice(0, 2)).toEqual([1, 2]);
    expect(read.every((count, index) => index === 0 || count >= (read[index - 1] ?? 0))).toBe(true);
    expect(onProgress).toHaveBeenLastCalledWith({ articlesRead: 2, entitiesFound: expect.any(Number) });
  });
});

describe('extractPack on hostile or unusual input', () => {
  it('still produces a valid pack from a huge unpunctuated text, odd characters and markup-like strings', () => {
    const wall = Array.from({ length: 3_000 }, (_, i) => (i % 7 === 0 ? 'Emmanuel Macron' : 'word')).join(' ');
    const odd = 'Le Monde reports <script>alert(1)</script> that Jean-Noël Barrot met \u0000 Ａｌｉｃｅ in Kyiv\u200b. ' + 'A'.repeat(2_000) + '.';
    const pack = extractPack(
      [article(wall, { id: 'wall' }), article(odd, { id: 'odd', url: 'https://example.com/odd' }), article('x', { id: 'Not A Valid Id!' })],
      OPTIONS,
    );
    const result = PackSchema.safeParse(pack);
    expect(result.error?.issues.slice(0, 3) ?? []).toEqual([]);
    expect(pack.contexts.every((context) => context.sentence.length <= 1_000)).toBe(true);
    expect(pack.entities.map((e) => e.id)).toEqual(expect.arrayContaining(['person:emmanuel-macron', 'person:jean-noel-barrot', 'place:kyiv']));
    // An id that is not a valid pack id is replaced by a derived one rather than making the pack invalid.
    expect(pack.articles.map((a) => a.id)).toEqual(expect.arrayContaining(['odd', 'wall', expect.stringMatching(/^article:/)]));
  });

  it('keeps offsets right when the text uses decomposed diacritics', () => {
    const decomposed = 'Foreign Minister Jean-Noe\u0308l Barrot spoke in London. Barrot left.';
    const pack = extractPack([article(decomposed, { id: 'a1' })], OPTIONS);
    expect(pack.contexts.map((context) => context.entityId)).toEqual(['person:jean-noel-barrot', 'place:london', 'person:jean-noel-barrot']);
    for (const context of pack.contexts) {
      const mention = context.sentence.slice(context.start, context.end);
      expect(mention.normalize('NFC'), context.entityId).toMatch(/^(Jean-Noël Barrot|Barrot|London)$/);
    }
  });
});

describe('extractPack: names seen only in capitals', () => {
  it('title-cases a person or place seen only in capitals, but keeps an acronym', () => {
    const pack = extractPack([article('LONDON — The leaders of NATO met on Monday.', { id: 'a1' })], OPTIONS);
    expect(pack.entities.map((e) => e.name)).toEqual(expect.arrayContaining(['London', 'NATO']));
  });
});
