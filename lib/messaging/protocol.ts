/**
 * The one message protocol between Factcards' contexts. Every message that crosses a context boundary
 * is declared here, with what it carries and what it answers.
 *
 * - Content script, popup and options page → background: everything that reads or writes the store,
 *   because only the background opens IndexedDB (the extension origin, never a page's).
 * - Popup → content script (a tab): the page's site and state; the keyboard commands from the background.
 * - Popup ⇄ every frame of a tab, over a port (`PAGE_MENTIONS_PORT`): what each frame marks, kept
 *   current while the popup is open, and revealing a mention in the frame that has it.
 * - Benchmark ← every frame of a tab, over a port (`PAGE_TIMINGS_PORT`): what each frame measured.
 *
 * Payloads are plain, structured-clone/JSON-safe data. Failures come back as `Result` values rather than
 * thrown errors, so a caller always gets a message it can show.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { FuzzyMatch } from '../match/fuzzy';
import type { TextMatches } from '../match/match-texts';
import type { Article, Context, Entity, EntityType, Pack, PartialDate } from '../pack/schema';

/** An error a caller can show: what went wrong and, for input errors, where (`articles[3].url`). */
export interface ProtocolError {
  code: 'invalid-input' | 'not-found' | 'conflict' | 'too-large' | 'cancelled' | 'internal';
  message: string;
  /** Field path or file position the error is about, when there is one. */
  where?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ProtocolError };

/** One dated, sourced line of a card's timeline. */
export interface CardContext {
  sentence: string;
  /** Offsets of the mention in `sentence`, so the UI can emphasise it. */
  start: number;
  end: number;
  /** The event date when the sentence states one, else null (the UI falls back to `publishedAt`). */
  eventDate: PartialDate | null;
  /** Null when the article's date is unknown. */
  publishedAt: PartialDate | null;
  outlet: string;
  /** http(s) only, or null when the article's URL is unknown. */
  url: string | null;
  articleId: string;
  articleTitle: string;
  /** "according to Le Monde": the outlet the sentence attributes its claim to. */
  attributedTo: string | null;
}

/** Everything a hover card or the popup's entity view shows for one entity. */
export interface EntityCard {
  id: string;
  name: string;
  type: EntityType;
  description: string | null;
  /** Newest first. */
  roles: Entity['roles'];
  aliases: string[];
  /** How many distinct articles mention the entity. */
  articleCount: number;
  /** Newest first (event date, else publication date). May be truncated: see `contextCount`. */
  contexts: CardContext[];
  contextCount: number;
}

export interface SearchHit<T> {
  item: T;
  /**
   * Ranges in the matched field's text to emphasise: [start, end) pairs. `field` names a displayed field of
   * `item`: "name", "description", "aliases.N" (the N-th alias), "title", "outlet" or "snippet".
   */
  highlights: Array<{ field: string; ranges: Array<[number, number]> }>;
  score: number;
}

export interface EntitySearchItem {
  id: string;
  name: string;
  type: EntityType;
  description: string | null;
  aliases: string[];
}

export interface ArticleSearchItem {
  id: string;
  title: string;
  outlet: string;
  publishedAt: PartialDate | null;
  url: string | null;
  /** Search only: the start of the article's text, when the query matched there (highlight field "snippet"). */
  snippet?: string;
}

export interface SearchResults {
  entities: Array<SearchHit<EntitySearchItem>>;
  articles: Array<SearchHit<ArticleSearchItem>>;
}

/** An article in full, with its mentions located in `text` for linking. */
export interface ArticleView extends Omit<Article, 'text'> {
  text: string;
  mentions: Array<{ start: number; end: number; entityId: string }>;
}

/** A stored pack as the options page lists it. */
export interface PackSummary {
  id: string;
  name: string;
  description: string;
  source: string;
  created: string;
  /** ISO timestamp of the (latest) import. */
  importedAt: string;
  enabled: boolean;
  /** The bundled seed pack: it can be disabled or reset, not exported as user data. */
  bundled: boolean;
  articleCount: number;
  entityCount: number;
}

export interface ImportSummary {
  packId: string;
  articlesAdded: number;
  /** Articles already stored (same URL or same text), each with why it was skipped. */
  articlesSkipped: Array<{ articleId: string; title: string; reason: string }>;
  entitiesNew: number;
  entitiesMerged: number;
  /** The same alias claimed by different entities: shown to the user, never silently merged. */
  conflicts: Array<{ alias: string; entities: Array<{ id: string; name: string }> }>;
}

/** A known entity as extraction recognises it (lib/extract's `GazetteerEntry`). */
export interface GazetteerEntity {
  /** The stored entity's id, so extraction attaches new articles to it rather than to a look-alike. */
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  description: string | null;
}

/** A mention the content script found on the page, as the popup lists it. */
export interface PageMentionCount {
  entityId: string;
  name: string;
  type: EntityType;
  count: number;
}

/** Content script, popup and options → background. */
export interface BackgroundProtocol {
  /**
   * Finds the known names in page text: each string is one block of the page (a run). The matcher stays
   * here, loaded once per revision, so no page pays for loading it; the answer is offsets into the
   * texts (see `TextMatches`) and the revision matched against. At most `MAX_MATCH_TEXT_LENGTH`
   * characters per message (lib/store/service.ts).
   */
  matchText(texts: string[]): Result<TextMatches & { revision: string }>;
  /**
   * Fuzzy lookup of name-like token sequences that matched no alias (misspellings such as
   * "Kir Starmer"). Answers, for each candidate, the entity it resolves to or null.
   */
  resolveFuzzy(candidates: string[]): Result<Array<FuzzyMatch | null>>;
  /** The card for an entity; `maxContexts` caps the timeline (the popup's entity view asks for more). */
  getCard(request: { entityId: string; maxContexts?: number }): Result<EntityCard>;
  /** Fuzzy search of entities and articles for the popup. */
  search(request: { query: string; limit?: number }): Result<SearchResults>;
  getArticle(request: { articleId: string }): Result<ArticleView>;
  /** Articles that mention an entity, newest first, paged. */
  listEntityArticles(request: {
    entityId: string;
    offset: number;
    limit: number;
  }): Result<{ total: number; articles: ArticleSearchItem[] }>;
  /**
   * Opens the popup's search on an entity. The background stores the request in `popupRequestItem`
   * (lib/settings/popup-request.ts, key `session:popupRequest`: `{ entityId, requestedAt }`) and opens the popup, which reads
   * and clears it; when the browser cannot open the popup, it opens `popup.html?entity=ID` in a tab.
   */
  openInPopup(request: { entityId: string }): Result<void>;

  listPacks(): Result<PackSummary[]>;
  /** Validates and stores a pack in one transaction: all or nothing. */
  importPack(request: { pack: unknown }): Result<ImportSummary>;
  /**
   * Large packs travel in pieces. Chrome serialises a runtime message as JSON on the sender's main
   * thread, so a 20 MB pack sent whole freezes the options page for hundreds of milliseconds. Each
   * piece of the pack's JSON text is held in the background's memory (nothing is stored) until
   * `importStagedPack` joins them and imports the whole in one transaction, exactly as `importPack`.
   * Uploads not completed within a minute are dropped (lib/pack/upload-staging.ts).
   */
  stagePackChunk(request: { uploadId: string; index: number; chunk: string }): Result<void>;
  /** Imports the pack staged under `uploadId` (`chunks` pieces, to check none is missing) and frees it. */
  importStagedPack(request: { uploadId: string; chunks: number }): Result<ImportSummary>;
  setPackEnabled(request: { packId: string; enabled: boolean }): Result<void>;
  removePack(request: { packId: string }): Result<void>;
  /** Exports one pack, or every stored pack merged into one when `packId` is null. */
  exportPack(request: { packId: string | null }): Result<Pack>;
  /** Removes every pack and reloads the bundled seed pack. */
  resetToSeed(): Result<void>;
  /**
   * The entities of enabled packs, by name, type and aliases: the options page's import worker passes
   * them to extraction so raw articles it imports link to entities already known rather than new copies.
   */
  getGazetteer(): Result<GazetteerEntity[]>;
}

/** Popup → the content script of a tab. */
export interface TabProtocol {
  /**
   * The tab's site (host name, for the popup's per-site switch: the popup has no "tabs" permission to
   * read the URL) and whether Factcards runs there under the current settings. Asked of the top frame;
   * what the page mentions comes from every frame over `PAGE_MENTIONS_PORT`.
   */
  getPageInfo(): { site: string; active: boolean };
  /** Background → tab on the "open-card" command: opens the card of the mention at the selection or caret. */
  openCardAtSelection(): boolean;
  /** Background → tab on the "next-mention"/"previous-mention" commands: scrolls to it and opens its card. */
  revealAdjacentMention(request: { direction: 'next' | 'previous' }): boolean;
}

/** The content script's own measurements in one document, in milliseconds (null until it happened). */
export interface ContentTimings {
  /**
   * Main-thread time of starting Factcards in the document, to the end of its synchronous start. In the
   * top document, from the content script's module being evaluated, in the task that runs the script
   * (compiling the script and its libraries' top levels come before, in that task: only a browser trace
   * sees them, and the benchmark reads it). In a frame, from the frames' script calling it once
   * frame-page.js has loaded.
   */
  startupMs: number;
  /** Main-thread time of setting up after that (settings, listeners, the highlight stylesheet). */
  setupMs: number;
  /** Main-thread time spent scanning and highlighting, summed over chunks. */
  scanMs: number;
  /** Characters of page text scanned. */
  textLength: number;
  /** The longest single chunk of content-script work. */
  longestTaskMs: number;
  /** Wall time spent waiting for the background's `matchText` answers (not main-thread time: the page runs meanwhile). */
  matchWaitMs: number;
  /** From content-script start until the first highlights were registered. */
  firstHighlightsMs: number | null;
  /**
   * Dwell end → card rendered, for the last card opened. `cached` says whether the page had its data
   * before the pointer came to rest on the mention; otherwise it was requested then, during the dwell.
   */
  lastCardRenderMs: number | null;
  lastCardCached: boolean | null;
  mentionCount: number;
}

/**
 * The port the popup opens to its tab with `tabs.connect` and no frame id, which reaches every frame:
 * the top document and each same-origin frame mark their own text, so each answers for its own. A frame
 * posts its mentions when the port opens and again whenever they change, and reveals a mention when the
 * popup asks that frame by its key.
 */
export const PAGE_MENTIONS_PORT = 'factcards:page-mentions';

/**
 * The port the benchmark opens to a tab like the popup's (`PAGE_MENTIONS_PORT`): every document that
 * runs Factcards, the top one and each same-origin frame with text, posts its `FrameTimings` once when
 * it opens. Kept out of the page's own performance timeline, which the page can read.
 */
export const PAGE_TIMINGS_PORT = 'factcards:page-timings';

export interface FrameTimings {
  frame: string;
  top: boolean;
  timings: ContentTimings;
}

/** A frame → the popup, over `PAGE_MENTIONS_PORT`. `frame` is a random key the frame chose for itself. */
export type FrameReport =
  | { type: 'mentions'; frame: string; top: boolean; mentions: PageMentionCount[] }
  | { type: 'revealed'; frame: string; entityId: string; revealed: boolean };

/** The popup → a frame, over `PAGE_MENTIONS_PORT`: scroll to the entity's first mention and open its card. */
export interface RevealRequest {
  type: 'reveal';
  frame: string;
  entityId: string;
}

export const backgroundMessenger = defineExtensionMessaging<BackgroundProtocol>();
export const tabMessenger = defineExtensionMessaging<TabProtocol>();

export type { Article, Context, Entity };
