/**
 * The content of an entity's card: who or what it is, and what the stored articles said about it, when
 * and where. Shared by the hover card on pages (`variant="hover"`, inside a shadow root) and the popup's
 * entity view (`variant="full"`). Purely presentational: it renders the `EntityCard` it is given.
 *
 * Everything shown comes from packs or pages, so it is rendered as React text only, never as HTML, and
 * only http(s) URLs become links. Styles: `ENTITY_CARD_CSS` in ./entity-card.css.ts.
 */
import { useId, type ReactNode } from 'react';
import type { CardContext, EntityCard as EntityCardData } from '../lib/messaging/protocol';
import { formatPartialDate, partialDateTimeAttribute } from '../lib/pack/dates';
import type { EntityType, PartialDate } from '../lib/pack/schema';
import type { Theme } from '../lib/settings';
import { httpUrl } from '../lib/pack/http-url';

export interface EntityCardProps {
  card: EntityCardData;
  /** `hover`: a compact dialog beside a mention; `full`: the popup's entity view. */
  variant: 'hover' | 'full';
  /** Shows the "Open in Factcards" action when given. */
  onOpenInPopup?: () => void;
  /** Id for the heading, when the caller needs to point at it; one is generated otherwise. */
  headingId?: string;
  /** The user's theme setting; `auto` (the default) follows `prefers-color-scheme`. */
  theme?: Theme;
}

const TYPE_LABELS: Record<EntityType, string> = {
  person: 'Person',
  organization: 'Organisation',
  place: 'Place',
  concept: 'Concept',
  event: 'Event',
};

/** Card content for one entity. The root carries `data-entity-id`, the heading the canonical name. */
export function EntityCard({ card, variant, onOpenInPopup, headingId, theme = 'auto' }: EntityCardProps) {
  const generatedId = useId();
  const titleId = headingId ?? `factcards-card-title-${generatedId}`;
  const newestRole = card.roles[0];
  const contexts = sortNewestFirst(card.contexts);
  const hidden = Math.max(0, card.contextCount - contexts.length);

  return (
    <section
      className={`fc-card fc-card--${variant}`}
      data-entity-id={card.id}
      data-theme={theme === 'auto' ? undefined : theme}
      role={variant === 'hover' ? 'dialog' : 'region'}
      aria-labelledby={titleId}
    >
      <div className="fc-card__header">
        <h2 className="fc-card__name" id={titleId}>
          {card.name}
        </h2>
        <p className="fc-card__type">{TYPE_LABELS[card.type] ?? card.type}</p>
        {newestRole ? (
          <p className="fc-card__role">
            {newestRole.title}
            {newestRole.asOf ? (
              <>
                {' · as of '}
                <DateText date={newestRole.asOf} />
              </>
            ) : null}
          </p>
        ) : null}
        {card.description && card.description !== newestRole?.title ? (
          <p className="fc-card__description">{card.description}</p>
        ) : null}
        {card.aliases.length > 0 ? (
          <p className="fc-card__aliases">
            <span className="fc-card__label">Also known as </span>
            {card.aliases.join(', ')}
          </p>
        ) : null}
        <p className="fc-card__count">
          Mentioned in {card.articleCount} {card.articleCount === 1 ? 'article' : 'articles'}
        </p>
      </div>

      {contexts.length > 0 ? (
        <ol className="fc-card__timeline" aria-label={`What the articles said about ${card.name}, newest first`}>
          {contexts.map((context, index) => (
            <ContextItem key={`${context.articleId}:${context.start}:${index}`} context={context} />
          ))}
        </ol>
      ) : (
        <p className="fc-card__empty">No dated context stored yet.</p>
      )}
      {hidden > 0 ? (
        <p className="fc-card__more">
          {hidden} more {hidden === 1 ? 'context' : 'contexts'} in Factcards
        </p>
      ) : null}

      {onOpenInPopup ? (
        <footer className="fc-card__actions">
          <button type="button" className="fc-card__open" onClick={onOpenInPopup}>
            Open in Factcards
          </button>
        </footer>
      ) : null}
    </section>
  );
}

function ContextItem({ context }: { context: CardContext }) {
  const date = context.eventDate ?? context.publishedAt;
  const url = httpUrl(context.url);
  return (
    <li className="fc-context">
      <p className="fc-context__meta">
        <DateText date={date} />
        <span className="fc-context__outlet">{context.outlet === 'unknown' ? 'outlet unknown' : context.outlet}</span>
        {context.attributedTo ? <span className="fc-context__attribution">according to {context.attributedTo}</span> : null}
      </p>
      <blockquote className="fc-context__sentence">{emphasiseMention(context)}</blockquote>
      {url ? (
        <a className="fc-context__link" href={url} target="_blank" rel="noopener noreferrer">
          {context.articleTitle}
        </a>
      ) : (
        <span className="fc-context__title">{context.articleTitle}</span>
      )}
    </li>
  );
}

function DateText({ date }: { date: PartialDate | null }) {
  if (!date) return <span className="fc-date fc-date--unknown">{formatPartialDate(null)}</span>;
  return (
    <time className="fc-date" dateTime={partialDateTimeAttribute(date)}>
      {formatPartialDate(date)}
    </time>
  );
}

/** The sentence with the mention in <mark>; offsets outside the sentence leave it unmarked. */
function emphasiseMention({ sentence, start, end }: CardContext): ReactNode {
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= sentence.length)) {
    return sentence;
  }
  return (
    <>
      {sentence.slice(0, start)}
      <mark className="fc-context__mention">{sentence.slice(start, end)}</mark>
      {sentence.slice(end)}
    </>
  );
}

function sortKey(context: CardContext): string {
  return (context.eventDate ?? context.publishedAt)?.date ?? '';
}

/** Newest first; undated contexts last. The background already sorts, this keeps the view honest. */
function sortNewestFirst(contexts: CardContext[]): CardContext[] {
  return contexts
    .map((context, index) => ({ context, index, key: sortKey(context) }))
    .sort((a, b) => (a.key === b.key ? a.index - b.index : a.key < b.key ? 1 : -1))
    .map(({ context }) => context);
}
