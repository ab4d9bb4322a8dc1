/**
 * Fuzzy search of the corpus for the popup: entities by name, aliases, description and roles; articles by
 * title and outlet (fuzzy) and by the words of their text. Pure: the background builds it from the store's search corpus,
 * keeps it until a pack changes, and answers `search` messages with it.
 *
 * Each keystroke: fold the query, take the records that share enough letter grams with it (gram-index.ts),
 * and let fuse.js rank just those. Fuse searches folded copies of the fields that line up character for
 * character with what is displayed (fold.ts), so typos ("Maccron"), missing accents ("Jean-Noel") and
 * aliases ("coalition of readiness") all match, and the ranges fuse reports emphasise the displayed text.
 */
import Fuse, { type FuseResult, type IFuseOptions } from 'fuse.js';
import type { ArticleSearchItem, EntitySearchItem, SearchHit, SearchResults } from '../messaging/protocol';
import type { EntityType, PartialDate } from '../pack/schema';
import { displayForm, foldForSearch, foldedTokens } from './fold';
import { createGramIndex, queryGrams, type GramIndex } from './gram-index';
import { DEFAULT_SEARCH_LIMIT, MIN_QUERY_LENGTH } from './limits';
import { createTextIndex, snippetAround, type TextIndex } from './text-index';

export interface EntitySearchDoc {
  id: string;
  name: string;
  type: EntityType;
  description: string | null;
  aliases: string[];
  /** Role titles, any date ("Chief of the Defence Staff"). */
  roles: string[];
}

export interface ArticleSearchDoc {
  id: string;
  title: string;
  outlet: string;
  publishedAt: PartialDate | null;
  url: string | null;
  text: string;
}

export interface CorpusSearch {
  /** Entities then articles matching `query`, best first, at most `limit` of each. Empty for a blank query. */
  search(query: string, limit?: number): SearchResults;
}

/** Where an article matched only in its text, it ranks after every title or outlet match. */
const TEXT_ONLY_SCORE = 0.5;
/**
 * Fuse ranks at most this many prefiltered records per group, those sharing the most grams with the query:
 * several times what the popup shows, and few enough that fuse stays well inside a frame.
 */
const MAX_CANDIDATES = 80;
/** Share of the query's grams a record must contain to be ranked at all. */
const MIN_GRAM_SHARE = 0.5;

/** Entities fetched per shown result, so that the name tiers below can reorder fuse's ranking. */
const RERANK_FACTOR = 3;

/** Shared fuse settings: the fields are folded already, so fuse compares them as they are. */
const FUSE_OPTIONS = {
  includeMatches: true,
  includeScore: true,
  // A name or alias may be matched anywhere in the field ("Barrot" in "Jean-Noël Barrot").
  ignoreLocation: true,
  threshold: 0.34,
  minMatchCharLength: 2,
  isCaseSensitive: true,
} as const;

interface EntityRecord {
  doc: EntitySearchItem;
  name: string;
  aliases: string[];
  description: string;
  roles: string[];
}

interface ArticleRecord {
  doc: ArticleSearchItem;
  title: string;
  outlet: string;
  /** The text as displayed, and folded (same length). */
  text: string;
  foldedText: string;
}

const ENTITY_FUSE_OPTIONS: IFuseOptions<EntityRecord> = {
  ...FUSE_OPTIONS,
  keys: [
    { name: 'name', weight: 4 },
    { name: 'aliases', weight: 3 },
    { name: 'roles', weight: 1 },
    { name: 'description', weight: 0.5 },
  ],
};

const ARTICLE_FUSE_OPTIONS: IFuseOptions<ArticleRecord> = {
  ...FUSE_OPTIONS,
  keys: [
    { name: 'title', weight: 3 },
    { name: 'outlet', weight: 1 },
  ],
};

export function createCorpusSearch(corpus: { entities: EntitySearchDoc[]; articles: ArticleSearchDoc[] }): CorpusSearch {
  const entityRecords: EntityRecord[] = corpus.entities.map((entity) => {
    const doc: EntitySearchItem = {
      id: entity.id,
      name: displayForm(entity.name),
      type: entity.type,
      description: entity.description === null ? null : displayForm(entity.description),
      aliases: entity.aliases.map(displayForm),
    };
    return {
      doc,
      name: foldForSearch(doc.name),
      aliases: doc.aliases.map(foldForSearch),
      description: doc.description === null ? '' : foldForSearch(doc.description),
      roles: entity.roles.map((role) => foldForSearch(displayForm(role))),
    };
  });
  const articleRecords: ArticleRecord[] = corpus.articles.map((article) => {
    const doc: ArticleSearchItem = {
      id: article.id,
      title: displayForm(article.title),
      outlet: displayForm(article.outlet),
      publishedAt: article.publishedAt,
      url: article.url,
    };
    const text = displayForm(article.text);
    return { doc, title: foldForSearch(doc.title), outlet: foldForSearch(doc.outlet), text, foldedText: foldForSearch(text) };
  });

  const entities = createGroup(entityRecords, ENTITY_FUSE_OPTIONS, (record) => [
    record.name,
    ...record.aliases,
    record.description,
    ...record.roles,
  ]);
  const articles = createGroup(articleRecords, ARTICLE_FUSE_OPTIONS, (record) => [record.title, record.outlet]);
  const articleTexts = createTextIndex(articleRecords.map((record) => record.foldedText));

  return {
    search(query, limit = DEFAULT_SEARCH_LIMIT) {
      const folded = foldForSearch(displayForm(query));
      const grams = queryGrams(folded);
      const pattern = folded.trim().replace(/\s+/g, ' ');
      if (grams.length === 0 || pattern.length < MIN_QUERY_LENGTH) return { entities: [], articles: [] };
      return {
        entities: byNameTier(entities.rank(grams, pattern, limit * RERANK_FACTOR), pattern).slice(0, limit).map(toEntityHit),
        articles: rankArticles(articles.rank(grams, pattern, limit), articleTexts, articleRecords, folded, limit),
      };
    },
  };
}

/** One kind of record (entities or articles): its gram prefilter and its fuse index, both built once. */
interface SearchGroup<T> {
  rank(grams: string[], pattern: string, limit: number): Array<FuseResult<T>>;
}

function createGroup<T>(records: T[], options: IFuseOptions<T>, fieldsOf: (record: T) => string[]): SearchGroup<T> {
  const grams: GramIndex = createGramIndex(records.map(fieldsOf));
  // Fuse's own index (field values and length norms) is built once; each keystroke hands fuse only the
  // prefiltered records of it, so fuse neither rebuilds an index nor scans the whole collection.
  const fullIndex = Fuse.createIndex(options.keys ?? [], records);
  return {
    rank(queryGrams, pattern, limit) {
      const candidates = grams.candidates(queryGrams, MIN_GRAM_SHARE, MAX_CANDIDATES);
      if (candidates.length === 0) return [];
      const index = Fuse.parseIndex<T>({ keys: fullIndex.keys, records: candidates.flatMap((record) => fullIndex.records[record] ?? []) });
      return new Fuse(records, options, index).search(pattern, { limit });
    },
  };
}

/**
 * How directly the query names the entity: 0 when its name begins with the query ("ukrain" → Ukraine),
 * 1 when an alias does ("ukrain" → Armed Forces of Ukraine, alias "Ukrainian army"), 2 when a word of
 * either does ("mandon" → Fabien Mandon), 3 otherwise (a typo, a description, a role). Fuse scores every
 * exact substring alike wherever it sits in the field; readers expect the thing they named first.
 */
function nameTier(record: EntityRecord, pattern: string): number {
  if (record.name.startsWith(pattern)) return 0;
  if (record.aliases.some((alias) => alias.startsWith(pattern))) return 1;
  const startsAWord = (text: string) => {
    for (let at = text.indexOf(pattern); at >= 0; at = text.indexOf(pattern, at + 1)) {
      if (!/[\p{L}\p{N}]/u.test(text.charAt(at - 1))) return true;
    }
    return false;
  };
  return [record.name, ...record.aliases].some(startsAWord) ? 2 : 3;
}

function byNameTier(results: Array<FuseResult<EntityRecord>>, pattern: string): Array<FuseResult<EntityRecord>> {
  const tiers = new Map(results.map((result) => [result, nameTier(result.item, pattern)]));
  // Stable: within a tier, fuse's order stands.
  return [...results].sort((a, b) => (tiers.get(a) ?? 3) - (tiers.get(b) ?? 3));
}

type Highlight = SearchHit<unknown>['highlights'][number];

/** Fuse's inclusive [start, end] pairs as the protocol's [start, end) ranges for one displayed field. */
function highlightsOf(result: FuseResult<unknown>, fieldName: (key: string, refIndex: number | undefined) => string | null): Highlight[] {
  const highlights: Highlight[] = [];
  for (const match of result.matches ?? []) {
    const field = match.key === undefined ? null : fieldName(match.key, match.refIndex);
    if (field === null) continue;
    highlights.push({ field, ranges: match.indices.map(([start, end]): [number, number] => [start, end + 1]) });
  }
  return highlights;
}

function toEntityHit(result: FuseResult<EntityRecord>): SearchHit<EntitySearchItem> {
  return {
    item: result.item.doc,
    // Roles are searched but not part of the displayed item, so they add no highlight.
    highlights: highlightsOf(result, (key, refIndex) =>
      key === 'aliases' ? `aliases.${refIndex ?? 0}` : key === 'name' || key === 'description' ? key : null,
    ),
    score: result.score ?? 0,
  };
}

/** Fuzzy title and outlet hits first, then articles whose text has every word of the query, with a snippet. */
function rankArticles(
  fuzzyHits: Array<FuseResult<ArticleRecord>>,
  texts: TextIndex,
  records: ArticleRecord[],
  foldedQuery: string,
  limit: number,
): Array<SearchHit<ArticleSearchItem>> {
  const words = foldedTokens(foldedQuery);
  const hits: Array<SearchHit<ArticleSearchItem>> = fuzzyHits.map((result) => ({
    item: result.item.doc,
    highlights: highlightsOf(result, (key) => key),
    score: result.score ?? 0,
  }));
  const seen = new Set(fuzzyHits.map((result) => result.item.doc.id));
  for (const recordIndex of texts.find(words, /\s$/.test(foldedQuery), limit * 2)) {
    const record = records[recordIndex];
    if (!record) continue;
    const snippet = snippetAround(record.text, record.foldedText, words);
    if (!snippet) continue;
    const existing = hits.find((hit) => hit.item.id === record.doc.id);
    if (existing) {
      existing.item = { ...existing.item, snippet: snippet.snippet };
      existing.highlights.push({ field: 'snippet', ranges: snippet.ranges });
    } else if (!seen.has(record.doc.id) && hits.length < limit) {
      hits.push({
        item: { ...record.doc, snippet: snippet.snippet },
        highlights: [{ field: 'snippet', ranges: snippet.ranges }],
        score: TEXT_ONLY_SCORE,
      });
    }
  }
  return hits.slice(0, limit);
}
