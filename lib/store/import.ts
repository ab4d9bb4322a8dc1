/**
 * Importing a pack: validated first, then written in ONE read-write transaction with bulk operations,
 * so an import either lands whole or leaves the store exactly as it was (a failed write, a closed tab or a
 * killed worker aborts the transaction).
 */
import type { ImportSummary } from '../messaging/protocol';
import type { Pack } from '../pack/schema';
import { readPack } from '../pack/validate';
import { allTables, packRange, type ArticleContextsRecord, type ArticleRecord, type EntityContribution, type EntityRecord, type FactcardsDb, type PackRecord } from './db';
import { foldKey, summariseEntity } from './entities';
import { StoreError } from './errors';
import { bumpRevision } from './revision';

export interface ImportOptions {
  /** The pack shipped with the extension (loaded on install and update, restored by reset). */
  bundled?: boolean;
  /** Clock for `importedAt`; tests pin it. */
  now?: () => Date;
}

/** A validated pack with the hashes its import needs, computed before the transaction opens. */
export interface PreparedPack {
  pack: Pack;
  textHashes: string[];
}

/**
 * Validates `input` (JSON text or a parsed value) and hashes its articles' texts. Throws a
 * `PackImportError` saying what is wrong and where. Hashing is asynchronous (Web Crypto), and an
 * IndexedDB transaction commits as soon as it waits on anything else, so this happens first.
 */
export async function preparePack(input: unknown): Promise<PreparedPack> {
  const pack = readPack(input);
  const textHashes = await Promise.all(pack.articles.map((article) => hashText(article.text)));
  return { pack, textHashes };
}

/**
 * Stores a pack, replacing any stored pack with the same id (so importing twice duplicates nothing and an
 * update of the bundled pack replaces it). Articles already stored from other packs (same URL or same
 * text) are skipped and reported; entities sharing a canonical name with a stored entity of the same type
 * are merged into it; aliases claimed by different entities are reported as conflicts, never merged.
 */
export async function importPack(db: FactcardsDb, input: unknown, options: ImportOptions = {}): Promise<ImportSummary> {
  const prepared = await preparePack(input);
  // The scope must be an async function: Dexie keeps a transaction alive across native awaits only for
  // those (a plain arrow returning a promise commits too early).
  return db.transaction('rw', allTables(db), async () => writePreparedPack(db, prepared, options));
}

/** The write half of `importPack`; must run inside a read-write transaction over all tables. */
export async function writePreparedPack(db: FactcardsDb, prepared: PreparedPack, options: ImportOptions = {}): Promise<ImportSummary> {
  const { pack } = prepared;
  const previous = await db.packs.get(pack.id);
  if (previous?.bundled && !options.bundled) {
    // Replacing the bundled pack with a user's pack would let the next update overwrite the user's data.
    throw new StoreError('conflict', `"${pack.id}" is the id of the bundled pack; give the pack another id to import it.`);
  }
  // Where this pack's part stood in each shared entity: a re-import puts it back there, so the entity keeps
  // the name it was shown under (the first contributor's).
  const previousPositions = new Map<string, number>();
  if (previous) {
    for (const entity of await db.entities.where('packIds').equals(pack.id).toArray()) {
      const position = entity.contributions.findIndex((contribution) => contribution.packId === pack.id);
      if (position >= 0) previousPositions.set(entity.id, position);
    }
    await deletePackData(db, pack.id);
  }

  const articles = await placeArticles(db, prepared);
  const entities = await placeEntities(db, pack, articles.storedIdByLocalId, previousPositions);

  const contextsByArticle = new Map<string, ArticleContextsRecord>();
  for (const [order, context] of pack.contexts.entries()) {
    const article = articles.addedByLocalId.get(context.articleId);
    const entityId = entities.storedIdByLocalId.get(context.entityId);
    // A context of a skipped article is dropped: the stored copy of that article has its own contexts.
    if (!article || entityId === undefined) continue;
    let group = contextsByArticle.get(article.id);
    if (!group) contextsByArticle.set(article.id, (group = { articleId: article.id, packId: pack.id, entityIds: [], contexts: [] }));
    if (!group.entityIds.includes(entityId)) group.entityIds.push(entityId);
    const sortDate = context.eventDate ?? article.publishedAt;
    group.contexts.push({
      entityId,
      sentence: context.sentence,
      start: context.start,
      end: context.end,
      eventDate: context.eventDate,
      attributedTo: context.attributedTo,
      sortDate: sortDate?.date ?? '',
      sortPrecision: sortDate?.precision ?? null,
      order,
    });
  }

  const record: PackRecord = {
    id: pack.id,
    name: pack.name,
    description: pack.description,
    source: pack.source,
    created: pack.created,
    importedAt: (options.now?.() ?? new Date()).toISOString(),
    // Re-importing (an update of the bundled pack, or the same file again) keeps the user's choice.
    enabled: previous?.enabled ?? true,
    bundled: options.bundled ?? false,
    articleCount: articles.added.length,
    entityCount: pack.entities.length,
  };

  await db.articles.bulkAdd(articles.added);
  await db.entities.bulkPut(entities.written);
  await db.contexts.bulkAdd([...contextsByArticle.values()]);
  await db.packs.put(record);
  await bumpRevision(db);

  return {
    packId: pack.id,
    articlesAdded: articles.added.length,
    articlesSkipped: articles.skipped,
    entitiesNew: entities.newCount,
    entitiesMerged: entities.mergedCount,
    conflicts: entities.conflicts,
  };
}

/** Deletes a pack's articles and contexts and its part of every entity; must run inside a transaction. */
export async function deletePackData(db: FactcardsDb, packId: string): Promise<void> {
  await db.articles.where('[packId+id]').between(...packRange(packId), true, true).delete();
  await db.contexts.where('[packId+articleId]').between(...packRange(packId), true, true).delete();
  const entities = await db.entities.where('packIds').equals(packId).toArray();
  const orphaned: string[] = [];
  const remaining: EntityRecord[] = [];
  for (const entity of entities) {
    const contributions = entity.contributions.filter((contribution) => contribution.packId !== packId);
    if (contributions.length === 0) orphaned.push(entity.id);
    else remaining.push(summariseEntity(entity.id, contributions));
  }
  await db.entities.bulkDelete(orphaned);
  await db.entities.bulkPut(remaining);
  await db.packs.delete(packId);
}

async function placeArticles(db: FactcardsDb, { pack, textHashes }: PreparedPack) {
  const urls = [...new Set(pack.articles.flatMap((article) => (article.url === null ? [] : [article.url])))];
  const hashes = [...new Set(textHashes)];
  const [storedWithUrl, storedWithText] = await Promise.all([
    urls.length === 0 ? [] : db.articles.where('url').anyOf(urls).toArray(),
    hashes.length === 0 ? [] : db.articles.where('textHash').anyOf(hashes).toArray(),
  ]);
  const byUrl = new Map<string, { id: string; title: string; inThisPack: boolean }>();
  const byHash = new Map<string, { id: string; title: string; inThisPack: boolean }>();
  for (const article of storedWithUrl) if (article.url !== null) byUrl.set(article.url, { id: article.id, title: article.title, inThisPack: false });
  for (const article of storedWithText) byHash.set(article.textHash, { id: article.id, title: article.title, inThisPack: false });

  const allocate = await createIdAllocator(db, 'articles', pack.id, pack.articles.map((article) => article.id));
  const added: ArticleRecord[] = [];
  const addedByLocalId = new Map<string, ArticleRecord>();
  const storedIdByLocalId = new Map<string, string>();
  const skipped: ImportSummary['articlesSkipped'] = [];

  for (const [order, article] of pack.articles.entries()) {
    const textHash = textHashes[order] as string;
    const sameUrl = article.url === null ? undefined : byUrl.get(article.url);
    const duplicate = sameUrl ?? byHash.get(textHash);
    if (duplicate) {
      const why = sameUrl ? 'same URL' : 'same text';
      skipped.push({
        articleId: article.id,
        title: article.title,
        reason: duplicate.inThisPack
          ? `${why} as "${duplicate.title}" earlier in this pack`
          : `already stored: ${why} as "${duplicate.title}"`,
      });
      // Roles that cite the skipped article point at the copy already stored.
      storedIdByLocalId.set(article.id, duplicate.id);
      continue;
    }
    const record: ArticleRecord = {
      id: allocate(article.id),
      packId: pack.id,
      localId: article.id,
      order,
      title: article.title,
      outlet: article.outlet,
      url: article.url,
      publishedAt: article.publishedAt,
      language: article.language,
      text: article.text,
      citedOutlets: article.citedOutlets,
      textHash,
    };
    added.push(record);
    addedByLocalId.set(article.id, record);
    storedIdByLocalId.set(article.id, record.id);
    const seen = { id: record.id, title: record.title, inThisPack: true };
    if (article.url !== null) byUrl.set(article.url, seen);
    byHash.set(textHash, seen);
  }
  return { added, addedByLocalId, storedIdByLocalId, skipped };
}

async function placeEntities(
  db: FactcardsDb,
  pack: Pack,
  articleIdByLocalId: Map<string, string>,
  previousPositions: Map<string, number>,
) {
  const incoming = pack.entities.map((entity) => {
    const nameKey = foldKey(entity.name);
    const keyed = new Map<string, string>();
    for (const name of [entity.name, ...entity.aliases]) {
      const key = foldKey(name);
      if (key !== '' && !keyed.has(key)) keyed.set(key, name);
    }
    return { entity, nameKey, keyed };
  });
  const allKeys = [...new Set(incoming.flatMap(({ keyed }) => [...keyed.keys()]))];
  const stored = await entitiesWithAnyKey(db, allKeys);

  const working = new Map<string, EntityRecord>();
  const idsByKey = new Map<string, Set<string>>();
  const index = (entity: EntityRecord) => {
    for (const key of entity.keys) {
      let ids = idsByKey.get(key);
      if (!ids) idsByKey.set(key, (ids = new Set()));
      ids.add(entity.id);
    }
  };
  for (const entity of stored) {
    working.set(entity.id, entity);
    index(entity);
  }

  const allocate = await createIdAllocator(db, 'entities', pack.id, pack.entities.map((entity) => entity.id));
  const storedIdByLocalId = new Map<string, string>();
  const touched = new Set<string>();
  const conflicts = new Map<string, { alias: string; entities: Map<string, string> }>();
  const recordConflict = (key: string, alias: string, ...entities: Array<{ id: string; name: string }>) => {
    let conflict = conflicts.get(key);
    if (!conflict) conflicts.set(key, (conflict = { alias, entities: new Map() }));
    for (const entity of entities) conflict.entities.set(entity.id, entity.name);
  };
  let newCount = 0;
  let mergedCount = 0;

  for (const [order, { entity, nameKey, keyed }] of incoming.entries()) {
    const contribution: EntityContribution = {
      packId: pack.id,
      localId: entity.id,
      order,
      name: entity.name,
      type: entity.type,
      aliases: entity.aliases,
      description: entity.description,
      roles: entity.roles.map((role) => ({ ...role, storedArticleId: articleIdByLocalId.get(role.articleId) ?? role.articleId })),
    };

    // Merge only on a canonical name: this entity's name is another's name or alias, or another's name
    // is one of this entity's aliases. A shared alias alone ("Macron" for two people) is a conflict.
    // Never merge two entities of the same pack: the pack says they differ.
    const sameEntity = new Map<string, EntityRecord>();
    const consider = (id: string, viaAliasKey: string | null) => {
      const candidate = working.get(id);
      if (!candidate || candidate.type !== entity.type || candidate.packIds.includes(pack.id)) return;
      if (viaAliasKey !== null && !candidate.contributions.some((other) => foldKey(other.name) === viaAliasKey)) return;
      sameEntity.set(id, candidate);
    };
    if (nameKey !== '') for (const id of idsByKey.get(nameKey) ?? []) consider(id, null);
    for (const key of keyed.keys()) if (key !== nameKey) for (const id of idsByKey.get(key) ?? []) consider(id, key);

    let target: EntityRecord;
    const [only] = sameEntity.values();
    if (sameEntity.size === 1 && only) {
      const contributions = [...only.contributions];
      contributions.splice(previousPositions.get(only.id) ?? contributions.length, 0, contribution);
      target = summariseEntity(only.id, contributions);
      mergedCount++;
    } else {
      target = summariseEntity(allocate(entity.id), [contribution]);
      newCount++;
      if (sameEntity.size > 1) {
        // Several stored entities fit: which one is meant is for a person to say.
        recordConflict(nameKey, entity.name, ...sameEntity.values(), target);
      }
    }
    for (const [key, alias] of keyed) {
      for (const otherId of idsByKey.get(key) ?? []) {
        const other = working.get(otherId);
        if (other && otherId !== target.id) recordConflict(key, alias, other, target);
      }
    }
    working.set(target.id, target);
    index(target);
    touched.add(target.id);
    storedIdByLocalId.set(entity.id, target.id);
  }

  return {
    written: [...touched].map((id) => working.get(id) as EntityRecord),
    storedIdByLocalId,
    newCount,
    mergedCount,
    conflicts: [...conflicts.values()].map(({ alias, entities }) => ({
      alias,
      entities: [...entities].map(([id, name]) => ({ id, name })),
    })),
  };
}

/** Stored entities with any of the folded `keys` among their names and aliases. */
async function entitiesWithAnyKey(db: FactcardsDb, keys: string[]): Promise<EntityRecord[]> {
  if (keys.length === 0) return [];
  const storedCount = await db.entities.count();
  if (storedCount === 0) return [];
  // Probing tens of thousands of keys costs more than reading a small store whole and filtering it.
  if (storedCount * 4 < keys.length) {
    const wanted = new Set(keys);
    return (await db.entities.toArray()).filter((entity) => entity.keys.some((key) => wanted.has(key)));
  }
  return db.entities.where('keys').anyOf(keys).distinct().toArray();
}

/**
 * Gives each record of the pack a store-wide id: its own when no other pack uses it, else
 * `<packId>:<id>`, else a numbered variant. Ids already taken are read once, up front.
 */
async function createIdAllocator(db: FactcardsDb, table: 'articles' | 'entities', packId: string, localIds: string[]) {
  const prefixed = (id: string) => `${packId}:${id}`;
  const candidates = [...localIds, ...localIds.map(prefixed)];
  // A store much smaller than the pack (the usual case) is cheaper to list whole than to probe key by key.
  const storedCount = await db[table].count();
  const idIndex = table === 'articles' ? db.articles.where('id') : db.entities.where(':id');
  const taken = new Set<string>(
    candidates.length === 0 || storedCount === 0
      ? []
      : storedCount < candidates.length
        ? ((await idIndex.above('').keys()) as string[])
        : ((await idIndex.anyOf(candidates).keys()) as string[]),
  );
  let counter = 0;
  // A short tag of the pack id keeps numbered ids apart from other packs' without another lookup.
  let tagHash = 0;
  for (let index = 0; index < packId.length; index++) tagHash = (Math.imul(tagHash, 31) + packId.charCodeAt(index)) >>> 0;
  const packTag = tagHash.toString(36);
  return (localId: string): string => {
    let id = localId;
    if (taken.has(id)) id = prefixed(localId);
    // Ids are at most 200 characters and the prefixed form may already be used: number it instead.
    while (id.length > 200 || taken.has(id)) id = `${localId.slice(0, 150)}:${packTag}-${(++counter).toString(36)}`;
    taken.add(id);
    return id;
  };
}

/** SHA-256 of the text with whitespace runs collapsed, so re-wrapped copies count as the same text. */
export async function hashText(text: string): Promise<string> {
  const normalised = text.replace(/\s+/g, ' ').trim();
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(normalised));
  let hex = '';
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
