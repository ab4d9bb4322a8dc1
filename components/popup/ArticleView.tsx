/**
 * One article: title, outlet, date, source link (http(s) only), and its text with every mention a link
 * to the entity's view. Paragraphs are shown a page at a time, since imported texts can be long.
 */
import { useCallback, useState, type ReactNode } from 'react';
import type { ArticleView as ArticleViewData } from '../../lib/messaging/protocol';
import { formatPartialDate } from '../../lib/pack/dates';
import { outletLabel } from './labels';
import type { PopupApi } from './popup-api';
import { useResult } from './use-result';
import { httpUrl } from '../../lib/pack/http-url';

export const PARAGRAPHS_PAGE = 30;

export interface ArticleViewProps {
  api: PopupApi;
  articleId: string;
  onOpenEntity: (entityId: string) => void;
}

/** [start, end) of each paragraph of `text`: runs of text between line breaks. */
export function paragraphRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const pattern = /[^\n]+/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0].trim() !== '') ranges.push([match.index, match.index + match[0].length]);
  }
  return ranges;
}

export function ArticleView({ api, articleId, onOpenEntity }: ArticleViewProps) {
  const article = useResult<ArticleViewData>(useCallback(() => api.getArticle(articleId), [api, articleId]));
  const [shownParagraphs, setShownParagraphs] = useState(PARAGRAPHS_PAGE);

  if (article.status === 'loading') return <p className="fc-state" role="status">Loading…</p>;
  if (article.status === 'error') {
    return (
      <p className="fc-state fc-error" role="alert">
        Could not load this article: {article.message}
      </p>
    );
  }
  const { title, outlet, publishedAt, url, text, mentions } = article.value;
  const source = httpUrl(url);
  const paragraphs = paragraphRanges(text);
  const visible = paragraphs.slice(0, shownParagraphs);
  const sortedMentions = [...mentions].sort((a, b) => a.start - b.start);
  return (
    <article className="fc-article" data-article-id={article.value.id}>
      <h2 className="fc-article__title">{title}</h2>
      <p className="fc-article__meta">
        {outletLabel(outlet)} · {formatPartialDate(publishedAt)}
        {source ? (
          <>
            {' · '}
            <a href={source} target="_blank" rel="noopener noreferrer">
              Source
            </a>
          </>
        ) : null}
      </p>
      <div className="fc-article__text">
        {visible.map(([start, end]) => (
          <p key={start}>{linkMentions(text, start, end, sortedMentions, onOpenEntity)}</p>
        ))}
      </div>
      {paragraphs.length > visible.length ? (
        <button type="button" className="fc-button" onClick={() => setShownParagraphs((shown) => shown + PARAGRAPHS_PAGE)}>
          Show more ({paragraphs.length - visible.length} paragraphs left)
        </button>
      ) : null}
    </article>
  );
}

/** text[from, to) with the mentions inside it as buttons opening their entity; overlapping ones are skipped. */
function linkMentions(
  text: string,
  from: number,
  to: number,
  mentions: ArticleViewData['mentions'],
  onOpenEntity: (entityId: string) => void,
): ReactNode[] {
  const parts: ReactNode[] = [];
  let at = from;
  for (const mention of mentions) {
    if (mention.start < at || mention.end > to || mention.end <= mention.start) continue;
    if (mention.start > at) parts.push(text.slice(at, mention.start));
    parts.push(
      <button key={mention.start} type="button" className="fc-mention-link" data-entity-id={mention.entityId} onClick={() => onOpenEntity(mention.entityId)}>
        {text.slice(mention.start, mention.end)}
      </button>,
    );
    at = mention.end;
  }
  if (at < to) parts.push(text.slice(at, to));
  return parts;
}
