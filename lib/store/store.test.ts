import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generatePack } from '../../tests/bench/generate-pack';
import { PackSchema, type Pack } from '../pack/schema';
import { PackImportError } from '../pack/validate';
import { SCHEMA_VERSIONS, openFactcardsDb, type FactcardsDb } from './db';
import { newsPackA, newsPackB } from './fixtures';
import { importPack } from './import';
import { ensureBundledPack, exportPack, listPacks, loadBundledPack, removePack, resetToSeed, setPackEnabled } from './packs';
import { getArticle, getCard, getMatcherSource, getSearchCorpus, listEntityArticles } from './queries';
import { getRevision } from './revision';

let db: FactcardsDb;
let databaseCount = 0;

beforeEach(async () => {
  db = openFactcardsDb(`factcards-test-${++databaseCount}`);
  await db.open();
});

afterEach(async () => {
  db.close();
  await db.delete();
});

async function rowCounts(target: FactcardsDb = db) {
  return {
    packs: await target.packs.count(),
    articles: await target.articles.count(),
    entities: await target.entities.count(),
    contexts: (await target.contexts.toArray()).reduce((sum, record) => sum + record.contexts.length, 0),
  };
}

/** Everything the store holds, in a stable order, for comparing two stores. */
async function snapshot(target: FactcardsDb = db) {
  const entities = await target.entities.orderBy('id').toArray();
  return {
    packs: (await target.packs.orderBy('id').toArray()).map(({ importedAt: _importedAt, ...pack }) => pack),
    articles: await target.articles.orderBy('id').toArray(),
    entities,
    cards: await Promise.all(entities.map((entity) => getCard(target, entity.id, 100))),
  };
}

describe('importPack', () => {
  it('stores a pack and reports what it added', async () => {
    const summary = await importPack(db, newsPackA());
    expect(summary).toEqual({
      packId: 'news-a',
      articlesAdded: 2,
      articlesSkipped: [],
      entitiesNew: 3,
      entitiesMerged: 0,
      conflicts: [],
    });
    expect(await rowCounts()).toEqual({ packs: 1, articles: 2, entities: 3, contexts: 4 });
    const [pack] = await listPacks(db);
    expect(pack).toMatchObject({ id: 'news-a', name: 'News A', enabled: true, bundled: false, articleCount: 2, entityCount: 3 });
  });

  it('accepts the pack as JSON text', async () => {
    const summary = await importPack(db, JSON.stringify(newsPackA()));
    expect(summary.articlesAdded).toBe(2);
  });

  it('replaces a pack imported again instead of duplicating it', async () => {
    await importPack(db, newsPackA());
    const before = await snapshot();
    const again = await importPack(db, newsPackA());
    expect(again.articlesAdded).toBe(2);
    expect(again.articlesSkipped).toEqual([]);
    expect(await rowCounts()).toEqual({ packs: 1, articles: 2, entities: 3, contexts: 4 });
    expect(await snapshot()).toEqual(before);
  });

  it('skips articles already stored under the same URL or the same text, and says why', async () => {
    await importPack(db, newsPackA());
    const summary = await importPack(db, newsPackB());
    expect(summary.articlesAdded).toBe(1);
    expect(summary.articlesSkipped).toEqual([
      { articleId: 'b1', title: 'Barrot in Kyiv (reprint)', reason: 'already stored: same URL as "Barrot in Kyiv"' },
      { articleId: 'b2', title: 'Talks continue (syndicated)', reason: 'already stored: same text as "Talks continue"' },
    ]);
    expect(await db.articles.count()).toBe(3);
  });

  it('merges an entity whose canonical name matches with diacritics folded', async () => {
    await importPack(db, newsPackA());
    const summary = await importPack(db, newsPackB());
    expect(summary.entitiesMerged).toBe(1);
    expect(summary.entitiesNew).toBe(2);
    const card = await getCard(db, 'barrot', 10);
    expect(card.name).toBe('Jean-Noël Barrot');
    expect(card.aliases).toEqual(expect.arrayContaining(['Barrot', 'Jean-Noel Barrot', 'J.-N. Barrot']));
    // Contexts of both packs, newest first: B's 2026-02-01 article, A's 2026-01-10, then the 2024 event.
    expect(card.contexts.map((context) => context.articleTitle)).toEqual(['A new cabinet', 'Talks continue', 'Barrot in Kyiv']);
    expect(card.articleCount).toBe(3);
    // Roles newest first, the one citing B's skipped reprint pointing at the stored original.
    expect(card.roles).toEqual([
      { title: 'Foreign Minister', asOf: { date: '2026-02-01', precision: 'day' }, articleId: 'b3' },
      { title: 'French Foreign Minister', asOf: { date: '2024-11-26', precision: 'day' }, articleId: 'a1' },
      { title: 'Minister', asOf: { date: '2024-11-26', precision: 'day' }, articleId: 'a1' },
    ]);
  });

  it('reports an alias two different entities claim, and merges neither', async () => {
    await importPack(db, newsPackA());
    const summary = await importPack(db, newsPackB());
    expect(summary.conflicts).toEqual([
      {
        alias: 'Macron',
        entities: [
          { id: 'macron', name: 'Emmanuel Macron' },
          { id: 'brigitte', name: 'Brigitte Macron' },
        ],
      },
    ]);
    expect((await getCard(db, 'macron')).name).toBe('Emmanuel Macron');
    expect((await getCard(db, 'brigitte')).name).toBe('Brigitte Macron');
  });

  it('does not merge entities of different types that share a name', async () => {
    await importPack(db, newsPackA());
    const pack = newsPackB();
    pack.entities.push({ id: 'kyiv-person', name: 'Kyiv', type: 'person', aliases: [], description: null, roles: [] });
    const summary = await importPack(db, pack);
    expect(summary.conflicts).toContainEqual({
      alias: 'Kyiv',
      entities: [
        { id: 'kyiv', name: 'Kyiv' },
        { id: 'kyiv-person', name: 'Kyiv' },
      ],
    });
    expect((await getCard(db, 'kyiv')).type).toBe('place');
    expect((await getCard(db, 'kyiv-person')).type).toBe('person');
  });

  it('gives records new ids when another pack already uses theirs, and exports the pack with its own', async () => {
    await importPack(db, newsPackA());
    const other: Pack = {
      ...newsPackA(),
      id: 'news-c',
      name: 'News C',
      articles: [
        {
          id: 'a1',
          title: 'Fair',
          outlet: 'La Provence',
          url: 'https://c.example/1',
          publishedAt: null,
          language: 'fr',
          text: 'Barrot, a village in Provence, held a fair.',
          citedOutlets: [],
        },
      ],
      entities: [{ id: 'barrot', name: 'Barrot', type: 'place', aliases: [], description: 'A village.', roles: [] }],
      contexts: [{ entityId: 'barrot', articleId: 'a1', sentence: 'Barrot, a village in Provence, held a fair.', start: 0, end: 6, eventDate: null, attributedTo: null }],
    };
    await importPack(db, other);
    expect((await getCard(db, 'barrot')).type).toBe('person');
    const village = await getCard(db, 'news-c:barrot');
    expect(village).toMatchObject({ name: 'Barrot', type: 'place', contextCount: 1 });
    expect(village.contexts[0]?.articleId).toBe('news-c:a1');
    expect(await exportPack(db, 'news-c')).toEqual(other);
  });

  it('merges, reports conflicts and renames ids the same way when the pack dwarfs the store', async () => {
    await importPack(db, newsPackA());
    const big = generatePack({ articles: 20, entities: 60, seed: 5, id: 'big' });
    big.entities.push(
      { id: 'jnb', name: 'Jean-Noel Barrot', type: 'person', aliases: [], description: null, roles: [] },
      { id: 'other-macron', name: 'Brigitte Macron', type: 'person', aliases: ['Macron'], description: null, roles: [] },
      { id: 'kyiv', name: 'Kyiv Summit', type: 'event', aliases: [], description: null, roles: [] },
    );
    const summary = await importPack(db, big);
    expect(summary).toMatchObject({ entitiesNew: 62, entitiesMerged: 1 });
    expect(summary.conflicts).toEqual([{ alias: 'Macron', entities: [{ id: 'macron', name: 'Emmanuel Macron' }, { id: 'other-macron', name: 'Brigitte Macron' }] }]);
    expect((await getCard(db, 'barrot')).aliases).toContain('Jean-Noel Barrot');
    expect((await getCard(db, 'big:kyiv')).name).toBe('Kyiv Summit');
  });

  it('refuses invalid input with a PackImportError and leaves the store as it was', async () => {
    await importPack(db, newsPackA());
    const before = await snapshot();
    const error = await importPack(db, '{\n  "formatVersion": 1,\n  "id": nope\n}').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PackImportError);
    expect((error as PackImportError).where).toBe('line 3, column 9');
    const broken = newsPackB();
    broken.contexts = broken.contexts.map((context, index) => (index === 0 ? { ...context, entityId: 'nobody' } : context));
    await expect(importPack(db, broken)).rejects.toThrow('contexts[0].entityId: no entity has id "nobody"');
    expect(await snapshot()).toEqual(before);
  });

  it('writes nothing when a write fails halfway through the transaction', async () => {
    await importPack(db, newsPackA());
    const before = await snapshot();
    const revision = await getRevision(db);
    // A real write failure after articles and entities are written: the context insert throws.
    db.contexts.hook('creating', (_key, context) => {
      if (context.packId === 'news-b') throw new Error('disk full');
    });
    await expect(importPack(db, newsPackB())).rejects.toThrow('disk full');
    expect(await snapshot()).toEqual(before);
    expect(await getRevision(db)).toBe(revision);
  });

  it('keeps the stored copy of a pack when its re-import fails', async () => {
    await importPack(db, newsPackA());
    const before = await snapshot();
    db.contexts.hook('creating', () => {
      throw new Error('quota exceeded');
    });
    await expect(importPack(db, newsPackA())).rejects.toThrow('quota exceeded');
    expect(await snapshot()).toEqual(before);
  });
});

describe('removePack', () => {
  it('deletes its articles, contexts and the entities only it had, keeping shared entities', async () => {
    await importPack(db, newsPackA());
    const onlyA = await snapshot();
    await importPack(db, newsPackB());
    await removePack(db, 'news-b');
    expect(await snapshot()).toEqual(onlyA);
  });

  it('keeps an entity another pack also has, with only that pack\'s part', async () => {
    await importPack(db, newsPackA());
    await importPack(db, newsPackB());
    await removePack(db, 'news-a');
    expect(await db.entities.get('macron')).toBeUndefined();
    expect(await db.entities.get('kyiv')).toBeUndefined();
    const barrot = await getCard(db, 'barrot', 10);
    expect(barrot).toMatchObject({ name: 'Jean-Noel Barrot', aliases: ['J.-N. Barrot'], description: null });
    expect(barrot.contexts.map((context) => context.articleTitle)).toEqual(['A new cabinet']);
    expect((await db.articles.toArray()).filter((article) => article.packId === 'news-a')).toEqual([]);
    expect(await listPacks(db)).toHaveLength(1);
  });

  it('says when the pack does not exist', async () => {
    await expect(removePack(db, 'nothing')).rejects.toThrow('No pack "nothing" is stored.');
  });
});

describe('setPackEnabled', () => {
  it('takes a disabled pack out of the matcher and search, and moves the revision', async () => {
    await importPack(db, newsPackA());
    await importPack(db, newsPackB());
    const revision = await getRevision(db);
    await setPackEnabled(db, 'news-b', false);
    expect(await getRevision(db)).not.toBe(revision);
    const source = await getMatcherSource(db);
    expect(source.entities.map((entity) => entity.name).sort()).toEqual(['Emmanuel Macron', 'Jean-Noël Barrot', 'Kyiv']);
    expect(source.aliases).not.toContainEqual({ alias: 'Jean-Noel Barrot', entityId: 'barrot' });
    expect(source.aliases).toContainEqual({ alias: 'Barrot', entityId: 'barrot' });
    const corpus = await getSearchCorpus(db);
    expect(corpus.articles.map((article) => article.title).sort()).toEqual(['Barrot in Kyiv', 'Talks continue']);
    // Its lines leave the cards of shared entities too.
    expect((await getCard(db, 'barrot', 10)).contexts.map((context) => context.articleTitle)).toEqual(['Talks continue', 'Barrot in Kyiv']);

    await setPackEnabled(db, 'news-b', true);
    expect((await getMatcherSource(db)).entities).toHaveLength(5);
    expect((await listPacks(db)).map((pack) => pack.enabled)).toEqual([true, true]);
  });
});

describe('exportPack', () => {
  it('gives back exactly the pack that was imported', async () => {
    await importPack(db, newsPackA());
    expect(await exportPack(db, 'news-a')).toEqual(newsPackA());
  });

  it('round-trips: importing an export into an empty store gives the same data', async () => {
    await importPack(db, newsPackA());
    await importPack(db, newsPackB());
    const exported = await exportPack(db, 'news-b');
    expect(PackSchema.safeParse(exported).success).toBe(true);
    // The reprint B skipped travels with the export because B's role cites it.
    expect(exported.articles.map((article) => article.id)).toEqual(['b3', 'b1']);

    const other = openFactcardsDb(`factcards-test-${++databaseCount}`);
    try {
      await importPack(other, exported);
      expect(await exportPack(other, 'news-b')).toEqual(exported);
      const card = await getCard(other, 'jn-barrot', 10);
      expect(card.roles.map((role) => role.title)).toEqual(['Foreign Minister', 'Minister']);
    } finally {
      other.close();
      await other.delete();
    }
  });

  it('exports every imported pack merged into one valid pack, without the bundled one', async () => {
    await loadBundledPack(db, { ...newsPackA(), id: 'seed' });
    await importPack(db, newsPackB());
    const everything = await exportPack(db, null, () => new Date('2026-03-01T00:00:00Z'));
    expect(PackSchema.safeParse(everything).success).toBe(true);
    expect(everything).toMatchObject({ id: 'factcards-export', created: '2026-03-01T00:00:00.000Z' });
    expect(everything.entities.map((entity) => entity.name)).toEqual(['Jean-Noel Barrot', 'Sébastien Lecornu', 'Brigitte Macron']);

    const other = openFactcardsDb(`factcards-test-${++databaseCount}`);
    try {
      await importPack(other, everything);
      expect(await exportPack(other, 'factcards-export')).toEqual(everything);
    } finally {
      other.close();
      await other.delete();
    }
  });
});

describe('bundled pack', () => {
  it('loads idempotently, keeps imported packs and the user\'s choice to disable it', async () => {
    const seed = { ...newsPackA(), id: 'seed' };
    await loadBundledPack(db, seed);
    await importPack(db, newsPackB());
    await setPackEnabled(db, 'seed', false);
    const before = await snapshot();
    // An update loads the bundled pack again.
    await loadBundledPack(db, seed);
    expect(await snapshot()).toEqual(before);
    expect((await listPacks(db)).map((pack) => [pack.id, pack.bundled, pack.enabled])).toEqual([
      ['seed', true, false],
      ['news-b', false, true],
    ]);
  });

  it('is loaded at start-up only when it never finished loading', async () => {
    const seed = { ...newsPackA(), id: 'seed' };
    expect(await ensureBundledPack(db, seed)).toBe(true);
    expect((await listPacks(db)).map((pack) => pack.id)).toEqual(['seed']);
    await removePack(db, 'seed');
    // The user removed it: a restart does not bring it back (an update does, through loadBundledPack).
    expect(await ensureBundledPack(db, seed)).toBe(false);
    expect(await listPacks(db)).toEqual([]);
  });

  it('refuses a user pack that would replace the bundled one', async () => {
    await loadBundledPack(db, { ...newsPackA(), id: 'seed' });
    const before = await snapshot();
    await expect(importPack(db, { ...newsPackB(), id: 'seed' })).rejects.toThrow('"seed" is the id of the bundled pack');
    expect(await snapshot()).toEqual(before);
  });

  it('reset empties the store and loads the bundled pack', async () => {
    const seed = { ...newsPackA(), id: 'seed' };
    await loadBundledPack(db, seed);
    const fresh = await snapshot();
    await importPack(db, newsPackB());
    await setPackEnabled(db, 'seed', false);
    await resetToSeed(db, seed);
    expect(await snapshot()).toEqual(fresh);
  });
});

describe('reading', () => {
  it('locates the mentions of an article in its text', async () => {
    await importPack(db, newsPackA());
    const article = await getArticle(db, 'a1');
    expect(article.mentions.map((mention) => [article.text.slice(mention.start, mention.end), mention.entityId])).toEqual([
      ['Jean-Noël Barrot', 'barrot'],
      ['Kyiv', 'kyiv'],
    ]);
  });

  it('lists the articles that mention an entity, newest first, by pages', async () => {
    await importPack(db, newsPackA());
    await importPack(db, newsPackB());
    const first = await listEntityArticles(db, 'barrot', 0, 2);
    expect(first.total).toBe(3);
    expect(first.articles.map((article) => article.title)).toEqual(['A new cabinet', 'Talks continue']);
    const second = await listEntityArticles(db, 'barrot', 2, 2);
    expect(second.articles.map((article) => article.title)).toEqual(['Barrot in Kyiv']);
  });

  it('caps a card\'s timeline but counts every context', async () => {
    await importPack(db, newsPackA());
    const card = await getCard(db, 'barrot', 1);
    expect(card.contexts).toHaveLength(1);
    expect(card.contextCount).toBe(2);
    expect(card.contexts[0]).toMatchObject({ outlet: 'Le Parisien', url: 'https://a.example/talks', publishedAt: { date: '2026-01-10', precision: 'day' } });
  });

  it('says when an entity or article does not exist', async () => {
    await expect(getCard(db, 'nobody')).rejects.toThrow('No entity "nobody" is stored.');
    await expect(getArticle(db, 'none')).rejects.toThrow('No article "none" is stored.');
  });
});

describe('schema versions', () => {
  it('migrates a version 1 store to a later version without losing packs', async () => {
    await importPack(db, newsPackA());
    const before = await snapshot();
    db.close();
    const [first] = SCHEMA_VERSIONS;
    if (!first) throw new Error('no schema version');
    // A hypothetical version 2: one more index, and an upgrade that rewrites every record.
    const upgraded = openFactcardsDb(db.name, [
      ...SCHEMA_VERSIONS,
      {
        version: 2,
        stores: { ...first.stores, articles: `${first.stores.articles}, outlet` },
        upgrade: async (transaction) => {
          await transaction.table('packs').toCollection().modify((pack: { source: string }) => {
            pack.source = `${pack.source} (migrated)`;
          });
        },
      },
    ]);
    try {
      await upgraded.open();
      expect(upgraded.verno).toBe(2);
      expect(await upgraded.articles.where('outlet').equals('Le Monde').count()).toBe(1);
      const after = await snapshot(upgraded);
      expect(after.packs[0]?.source).toBe('newsroom A (migrated)');
      expect({ ...after, packs: [] }).toEqual({ ...before, packs: [] });
    } finally {
      upgraded.close();
    }
  });
});
