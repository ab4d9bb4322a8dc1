/** Search limits the popup shares with the search itself (a module of its own, so the UI bundle needs no fuse.js). */

/** Hits per group when the caller gives no limit. */
export const DEFAULT_SEARCH_LIMIT = 20;
/** Queries shorter than this (after trimming) find nothing: one letter matches half the corpus. */
export const MIN_QUERY_LENGTH = 2;
