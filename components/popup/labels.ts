import type { EntityType } from '../../lib/pack/schema';

/** The pack format's word for an outlet nobody knows (`UNKNOWN` in schema.ts, which would pull zod into the popup). */
export const UNKNOWN_OUTLET = 'unknown';

/** An outlet as the popup shows it: the pack's "unknown" reads as a phrase. */
export function outletLabel(outlet: string): string {
  return outlet === UNKNOWN_OUTLET ? 'outlet unknown' : outlet;
}

/** How the popup names entity types. */
export const ENTITY_TYPE_LABELS: Record<EntityType, string> = {
  person: 'Person',
  organization: 'Organisation',
  place: 'Place',
  concept: 'Concept',
  event: 'Event',
};
