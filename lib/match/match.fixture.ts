/** A small entity store in the shape the background gives the matcher, for the unit tests beside it. */
import type { AliasEntry, MatcherEntity } from './matcher';

export const FIXTURE_ENTITIES: Array<MatcherEntity & { aliases: string[] }> = [
  { id: 'macron', name: 'Emmanuel Macron', type: 'person', aliases: ['Macron', 'President Macron'] },
  { id: 'barrot', name: 'Jean-Noël Barrot', type: 'person', aliases: ['Barrot'] },
  { id: 'zelensky', name: 'Volodymyr Zelensky', type: 'person', aliases: ['Zelensky', 'Zelenskyy', 'Volodymyr Zelenskyy'] },
  { id: 'starmer', name: 'Keir Starmer', type: 'person', aliases: ['Starmer', 'Sir Keir Starmer'] },
  { id: 'peskov', name: 'Dmitry Peskov', type: 'person', aliases: ['Peskov'] },
  { id: 'mandon', name: 'Fabien Mandon', type: 'person', aliases: ['General Mandon', 'Mandon'] },
  { id: 'lokke', name: 'Lars Løkke Rasmussen', type: 'person', aliases: ['Løkke'] },
  { id: 'merz', name: 'Friedrich Merz', type: 'person', aliases: ['Merz'] },
  { id: 'tusk', name: 'Donald Tusk', type: 'person', aliases: ['Tusk'] },
  { id: 'paris', name: 'Paris', type: 'place', aliases: [] },
  { id: 'le-parisien', name: 'Le Parisien', type: 'organization', aliases: [] },
  { id: 'eu', name: 'European Union', type: 'organization', aliases: ['EU'] },
  { id: 'un', name: 'United Nations', type: 'organization', aliases: ['UN'] },
  { id: 'us', name: 'United States', type: 'place', aliases: ['US', 'U.S.'] },
  { id: 'uk', name: 'United Kingdom', type: 'place', aliases: ['UK', 'Britain'] },
  { id: 'france', name: 'France', type: 'place', aliases: [] },
  { id: 'europe', name: 'Europe', type: 'place', aliases: [] },
  { id: 'nato', name: 'NATO', type: 'organization', aliases: ['North Atlantic Treaty Organization'] },
  { id: 'coalition', name: 'coalition of the willing', type: 'concept', aliases: ['Coalition of the Willing'] },
  { id: 'kremlin', name: 'Kremlin', type: 'organization', aliases: [] },
  { id: 'bbc', name: 'BBC', type: 'organization', aliases: ['British Broadcasting Corporation'] },
  { id: 'le-monde', name: 'Le Monde', type: 'organization', aliases: [] },
  // Aliases that name other things too (`needsCorroboration`).
  { id: 'pcf', name: 'French Communist Party', type: 'organization', aliases: ['Communist Party', 'PCF'] },
  { id: 'patriotes', name: 'Les Patriotes', type: 'organization', aliases: ['The Patriots'] },
];

export const FIXTURE_ALIASES: AliasEntry[] = FIXTURE_ENTITIES.flatMap((entity) =>
  entity.aliases.map((alias) => ({ alias, entityId: entity.id })),
);
