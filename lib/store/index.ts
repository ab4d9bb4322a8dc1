/** The knowledge store (background only): open it, import and manage packs, and read the views. */
export { DATABASE_NAME, openFactcardsDb, type FactcardsDb } from './db';
export { StoreError, toProtocolError } from './errors';
export { importPack, preparePack, type ImportOptions } from './import';
export { ensureBundledPack, exportPack, listPacks, loadBundledPack, removePack, resetToSeed, setPackEnabled } from './packs';
export {
  DEFAULT_CARD_CONTEXTS,
  getArticle,
  getCard,
  getGazetteer,
  getMatchableEntities,
  getMatcherSource,
  getSearchCorpus,
  listEntityArticles,
  type MatchableEntity,
  type MatcherSource,
} from './queries';
export { getRevision } from './revision';
export { createKnowledgeService, type KnowledgeService, type KnowledgeServiceOptions } from './service';
