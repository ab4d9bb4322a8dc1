import { describe, expect, it } from 'vitest';
import type { ArticleSearchItem, EntitySearchItem, SearchHit } from '../messaging/protocol';
import { createCorpusSearch, type ArticleSearchDoc, type EntitySearchDoc } from './index';

const entity = (doc: Partial<EntitySearchDoc> & Pick<EntitySearchDoc, 'id' | 'name'>): EntitySearchDoc => ({
  type: 'person',
  description: null,
  aliases: [],
  roles: [],
  ...doc,
});

const ENTITIES: EntitySearchDoc[] = [
  entity({ id: 'macron', name: 'Emmanuel Macron', aliases: ['Macron'], roles: ['President of France'], description: 'President of France' }),
  entity({ id: 'marcon', name: 'Marco Nardi', description: 'Italian diplomat' }),
  entity({ id: 'barrot', name: 'Jean-Noël Barrot', aliases: ['Barrot'], roles: ['Minister for Europe and Foreign Affairs'] }),
  entity({ id: 'jean', name: 'Jean Castex', aliases: ['Castex'] }),
  entity({
    id: 'coalition',
    name: 'coalition of the willing',
    type: 'concept',
    aliases: ['coalition of readiness', 'coalition of the willing'],
    description: 'Countries ready to guarantee a ceasefire in Ukraine',
  }),
  entity({ id: 'mandon', name: 'Fabien Mandon', aliases: ['General Mandon'], roles: ['Chief of the Defence Staff'] }),
  entity({ id: 'ukraine', name: 'Ukraine', type: 'place' }),
  entity({ id: 'ukraine-army', name: 'Armed Forces of Ukraine', type: 'organization', aliases: ['Ukrainian army'] }),
  entity({ id: 'lokke', name: 'Lars Løkke Rasmussen', aliases: ['Løkke'] }),
];

const ARTICLES: ArticleSearchDoc[] = [
  {
    id: 'a1',
    title: 'Paris and London plan a reassurance force',
    outlet: 'Le Monde',
    publishedAt: { date: '2025-03-02', precision: 'day' },
    url: 'https://example.org/a1',
    text: 'General Mandon said on Tuesday that the army must be ready. '.repeat(3),
  },
  {
    id: 'a2',
    title: 'Macron hosts European leaders',
    outlet: 'Reuters',
    publishedAt: null,
    url: null,
    text: 'The president received his counterparts at the Élysée.',
  },
];

/** The emphasised parts of a hit's displayed field, as the popup shows them. */
function emphasised(hit: SearchHit<EntitySearchItem | ArticleSearchItem> | undefined, field: string): string[] {
  if (!hit) return [];
  const item = hit.item as unknown as Record<string, unknown>;
  const [name, position] = field.split('.');
  const value = position === undefined ? item[name ?? ''] : (item[name ?? ''] as string[] | undefined)?.[Number(position)];
  if (typeof value !== 'string') return [];
  return hit.highlights.filter((highlight) => highlight.field === field).flatMap((highlight) => highlight.ranges.map(([start, end]) => value.slice(start, end)));
}

const search = createCorpusSearch({ entities: ENTITIES, articles: ARTICLES });
const entityIds = (query: string) => search.search(query).entities.map((hit) => hit.item.id);

describe('createCorpusSearch', () => {
  it('finds an entity by its exact name first', () => {
    expect(entityIds('Mandon')[0]).toBe('mandon');
    expect(entityIds('Emmanuel Macron')[0]).toBe('macron');
  });

  it('tolerates typos', () => {
    expect(entityIds('Maccron')[0]).toBe('macron');
    expect(entityIds('Mandonn')[0]).toBe('mandon');
    expect(entityIds('Barot')[0]).toBe('barrot');
  });

  it('folds diacritics both ways', () => {
    expect(entityIds('Jean-Noel')[0]).toBe('barrot');
    expect(entityIds('jean noel barrot')[0]).toBe('barrot');
    expect(entityIds('Lokke')[0]).toBe('lokke');
    expect(entityIds('Mandón')[0]).toBe('mandon');
  });

  it('matches aliases and says which alias matched', () => {
    const hit = search.search('coalition of readiness').entities[0];
    expect(hit?.item.id).toBe('coalition');
    expect(emphasised(hit, 'aliases.0').join('')).toContain('readiness');
  });

  it('searches roles and descriptions, behind names', () => {
    expect(entityIds('Chief of the Defence Staff')[0]).toBe('mandon');
    expect(entityIds('Macron')).toEqual(expect.arrayContaining(['macron']));
    expect(entityIds('Macron')[0]).toBe('macron');
  });

  it('emphasises the matched part of the displayed name, accents included', () => {
    expect(emphasised(search.search('Barrot').entities[0], 'name')).toContain('Barrot');
    const accented = search.search('noel').entities.find((result) => result.item.id === 'barrot');
    expect(emphasised(accented, 'name')).toContain('Noël');
  });

  it('finds articles by title, outlet and the words of their text', () => {
    expect(search.search('reassurance force').articles[0]?.item.id).toBe('a1');
    expect(search.search('Reuters').articles[0]?.item.id).toBe('a2');
    const lead = search.search('army must be ready').articles[0];
    expect(lead?.item.id).toBe('a1');
    expect(lead?.item.snippet).toContain('army must be ready');
    expect(emphasised(lead, 'snippet').slice(0, 4)).toEqual(['army', 'must', 'be', 'ready']);
  });

  it('returns nothing for a blank or unmatched query', () => {
    expect(search.search('   ')).toEqual({ entities: [], articles: [] });
    expect(search.search('zzqxv')).toEqual({ entities: [], articles: [] });
  });

  it('respects the limit', () => {
    const many = createCorpusSearch({
      entities: Array.from({ length: 50 }, (_, index) => entity({ id: `e${index}`, name: `Mandon ${index}` })),
      articles: [],
    });
    expect(many.search('Mandon', 5).entities).toHaveLength(5);
  });

  it('ranks the entity whose name starts with the query first, then aliases, then any word', () => {
    expect(entityIds('ukrain').slice(0, 2)).toEqual(['ukraine', 'ukraine-army']);
    expect(entityIds('ukrainian')[0]).toBe('ukraine-army');
  });

  it('matches a half-typed word as a prefix', () => {
    expect(entityIds('Mand')[0]).toBe('mandon');
    expect(entityIds('Uk')).toContain('ukraine');
  });
});

describe('article text search', () => {
  const long = createCorpusSearch({
    entities: [],
    articles: [
      {
        id: 'deep',
        title: 'A long report',
        outlet: 'Reuters',
        publishedAt: null,
        url: null,
        text: `${'Filler words about nothing in particular. '.repeat(60)}Then the Élysée confirmed the summit. ${'More filler. '.repeat(20)}`,
      },
    ],
  });

  it('finds a word deep in the text, accents folded, with a snippet emphasising it', () => {
    const hit = long.search('elysee confirmed').articles[0];
    expect(hit?.item.id).toBe('deep');
    expect(emphasised(hit, 'snippet')).toEqual(['Élysée', 'confirmed']);
  });

  it('treats the last word as typed so far', () => {
    expect(long.search('elysee confi').articles.map((hit) => hit.item.id)).toEqual(['deep']);
    expect(long.search('elysee confirmation').articles).toEqual([]);
  });

  it('asks for at least two letters', () => {
    expect(search.search('M')).toEqual({ entities: [], articles: [] });
  });
});
