/**
 * The background's knowledge service: every store-backed answer of the BackgroundProtocol, as `Result`
 * values, with the derived structures (compiled matcher, fuzzy resolver, search index) cached by store
 * revision. They are rebuilt only after a pack changes, never per page; the compiled matcher is also kept in
 * the meta table so a restarted service worker does not recompile it.
 */
import { COMPILED_MATCHER_FORMAT, compileMatcher, createFuzzyResolver, loadMatcher, matchTexts, type CompiledMatcher, type FuzzyMatch, type Matcher, type TextMatches } from '../match';
import type { ArticleSearchItem, ArticleView, EntityCard, GazetteerEntity, ImportSummary, PackSummary, Result, SearchResults } from '../messaging/protocol';
import type { Pack } from '../pack/schema';
import { MAX_PACK_BYTES } from '../pack/validate';
import { createCorpusSearch, type CorpusSearch } from '../search';
import type { FactcardsDb } from './db';
import { StoreError, toProtocolError } from './errors';
import { importPack } from './import';
import { ensureBundledPack, exportPack, listPacks, loadBundledPack, removePack, resetToSeed, setPackEnabled } from './packs';
import { getArticle, getCard, getGazetteer, getMatchableEntities, getMatcherSource, getSearchCorpus, listEntityArticles, type MatcherSource } from './queries';
import { getRevision } from './revision';

const MATCHER_CACHE_KEY = 'compiledMatcher';

/**
 * The most page text one `matchText` message may carry (UTF-16 code units). Content scripts send a page
 * in pieces well under this; the cap only stops a misbehaving sender from tying up the background.
 */
export const MAX_MATCH_TEXT_LENGTH = 4_000_000;

export interface KnowledgeServiceOptions {
  db: FactcardsDb;
  /** The bundled pack (the generated seed pack); loaded on install and update, restored by reset. */
  seed: unknown;
  /** Told the new revision after every change, so content scripts can refetch the matcher. */
  onRevision?: (revision: string) => void | Promise<void>;
}

export type KnowledgeService = ReturnType<typeof createKnowledgeService>;

/** Runs a store operation and turns what it throws into an error value the caller can show. */
async function toResult<T>(operation: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await operation() };
  } catch (error) {
    return { ok: false, error: toProtocolError(error) };
  }
}

/** A value derived from the store, rebuilt when the revision moves; concurrent callers share one build. */
function revisionCache<T>(build: () => Promise<{ revision: string; value: T }>, currentRevision: () => Promise<string>) {
  let cached: { revision: string; value: T } | null = null;
  let building: Promise<{ revision: string; value: T }> | null = null;
  return async (): Promise<{ revision: string; value: T }> => {
    const revision = await currentRevision();
    if (cached?.revision === revision) return cached;
    building ??= build().finally(() => {
      building = null;
    });
    cached = await building;
    return cached;
  };
}

export function createKnowledgeService({ db, seed, onRevision }: KnowledgeServiceOptions) {
  const currentRevision = () => getRevision(db);

  // Compiled when packs change (and kept in the meta table, so a restarted background does not compile
  // it again), then loaded once per revision: every page's text is matched against this one copy.
  const matcher = revisionCache<Matcher>(async () => {
    // The revision and what it labels are read in one transaction; the entities only when the stored copy is stale.
    type Read = { revision: string; stored: CompiledMatcher } | { revision: string; source: MatcherSource };
    const read = await db.transaction('r', [db.meta, db.packs, db.entities], async (): Promise<Read> => {
      const revision = await getRevision(db);
      const cached = (await db.meta.get(MATCHER_CACHE_KEY))?.value as { revision?: string; matcher?: CompiledMatcher } | undefined;
      const stored = cached?.revision === revision ? cached.matcher : undefined;
      if (stored && stored.format === COMPILED_MATCHER_FORMAT) return { revision, stored };
      return { revision, source: await getMatcherSource(db) };
    });
    let compiled: CompiledMatcher;
    if ('stored' in read) {
      compiled = read.stored;
    } else {
      compiled = compileMatcher(read.source.entities, read.source.aliases);
      await db.meta.put({ key: MATCHER_CACHE_KEY, value: { revision: read.revision, matcher: compiled } });
    }
    return { revision: read.revision, value: loadMatcher(compiled) };
  }, currentRevision);

  const fuzzy = revisionCache<(candidate: string) => FuzzyMatch | null>(async () => {
    const { revision, entities } = await db.transaction('r', [db.meta, db.packs, db.entities], async () => ({
      revision: await getRevision(db),
      entities: await getMatchableEntities(db),
    }));
    return { revision, value: createFuzzyResolver(entities) };
  }, currentRevision);

  const corpusSearch = revisionCache<CorpusSearch>(async () => {
    const { revision, corpus } = await db.transaction('r', [db.meta, db.packs, db.entities, db.articles], async () => ({
      revision: await getRevision(db),
      corpus: await getSearchCorpus(db),
    }));
    return { revision, value: createCorpusSearch(corpus) };
  }, currentRevision);

  /** Runs a change, then tells listeners the new revision (caches above notice it on their own). */
  async function change<T>(operation: () => Promise<T>): Promise<T> {
    const value = await operation();
    await onRevision?.(await currentRevision());
    return value;
  }

  return {
    /** Loads (or reloads, on update) the bundled pack; imported packs are untouched. */
    loadBundledPack: (): Promise<Result<void>> => toResult(() => change(() => loadBundledPack(db, seed))),

    /**
     * At every start: finishes a bundled-pack load that never completed, then tells listeners the current
     * revision so they have one to compare.
     */
    start: (): Promise<Result<void>> =>
      toResult(async () => {
        await ensureBundledPack(db, seed);
        await onRevision?.(await currentRevision());
      }),

    /** Finds the known names (and fuzzy-lookup candidates) in a batch of page texts. */
    matchText: (texts: unknown): Promise<Result<TextMatches & { revision: string }>> =>
      toResult(async () => {
        const checked = checkTexts(texts);
        const { revision, value } = await matcher();
        return { revision, ...matchTexts(checked, value) };
      }),

    resolveFuzzy: (candidates: unknown): Promise<Result<Array<FuzzyMatch | null>>> =>
      toResult(async () => {
        const checked = checkTexts(candidates);
        const { value: resolve } = await fuzzy();
        return checked.map((candidate) => resolve(candidate));
      }),

    getCard: (entityId: string, maxContexts?: number): Promise<Result<EntityCard>> => toResult(() => getCard(db, entityId, maxContexts)),

    search: (query: string, limit?: number): Promise<Result<SearchResults>> =>
      toResult(async () => (await corpusSearch()).value.search(query, limit)),

    getArticle: (articleId: string): Promise<Result<ArticleView>> => toResult(() => getArticle(db, articleId)),

    listEntityArticles: (entityId: string, offset: number, limit: number): Promise<Result<{ total: number; articles: ArticleSearchItem[] }>> =>
      toResult(() => listEntityArticles(db, entityId, offset, limit)),

    getGazetteer: (): Promise<Result<GazetteerEntity[]>> => toResult(() => getGazetteer(db)),

    listPacks: (): Promise<Result<PackSummary[]>> => toResult(() => listPacks(db)),

    importPack: (pack: unknown): Promise<Result<ImportSummary>> =>
      toResult(() => {
        if (typeof pack === 'string' && pack.length > MAX_PACK_BYTES) {
          throw new StoreError('too-large', `The pack is over ${MAX_PACK_BYTES / 1024 / 1024} MB.`);
        }
        return change(() => importPack(db, pack));
      }),

    setPackEnabled: (packId: string, enabled: boolean): Promise<Result<void>> =>
      toResult(() => change(() => setPackEnabled(db, packId, enabled))),

    removePack: (packId: string): Promise<Result<void>> => toResult(() => change(() => removePack(db, packId))),

    exportPack: (packId: string | null): Promise<Result<Pack>> => toResult(() => exportPack(db, packId)),

    resetToSeed: (): Promise<Result<void>> => toResult(() => change(() => resetToSeed(db, seed))),
  };
}

/**
 * Page text arrives from content scripts, which run in pages that may be hostile: it must be an array of
 * strings of reasonable total size before anything works on it.
 */
function checkTexts(texts: unknown): string[] {
  if (!Array.isArray(texts)) throw new StoreError('invalid-input', 'Expected a list of texts.');
  let length = 0;
  for (const [index, text] of texts.entries()) {
    if (typeof text !== 'string') throw new StoreError('invalid-input', `Text ${index} is not a string.`);
    length += text.length;
  }
  if (length > MAX_MATCH_TEXT_LENGTH) {
    throw new StoreError('too-large', `${length} characters of text in one message; at most ${MAX_MATCH_TEXT_LENGTH} are matched at once.`);
  }
  return texts as string[];
}
