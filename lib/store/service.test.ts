import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CompiledMatcher } from '../match';
import { openFactcardsDb, type FactcardsDb } from './db';
import { newsPackA, newsPackB } from './fixtures';
import { createKnowledgeService, type KnowledgeService } from './service';

let db: FactcardsDb;
let knowledge: KnowledgeService;
let announced: string[];
let databaseCount = 0;

const seed = { ...newsPackA(), id: 'seed' };

function valueOf<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(`expected success, got: ${result.error.message}`);
  return result.value;
}

beforeEach(async () => {
  db = openFactcardsDb(`factcards-service-${++databaseCount}`);
  announced = [];
  knowledge = createKnowledgeService({ db, seed, onRevision: (revision) => void announced.push(revision) });
  valueOf(await knowledge.loadBundledPack());
});

afterEach(async () => {
  db.close();
  await db.delete();
});

async function namesOnPage(text: string, service: KnowledgeService = knowledge): Promise<string[]> {
  const { entities, mentions } = valueOf(await service.matchText([text]));
  const names: string[] = [];
  for (let i = 3; i < mentions.length; i += 4) names.push(entities[mentions[i] ?? -1]?.name ?? '?');
  return names;
}

describe('knowledge service', () => {
  it('announces a new revision after each change and matches page text against it', async () => {
    const first = valueOf(await knowledge.matchText([]));
    expect(announced).toEqual([first.revision]);
    expect(valueOf(await knowledge.matchText([])).revision).toBe(first.revision);

    valueOf(await knowledge.importPack(newsPackB()));
    expect(announced).toHaveLength(2);
    const second = valueOf(await knowledge.matchText([]));
    expect(second.revision).toBe(announced[1]);
    expect(second.revision).not.toBe(first.revision);
    expect(await namesOnPage('Sébastien Lecornu met Brigitte Macron.')).toEqual(['Sébastien Lecornu', 'Brigitte Macron']);

    valueOf(await knowledge.setPackEnabled('news-b', false));
    expect(await namesOnPage('Sébastien Lecornu met Barrot.')).toEqual(['Jean-Noël Barrot']);
  });

  it('keeps the compiled matcher in the store, so a restarted background does not compile it again', async () => {
    const { revision } = valueOf(await knowledge.matchText([]));
    const stored = (await db.meta.get('compiledMatcher'))?.value as { revision: string; matcher: CompiledMatcher };
    expect(stored.revision).toBe(revision);
    // A restarted background must use the stored copy: mark it, and the mark must show.
    const entityNames = stored.matcher.entityNames.map((name) => (name === 'Jean-Noël Barrot' ? 'Barrot (stored copy)' : name));
    await db.meta.put({ key: 'compiledMatcher', value: { ...stored, matcher: { ...stored.matcher, entityNames } } });
    const restarted = createKnowledgeService({ db, seed });
    expect(await namesOnPage('Barrot spoke.', restarted)).toEqual(['Barrot (stored copy)']);
  });

  it('refuses page text that is not a list of strings, or too much of it at once', async () => {
    expect(await knowledge.matchText('Barrot')).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await knowledge.matchText(['Barrot', 42])).toMatchObject({ ok: false, error: { code: 'invalid-input', message: 'Text 1 is not a string.' } });
    expect(await knowledge.matchText(['x'.repeat(4_000_001)])).toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect(await knowledge.resolveFuzzy({ length: 1 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('searches enabled packs and resolves misspelt names', async () => {
    valueOf(await knowledge.importPack(newsPackB()));
    const results = valueOf(await knowledge.search('Lecornu'));
    expect(results.entities[0]?.item.name).toBe('Sébastien Lecornu');
    expect(valueOf(await knowledge.resolveFuzzy(['Sebastien Lecornou', 'Nobody Atall']))).toEqual([
      { entityId: 'lecornu', name: 'Sébastien Lecornu', type: 'person' },
      null,
    ]);
    valueOf(await knowledge.removePack('news-b'));
    expect(valueOf(await knowledge.search('Lecornu')).entities).toEqual([]);
  });

  it('answers bad input and missing records with errors a person can read', async () => {
    expect(await knowledge.importPack('{"formatVersion": 1,\n "id": }')).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'Invalid JSON at line 2, column 8: unexpected "}".', where: 'line 2, column 8' },
    });
    expect(await knowledge.getCard('nobody')).toEqual({ ok: false, error: { code: 'not-found', message: 'No entity "nobody" is stored.' } });
    expect(await knowledge.removePack('nothing')).toEqual({ ok: false, error: { code: 'not-found', message: 'No pack "nothing" is stored.' } });
    expect(announced).toHaveLength(1);
  });

  it('gives the options page a gazetteer of enabled entities and resets to the seed', async () => {
    valueOf(await knowledge.importPack(newsPackB()));
    expect(valueOf(await knowledge.getGazetteer()).map((entity) => entity.name)).toContain('Brigitte Macron');
    valueOf(await knowledge.resetToSeed());
    expect(valueOf(await knowledge.listPacks()).map((pack) => pack.id)).toEqual(['seed']);
    expect(valueOf(await knowledge.getGazetteer()).map((entity) => entity.name).sort()).toEqual(['Emmanuel Macron', 'Jean-Noël Barrot', 'Kyiv']);
  });
});
