/**
 * One entity at full length: the shared card (`EntityCard`, variant "full") with every context as a
 * timeline, shown a page at a time; its roles over time; and the articles that mention it, paged from the
 * background.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ArticleSearchItem, EntityCard as EntityCardData } from '../../lib/messaging/protocol';
import { formatPartialDate } from '../../lib/pack/dates';
import type { Theme } from '../../lib/settings';
import { EntityCard } from '../EntityCard';
import { outletLabel } from './labels';
import type { PopupApi } from './popup-api';
import { useResult } from './use-result';

/** The timeline the popup asks for: every context of any entity a reader would scroll through. */
export const ENTITY_VIEW_MAX_CONTEXTS = 2_000;
export const CONTEXTS_PAGE = 20;
export const ARTICLES_PAGE = 10;

export interface EntityViewProps {
  api: PopupApi;
  entityId: string;
  theme: Theme;
  onOpenArticle: (articleId: string) => void;
}

export function EntityView({ api, entityId, theme, onOpenArticle }: EntityViewProps) {
  const card = useResult<EntityCardData>(useCallback(() => api.getCard(entityId, ENTITY_VIEW_MAX_CONTEXTS), [api, entityId]));
  const [shownContexts, setShownContexts] = useState(CONTEXTS_PAGE);

  if (card.status === 'loading') return <p className="fc-state" role="status">Loading…</p>;
  if (card.status === 'error') {
    return (
      <p className="fc-state fc-error" role="alert">
        Could not load this entity: {card.message}
      </p>
    );
  }
  const full = card.value;
  const contexts = full.contexts.slice(0, shownContexts);
  const moreLoaded = full.contexts.length - contexts.length;
  const notLoaded = Math.max(0, full.contextCount - full.contexts.length);
  return (
    <div className="fc-entity-view">
      {/* The card is given the page of contexts shown so far; paging is the popup's. */}
      <EntityCard card={{ ...full, contexts, contextCount: contexts.length }} variant="full" theme={theme} />
      {moreLoaded > 0 ? (
        <button type="button" className="fc-button" onClick={() => setShownContexts((shown) => shown + CONTEXTS_PAGE)}>
          Show {Math.min(CONTEXTS_PAGE, moreLoaded)} more of {moreLoaded} contexts
        </button>
      ) : null}
      {notLoaded > 0 && moreLoaded === 0 ? <p className="fc-state">{notLoaded} older contexts are not shown.</p> : null}
      <RolesOverTime card={full} />
      <EntityArticles api={api} entityId={entityId} onOpenArticle={onOpenArticle} />
    </div>
  );
}

function RolesOverTime({ card }: { card: EntityCardData }) {
  if (card.roles.length === 0) return null;
  return (
    <section className="fc-section" aria-labelledby="fc-roles-heading">
      <h3 id="fc-roles-heading">Roles over time</h3>
      <ol className="fc-list fc-roles">
        {card.roles.map((role, index) => (
          <li key={`${role.title}:${role.articleId}:${index}`}>
            <span>{role.title}</span> <span className="fc-count">· as of {formatPartialDate(role.asOf)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function EntityArticles({ api, entityId, onOpenArticle }: { api: PopupApi; entityId: string; onOpenArticle: (articleId: string) => void }) {
  const [articles, setArticles] = useState<ArticleSearchItem[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const loadPage = (offset: number) => {
    setLoading(true);
    return api.listEntityArticles(entityId, offset, ARTICLES_PAGE).then((result) => {
      setLoading(false);
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      setTotal(result.value.total);
      setArticles((shown) => (offset === 0 ? result.value.articles : [...shown, ...result.value.articles]));
    });
  };

  useEffect(() => {
    let current = true;
    void api.listEntityArticles(entityId, 0, ARTICLES_PAGE).then((result) => {
      if (!current) return;
      if (!result.ok) setError(result.error.message);
      else {
        setTotal(result.value.total);
        setArticles(result.value.articles);
      }
    });
    return () => {
      current = false;
    };
  }, [api, entityId]);

  return (
    <section className="fc-section" aria-labelledby="fc-articles-heading">
      <h3 id="fc-articles-heading">Articles that mention it{total !== null ? ` (${total})` : ''}</h3>
      {error ? <p className="fc-error">{error}</p> : null}
      <ul className="fc-list fc-entity-articles">
        {articles.map((article) => (
          <li key={article.id}>
            <button type="button" className="fc-link" data-article-id={article.id} onClick={() => onOpenArticle(article.id)}>
              {article.title}
            </button>
            <div className="fc-count">
              {outletLabel(article.outlet)} · {formatPartialDate(article.publishedAt)}
            </div>
          </li>
        ))}
      </ul>
      {total !== null && articles.length < total ? (
        <button type="button" className="fc-button" disabled={loading} onClick={() => void loadPage(articles.length)}>
          More articles ({total - articles.length} left)
        </button>
      ) : null}
    </section>
  );
}
