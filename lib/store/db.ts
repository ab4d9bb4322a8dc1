/**
 * The knowledge store: one Dexie (IndexedDB) database in the background's extension origin. Only the
 * background opens it; every other context asks through lib/messaging.
 *
 * Ids: article and entity ids in a pack are pack-local, so two packs may both say "a1". The store keeps
 * the pack's id when it is free and otherwise gives the record a new one (`<packId>:<id>`); `localId`
 * and each entity contribution's `localId` remember the pack's own ids so an export gives them back.
 */
import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type { PackSummary } from '../messaging/protocol';
import type { DatePrecision, EntityType, PartialDate } from '../pack/schema';

/**
 * A stored pack's metadata, exactly as `listPacks` sends it. Its articles, contexts and entity
 * contributions carry its id.
 */
export type PackRecord = PackSummary;

export interface ArticleRecord {
  /** Store-wide id (the pack's id when it was free). */
  id: string;
  packId: string;
  /** The id the pack gave it. */
  localId: string;
  /** Position in its pack, so an export keeps the pack's order. */
  order: number;
  title: string;
  outlet: string;
  url: string | null;
  publishedAt: PartialDate | null;
  language: string;
  text: string;
  citedOutlets: string[];
  /** SHA-256 of the text with whitespace collapsed: the same article under another URL is a duplicate. */
  textHash: string;
}

/** A role as one pack states it; `articleId` is the pack's own, `storedArticleId` the store's. */
export interface StoredRole {
  title: string;
  asOf: PartialDate | null;
  articleId: string;
  storedArticleId: string;
}

/** What one pack says about an entity. An entity merged from several packs has several. */
export interface EntityContribution {
  packId: string;
  localId: string;
  order: number;
  name: string;
  type: EntityType;
  aliases: string[];
  description: string | null;
  roles: StoredRole[];
}

/**
 * An entity as the store knows it, merged across packs. `name`, `type`, `description` and `aliases`
 * are derived from `contributions` (see `summariseEntity`), so removing a pack removes what it added.
 */
export interface EntityRecord {
  id: string;
  name: string;
  type: EntityType;
  description: string | null;
  /** Every other name it goes by, across contributions. */
  aliases: string[];
  /** Folded names and aliases (multiEntry index): alias lookup and merging. */
  keys: string[];
  /** Packs that contribute to it (multiEntry index): removal and enabled-only views. */
  packIds: string[];
  contributions: EntityContribution[];
}

/** One context as stored inside its article's record. */
export interface StoredContext {
  /** Store id. */
  entityId: string;
  sentence: string;
  start: number;
  end: number;
  eventDate: PartialDate | null;
  attributedTo: string | null;
  /** The event date, else the article's publication date, else '': timelines sort on it. */
  sortDate: string;
  /** Precision of `sortDate`, kept so a day beats a month that begins on the same day. */
  sortPrecision: DatePrecision | null;
  /** Position in its pack's `contexts`, so an export keeps the pack's order. */
  order: number;
}

/**
 * The contexts of one article, in one record. IndexedDB pays per record written, and a pack has several
 * contexts per article, so grouping them makes imports several times faster than a record per context;
 * `*entityIds` still finds a card's contexts in one indexed query.
 */
export interface ArticleContextsRecord {
  /** Store id of the article. */
  articleId: string;
  packId: string;
  /** Entities the contexts mention (multiEntry index): a card's timeline, an entity's articles. */
  entityIds: string[];
  contexts: StoredContext[];
}

/** A context with its article and pack: what the queries work with. */
export interface ContextRecord extends StoredContext {
  articleId: string;
  packId: string;
}

/** Flattens article records into contexts, keeping only those of `entityId` when given. */
export function flattenContexts(records: ArticleContextsRecord[], entityId?: string): ContextRecord[] {
  const contexts: ContextRecord[] = [];
  for (const record of records) {
    for (const context of record.contexts) {
      if (entityId === undefined || context.entityId === entityId) {
        contexts.push({ ...context, articleId: record.articleId, packId: record.packId });
      }
    }
  }
  return contexts;
}

export interface MetaRecord {
  key: string;
  value: unknown;
}

export type FactcardsDb = Dexie & {
  packs: EntityTable<PackRecord, 'id'>;
  /** Keyed by [packId, id], so a pack's articles are one key range: removing a pack is one delete. */
  articles: Table<ArticleRecord, [string, string]>;
  entities: EntityTable<EntityRecord, 'id'>;
  /** Keyed by [packId, articleId], for the same reason. */
  contexts: Table<ArticleContextsRecord, [string, string]>;
  meta: EntityTable<MetaRecord, 'key'>;
};

export const DATABASE_NAME = 'factcards';

/**
 * Schema history, oldest first. To change the schema, append a version with its full `stores` and, when
 * records must change shape, an `upgrade` (Dexie runs every missing upgrade in order on open). Never edit
 * a released version.
 */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string>;
  upgrade?: (transaction: Transaction) => Promise<void>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      packs: 'id',
      // Primary key [packId+id]: a pack's articles are one key range, which IndexedDB deletes in one
      // request (a record-by-record delete of 10,000 articles takes seconds). &id: lookups by store id;
      // url and textHash: duplicate detection on import.
      articles: '[packId+id], &id, url, textHash',
      // *keys: alias lookup and merging; *packIds: removal and enabled-only views.
      entities: 'id, *keys, *packIds',
      // One record per article, keyed like articles; *entityIds: a card's timeline.
      contexts: '[packId+articleId], &articleId, *entityIds',
      meta: 'key',
    },
  },
];

/**
 * Opens (creating or migrating as needed) the store. Tests pass their own name to stay isolated, and a
 * longer schema history to prove a migration keeps the data.
 */
export function openFactcardsDb(name: string = DATABASE_NAME, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS): FactcardsDb {
  const db = new Dexie(name) as FactcardsDb;
  for (const { version, stores, upgrade } of versions) {
    const declared = db.version(version).stores(stores);
    if (upgrade) declared.upgrade(upgrade);
  }
  return db;
}

/** The key range of one pack's records in `articles` or `contexts`. */
export function packRange(packId: string): [[string, string], [string, string]] {
  return [
    [packId, Dexie.minKey as unknown as string],
    [packId, Dexie.maxKey as unknown as string],
  ];
}

/** Every table, for transactions that must see or change the whole store at once. */
export function allTables(db: FactcardsDb) {
  return [db.packs, db.articles, db.entities, db.contexts, db.meta];
}
