import type { EntityType } from '../../lib/pack/schema';

/** How the popup names entity types. */
export const ENTITY_TYPE_LABELS: Record<EntityType, string> = {
  person: 'Person',
  organization: 'Organisation',
  place: 'Place',
  concept: 'Concept',
  event: 'Event',
};
