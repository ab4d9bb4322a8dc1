/** Reads for the views: cards, articles, an entity's articles, and the data the matcher and search build on. */
import type { AliasEntry, MatcherEntity } from '../match';
import type { ArticleSearchItem, ArticleView, CardContext, EntityCard, GazetteerEntity } from '../messaging/protocol';
import type { Role } from '../pack/schema';
import type { ArticleSearchDoc, EntitySearchDoc } from '../search';
import { flattenContexts, type ArticleRecord, type ContextRecord, type EntityContribution, type EntityRecord, type FactcardsDb } from './db';
import { summariseEntity } from './entities';
import { StoreError } from './errors';

/** Timeline lines a card shows when the caller does not say. */
export const DEFAULT_CARD_CONTEXTS = 5;

/** An entity as the matcher and the fuzzy resolver see it: enabled packs' names only. */
export type MatchableEntity = MatcherEntity & { aliases: string[] };

export interface MatcherSource {
  entities: MatcherEntity[];
  aliases: AliasEntry[];
}

async function enabledPackIds(db: FactcardsDb): Promise<Set<string>> {
  const packs = await db.packs.toArray();
  return new Set(packs.filter((pack) => pack.enabled).map((pack) => pack.id));
}

/**
 * What an entity looks like with only enabled packs' contributions, or null when no enabled pack has it.
 * A disabled pack's names stop matching and its lines leave the cards.
 */
function enabledView(entity: EntityRecord, enabled: Set<string>): EntityRecord | null {
  const contributions = entity.contributions.filter((contribution) => enabled.has(contribution.packId));
  if (contributions.length === 0) return null;
  return contributions.length === entity.contributions.length ? entity : summariseEntity(entity.id, contributions);
}

async function enabledEntities(db: FactcardsDb): Promise<EntityRecord[]> {
  const enabled = await enabledPackIds(db);
  if (enabled.size === 0) return [];
  // Reading the table whole is one getAll; an index walk over most of it would be one round trip per record.
  const entities = await db.entities.toArray();
  return entities.flatMap((entity) => enabledView(entity, enabled) ?? []);
}

/** Names and aliases of every entity of an enabled pack, for `compileMatcher`. */
export async function getMatcherSource(db: FactcardsDb): Promise<MatcherSource> {
  const entities = await enabledEntities(db);
  return {
    entities: entities.map(({ id, name, type }) => ({ id, name, type })),
    aliases: entities.flatMap((entity) => entity.aliases.map((alias) => ({ alias, entityId: entity.id }))),
  };
}

/** Entities of enabled packs with their aliases, for the fuzzy resolver. */
export async function getMatchableEntities(db: FactcardsDb): Promise<MatchableEntity[]> {
  const entities = await enabledEntities(db);
  return entities.map(({ id, name, type, aliases }) => ({ id, name, type, aliases }));
}

/** Entities of enabled packs as extraction's gazetteer, so imported raw articles link to known entities. */
export async function getGazetteer(db: FactcardsDb): Promise<GazetteerEntity[]> {
  const entities = await enabledEntities(db);
  return entities.map(({ id, name, type, aliases, description }) => ({ id, name, type, aliases, description }));
}

/** Entities and articles of enabled packs, for the popup's search index. */
export async function getSearchCorpus(db: FactcardsDb): Promise<{ entities: EntitySearchDoc[]; articles: ArticleSearchDoc[] }> {
  return db.transaction('r', [db.packs, db.entities, db.articles], async () => {
    const enabled = await enabledPackIds(db);
    const entities = await enabledEntities(db);
    const articles = enabled.size === 0 ? [] : (await db.articles.toArray()).filter((article) => enabled.has(article.packId));
    return {
      entities: entities.map((entity) => ({
        id: entity.id,
        name: entity.name,
        type: entity.type,
        description: entity.description,
        aliases: entity.aliases,
        roles: [...new Set(entity.contributions.flatMap((contribution) => contribution.roles.map((role) => role.title)))],
      })),
      articles: articles.map(({ id, title, outlet, publishedAt, url, text }) => ({ id, title, outlet, publishedAt, url, text })),
    };
  });
}

/** Newest first; unknown dates last. ISO dates sort as strings. */
function compareDatesNewestFirst(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '') return 1;
  if (b === '') return -1;
  return a < b ? 1 : -1;
}

function rolesNewestFirst(contributions: EntityContribution[]): Role[] {
  const roles: Role[] = [];
  const seen = new Set<string>();
  for (const role of contributions.flatMap((contribution) => contribution.roles)) {
    const key = JSON.stringify([role.title, role.asOf, role.storedArticleId]);
    if (seen.has(key)) continue;
    seen.add(key);
    roles.push({ title: role.title, asOf: role.asOf, articleId: role.storedArticleId });
  }
  return roles.sort((a, b) => compareDatesNewestFirst(a.asOf?.date ?? '', b.asOf?.date ?? ''));
}

/**
 * The card for an entity: its roles newest first, and its contexts newest first (by the event date the
 * sentence states, else the article's publication date), capped at `maxContexts`.
 */
export async function getCard(db: FactcardsDb, entityId: string, maxContexts: number = DEFAULT_CARD_CONTEXTS): Promise<EntityCard> {
  return db.transaction('r', [db.packs, db.entities, db.contexts, db.articles], async () => {
    const stored = await db.entities.get(entityId);
    if (!stored) throw new StoreError('not-found', `No entity "${entityId}" is stored.`);
    const enabled = await enabledPackIds(db);
    // An entity only disabled packs have is still shown whole when asked for directly (a stale link).
    const entity = enabledView(stored, enabled) ?? stored;
    const packIds = new Set(entity.packIds);
    const contexts = flattenContexts(await db.contexts.where('entityIds').equals(entityId).toArray(), entityId).filter((context) =>
      packIds.has(context.packId),
    );
    contexts.sort(compareContextsNewestFirst);
    const shown = contexts.slice(0, Math.max(0, maxContexts));
    const articles = await articlesById(db, shown.map((context) => context.articleId));
    const cardContexts: CardContext[] = shown.flatMap((context) => {
      const article = articles.get(context.articleId);
      if (!article) return [];
      return [
        {
          sentence: context.sentence,
          start: context.start,
          end: context.end,
          eventDate: context.eventDate,
          publishedAt: article.publishedAt,
          outlet: article.outlet,
          url: article.url,
          articleId: article.id,
          articleTitle: article.title,
          attributedTo: context.attributedTo,
        },
      ];
    });
    return {
      id: entity.id,
      name: entity.name,
      type: entity.type,
      description: entity.description,
      roles: rolesNewestFirst(entity.contributions),
      aliases: entity.aliases,
      articleCount: new Set(contexts.map((context) => context.articleId)).size,
      contexts: cardContexts,
      contextCount: contexts.length,
    };
  });
}

function compareContextsNewestFirst(a: ContextRecord, b: ContextRecord): number {
  // Same start date: the more precise one first ("22 November" before "November").
  const precisionRank = { day: 0, month: 1, year: 2 } as const;
  return (
    compareDatesNewestFirst(a.sortDate, b.sortDate) ||
    (a.sortPrecision ? precisionRank[a.sortPrecision] : 3) - (b.sortPrecision ? precisionRank[b.sortPrecision] : 3) ||
    a.order - b.order
  );
}

async function articlesById(db: FactcardsDb, ids: string[]): Promise<Map<string, ArticleRecord>> {
  const unique = [...new Set(ids)];
  const records = unique.length === 0 ? [] : await db.articles.where('id').anyOf(unique).toArray();
  return new Map(records.map((record) => [record.id, record] as const));
}

/** An article in full, with the mentions its contexts locate in the text. */
export async function getArticle(db: FactcardsDb, articleId: string): Promise<ArticleView> {
  return db.transaction('r', [db.articles, db.contexts], async () => {
    const article = await db.articles.where('id').equals(articleId).first();
    if (!article) throw new StoreError('not-found', `No article "${articleId}" is stored.`);
    const contexts = (await db.contexts.where('articleId').equals(articleId).first())?.contexts ?? [];
    const mentions: ArticleView['mentions'] = [];
    const seen = new Set<string>();
    for (const context of contexts) {
      const sentenceStart = article.text.indexOf(context.sentence);
      if (sentenceStart < 0) continue;
      const start = sentenceStart + context.start;
      const end = sentenceStart + context.end;
      const key = `${start}:${end}:${context.entityId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      mentions.push({ start, end, entityId: context.entityId });
    }
    mentions.sort((a, b) => a.start - b.start || a.end - b.end);
    return {
      id: article.id,
      title: article.title,
      outlet: article.outlet,
      url: article.url,
      publishedAt: article.publishedAt,
      language: article.language,
      text: article.text,
      citedOutlets: article.citedOutlets,
      mentions,
    };
  });
}

/** Articles that mention an entity, newest first, one page at a time. */
export async function listEntityArticles(
  db: FactcardsDb,
  entityId: string,
  offset: number,
  limit: number,
): Promise<{ total: number; articles: ArticleSearchItem[] }> {
  return db.transaction('r', [db.entities, db.contexts, db.articles], async () => {
    if (!(await db.entities.get(entityId))) throw new StoreError('not-found', `No entity "${entityId}" is stored.`);
    const articleIds = (await db.contexts.where('entityIds').equals(entityId).primaryKeys()).map(([, articleId]) => articleId);
    const articles = [...(await articlesById(db, articleIds)).values()];
    articles.sort((a, b) => compareDatesNewestFirst(a.publishedAt?.date ?? '', b.publishedAt?.date ?? '') || a.title.localeCompare(b.title));
    const page = articles.slice(Math.max(0, offset), Math.max(0, offset) + Math.max(0, limit));
    return {
      total: articles.length,
      articles: page.map(({ id, title, outlet, publishedAt, url }) => ({ id, title, outlet, publishedAt, url })),
    };
  });
}
