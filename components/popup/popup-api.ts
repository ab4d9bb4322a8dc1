/**
 * Everything the popup asks of the rest of the extension, as one interface: the background (store
 * queries), the target tab's content scripts (what its frames mention) and the settings. The popup's
 * components take it as a prop, so unit tests hand them a fake and the entrypoint hands them the real one.
 */
import type { ArticleSearchItem, ArticleView, EntityCard, PageMentionCount, PackSummary, Result, SearchResults } from '../../lib/messaging/protocol';
import type { Settings } from '../../lib/settings';

export interface PageInfo {
  /** Host name as `siteKey` gives it, for the site switch. */
  site: string;
  /** Whether Factcards runs on the page under the current settings. */
  active: boolean;
}

export interface PopupApi {
  search(query: string, limit?: number): Promise<Result<SearchResults>>;
  getCard(entityId: string, maxContexts: number): Promise<Result<EntityCard>>;
  getArticle(articleId: string): Promise<Result<ArticleView>>;
  listEntityArticles(entityId: string, offset: number, limit: number): Promise<Result<{ total: number; articles: ArticleSearchItem[] }>>;
  listPacks(): Promise<Result<PackSummary[]>>;
  /** The page the popup is about, or null when no content script answers there (a browser page, a PDF). */
  getPageInfo(): Promise<PageInfo | null>;
  /**
   * What the page mentions, its frames' marks added up, one row per entity, most frequent first: called
   * back once the frames have reported and again whenever that changes. Returns the unsubscribe.
   */
  watchPageMentions(onChange: (mentions: PageMentionCount[]) => void): () => void;
  /** Scrolls the page (the frame that has it) to the entity's first mention and opens its card. */
  revealMention(entityId: string): Promise<boolean>;
  getSettings(): Promise<Settings>;
  setSettings(settings: Settings): Promise<void>;
  /** Calls back on every settings change; returns the unsubscribe. */
  watchSettings(onChange: (settings: Settings) => void): () => void;
  /** The entity a card's "Open in Factcards" asked for (`popupRequestItem`), cleared once read; null if none. */
  takePopupRequest(): Promise<string | null>;
  openOptions(): void;
  /** Closes the popup (Esc on an empty search). */
  close(): void;
}

/** A thrown messaging failure (background asleep and not waking, extension reloaded) as a Result. */
export async function asResult<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call();
  } catch (error) {
    return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
  }
}
