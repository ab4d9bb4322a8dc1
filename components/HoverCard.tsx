/**
 * The hover card shown beside a mention on a page: the entity's heading at once (the matcher knows the
 * name), then its card once the background answers, or a message saying why it cannot be shown.
 */
import { useId } from 'react';
import type { EntityCard as EntityCardData } from '../lib/messaging/protocol';
import type { EntityType } from '../lib/pack/schema';
import type { Theme } from '../lib/settings';
import { EntityCard } from './EntityCard';

export type HoverCardState =
  | { status: 'loading' }
  | { status: 'ready'; card: EntityCardData }
  | { status: 'error'; message: string };

export interface HoverCardProps {
  entity: { id: string; name: string; type: EntityType };
  state: HoverCardState;
  theme: Theme;
  onOpenInPopup: () => void;
}

export function HoverCard({ entity, state, theme, onOpenInPopup }: HoverCardProps) {
  const headingId = `factcards-hover-title-${useId()}`;
  if (state.status === 'ready') {
    return <EntityCard card={state.card} variant="hover" theme={theme} headingId={headingId} onOpenInPopup={onOpenInPopup} />;
  }
  return (
    <section
      className="fc-card fc-card--hover"
      data-entity-id={entity.id}
      data-theme={theme === 'auto' ? undefined : theme}
      role="dialog"
      aria-labelledby={headingId}
      aria-busy={state.status === 'loading'}
    >
      <div className="fc-card__header">
        <h2 className="fc-card__name" id={headingId}>
          {entity.name}
        </h2>
      </div>
      <p className="fc-card__empty" role={state.status === 'error' ? 'alert' : 'status'}>
        {state.status === 'loading' ? 'Loading what Factcards knows…' : state.message}
      </p>
    </section>
  );
}
