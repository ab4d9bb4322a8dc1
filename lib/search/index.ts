/** Fuzzy corpus search for the popup (built and kept by the background, see corpus-search.ts). */
export {
  createCorpusSearch,
  type ArticleSearchDoc,
  type CorpusSearch,
  type EntitySearchDoc,
} from './corpus-search';
export { displayForm, foldForSearch } from './fold';
export { DEFAULT_SEARCH_LIMIT, MIN_QUERY_LENGTH } from './limits';
