/** Managing stored packs: listing, enabling, removing, exporting and resetting to the bundled seed. */
import type { PackSummary } from '../messaging/protocol';
import { PACK_FORMAT_VERSION, type Article, type Context, type Entity, type Pack, type Role } from '../pack/schema';
import { allTables, flattenContexts, packRange, type ArticleRecord, type EntityContribution, type FactcardsDb } from './db';
import { summariseEntity } from './entities';
import { StoreError } from './errors';
import { deletePackData, preparePack, writePreparedPack, type ImportOptions } from './import';
import { bumpRevision } from './revision';

/** Meta key set in the transaction that loads the bundled pack: present means a load completed. */
const BUNDLED_LOADED_KEY = 'bundledPackLoaded';

/** Stored packs, bundled first, then by name. */
export async function listPacks(db: FactcardsDb): Promise<PackSummary[]> {
  const packs = await db.packs.toArray();
  return packs
    .sort((a, b) => Number(b.bundled) - Number(a.bundled) || a.name.localeCompare(b.name))
    .map((pack) => ({ ...pack }));
}

/** Turns a pack's entities on or off for matching, search and the fuzzy resolver. */
export async function setPackEnabled(db: FactcardsDb, packId: string, enabled: boolean): Promise<void> {
  await db.transaction('rw', [db.packs, db.meta], async () => {
    const pack = await db.packs.get(packId);
    if (!pack) throw new StoreError('not-found', `No pack "${packId}" is stored.`);
    if (pack.enabled === enabled) return;
    await db.packs.update(packId, { enabled });
    await bumpRevision(db);
  });
}

/** Deletes a pack's articles, its contexts and the entities only it had; shared entities lose only its part. */
export async function removePack(db: FactcardsDb, packId: string): Promise<void> {
  await db.transaction('rw', allTables(db), async () => {
    if (!(await db.packs.get(packId))) throw new StoreError('not-found', `No pack "${packId}" is stored.`);
    await deletePackData(db, packId);
    await bumpRevision(db);
  });
}

/**
 * Empties the store and loads the bundled pack, in one transaction: if the seed cannot be written, the
 * store keeps what it had.
 */
export async function resetToSeed(db: FactcardsDb, seed: unknown, options: Omit<ImportOptions, 'bundled'> = {}): Promise<void> {
  const prepared = await preparePack(seed);
  await db.transaction('rw', allTables(db), async () => {
    await Promise.all([db.packs.clear(), db.articles.clear(), db.entities.clear(), db.contexts.clear()]);
    await writePreparedPack(db, prepared, { ...options, bundled: true });
    await db.meta.put({ key: BUNDLED_LOADED_KEY, value: prepared.pack.id });
  });
}

/**
 * Loads the bundled pack on install and update. Importing replaces the stored copy of the same pack id, so
 * this never duplicates anything, keeps whether the user disabled it, and leaves imported packs alone.
 */
export async function loadBundledPack(db: FactcardsDb, seed: unknown, options: Omit<ImportOptions, 'bundled'> = {}): Promise<void> {
  const prepared = await preparePack(seed);
  await db.transaction('rw', allTables(db), async () => {
    await writePreparedPack(db, prepared, { ...options, bundled: true });
    await db.meta.put({ key: BUNDLED_LOADED_KEY, value: prepared.pack.id });
  });
}

/**
 * Loads the bundled pack unless it was loaded once already. The background calls it at every start: a
 * load cut short (the service worker stopped mid-install) is then finished, while a user who removed the
 * bundled pack does not get it back until the next update. Answers whether it loaded the pack.
 */
export async function ensureBundledPack(db: FactcardsDb, seed: unknown): Promise<boolean> {
  if (await db.meta.get(BUNDLED_LOADED_KEY)) return false;
  await loadBundledPack(db, seed);
  return true;
}

/**
 * A stored pack as a v1 pack with the ids it was imported with, so exporting and importing it elsewhere
 * gives the same data; or, when `packId` is null, every imported (not bundled) pack merged into one, with
 * store ids. Roles citing an article the pack did not bring (it was skipped as already stored) take that
 * stored article along, so the export is a whole, valid pack.
 */
export async function exportPack(db: FactcardsDb, packId: string | null, now: () => Date = () => new Date()): Promise<Pack> {
  return db.transaction('r', allTables(db), async () => {
    if (packId !== null) {
      const pack = await db.packs.get(packId);
      if (!pack) throw new StoreError('not-found', `No pack "${packId}" is stored.`);
      return exportPacks(db, [packId], { id: pack.id, name: pack.name, description: pack.description, created: pack.created, source: pack.source }, true);
    }
    const packs = (await db.packs.toArray()).filter((pack) => !pack.bundled);
    return exportPacks(
      db,
      packs.map((pack) => pack.id),
      {
        id: 'factcards-export',
        name: 'Factcards export',
        description: packs.length === 0 ? 'No imported packs.' : `Every imported pack: ${packs.map((pack) => pack.name).join(', ')}.`.slice(0, 5_000),
        created: now().toISOString(),
        source: 'Factcards export',
      },
      false,
    );
  });
}

async function exportPacks(
  db: FactcardsDb,
  packIds: string[],
  meta: Pick<Pack, 'id' | 'name' | 'description' | 'created' | 'source'>,
  useLocalIds: boolean,
): Promise<Pack> {
  const packOrder = new Map(packIds.map((id, index) => [id, index]));
  const wanted = (contribution: EntityContribution) => packOrder.has(contribution.packId);
  const byPackThenOrder = <T extends { packId: string; order: number }>(a: T, b: T) =>
    (packOrder.get(a.packId) ?? 0) - (packOrder.get(b.packId) ?? 0) || a.order - b.order;

  const articleRecords = (
    await Promise.all(packIds.map((packId) => db.articles.where('[packId+id]').between(...packRange(packId), true, true).toArray()))
  ).flat();
  articleRecords.sort(byPackThenOrder);
  const entityRecords = packIds.length === 0 ? [] : await db.entities.where('packIds').anyOf(packIds).distinct().toArray();
  const contextRecords = flattenContexts(
    (
      await Promise.all(
        packIds.map((packId) => db.contexts.where('[packId+articleId]').between(...packRange(packId), true, true).toArray()),
      )
    ).flat(),
  );
  contextRecords.sort(byPackThenOrder);

  const articleId = (record: ArticleRecord) => (useLocalIds ? record.localId : record.id);
  const exportedArticleIds = new Map(articleRecords.map((record) => [record.id, articleId(record)]));
  const articles: Article[] = articleRecords.map(toArticle(articleId));
  const exportedArticleIdSet = new Set(exportedArticleIds.values());

  // Roles may cite articles stored by another pack; bring those along under the id the role uses.
  const borrowed = new Map<string, string>();
  const entities: Entity[] = [];
  const entityIds = new Map<string, string>();
  const exported: Array<{ order: [number, number]; entity: Entity }> = [];
  for (const record of entityRecords) {
    const contributions = record.contributions.filter(wanted);
    const first = contributions[0];
    if (!first) continue;
    const summary = summariseEntity(record.id, contributions);
    const roles: Role[] = [];
    const seenRoles = new Set<string>();
    for (const role of contributions.flatMap((contribution) => contribution.roles)) {
      const citedId = useLocalIds ? role.articleId : role.storedArticleId;
      const key = JSON.stringify([role.title, role.asOf, citedId]);
      if (seenRoles.has(key)) continue;
      seenRoles.add(key);
      if (!exportedArticleIdSet.has(citedId) && !borrowed.has(citedId)) borrowed.set(citedId, role.storedArticleId);
      roles.push({ title: role.title, asOf: role.asOf, articleId: citedId });
    }
    const id = useLocalIds ? first.localId : record.id;
    entityIds.set(record.id, id);
    exported.push({
      order: [packOrder.get(first.packId) ?? 0, first.order],
      entity: {
        id,
        name: summary.name,
        type: summary.type,
        aliases: summary.aliases.slice(0, 200),
        description: summary.description,
        roles: roles.slice(0, 200),
      },
    });
  }
  exported.sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1]);
  entities.push(...exported.map(({ entity }) => entity));

  const borrowedRecords = borrowed.size === 0 ? [] : await db.articles.where('id').anyOf([...new Set(borrowed.values())]).toArray();
  const borrowedById = new Map(borrowedRecords.map((record) => [record.id, record] as const));
  const missing = new Set<string>();
  for (const [citedId, storedId] of borrowed) {
    const record = borrowedById.get(storedId);
    if (record) articles.push(toArticle(() => citedId)(record));
    else missing.add(citedId);
  }
  // A role whose article no longer exists anywhere cannot be exported validly: drop it rather than the pack.
  if (missing.size > 0) for (const entity of entities) entity.roles = entity.roles.filter((role) => !missing.has(role.articleId));

  const contexts: Context[] = [];
  for (const record of contextRecords) {
    const entityId = entityIds.get(record.entityId);
    const contextArticleId = exportedArticleIds.get(record.articleId);
    if (entityId === undefined || contextArticleId === undefined) continue;
    contexts.push({
      entityId,
      articleId: contextArticleId,
      sentence: record.sentence,
      start: record.start,
      end: record.end,
      eventDate: record.eventDate,
      attributedTo: record.attributedTo,
    });
  }

  return { formatVersion: PACK_FORMAT_VERSION, ...meta, articles, entities, contexts };
}

function toArticle(idOf: (record: ArticleRecord) => string) {
  return (record: ArticleRecord): Article => ({
    id: idOf(record),
    title: record.title,
    outlet: record.outlet,
    url: record.url,
    publishedAt: record.publishedAt,
    language: record.language,
    text: record.text,
    citedOutlets: record.citedOutlets,
  });
}
