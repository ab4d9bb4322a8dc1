import { foldName } from '../match/normalize';
import type { EntityContribution, EntityRecord } from './db';

/** Folded form of a name or alias: the key merging, conflicts and alias lookup compare. */
export function foldKey(name: string): string {
  return foldName(name);
}

/**
 * Derives an entity's shown fields from what its packs say. The first contributor's name and type win
 * (the entity was stored under them); aliases are every other name any pack gives it.
 */
export function summariseEntity(id: string, contributions: EntityContribution[]): EntityRecord {
  const [first] = contributions;
  if (!first) throw new Error(`entity ${id} has no contributions`);
  const aliases: string[] = [];
  const seenAliases = new Set<string>([first.name]);
  const keys = new Set<string>();
  const packIds = new Set<string>();
  let description: string | null = null;
  for (const contribution of contributions) {
    packIds.add(contribution.packId);
    description ??= contribution.description;
    for (const name of [contribution.name, ...contribution.aliases]) {
      const key = foldKey(name);
      if (key !== '') keys.add(key);
      if (!seenAliases.has(name)) {
        seenAliases.add(name);
        aliases.push(name);
      }
    }
  }
  return {
    id,
    name: first.name,
    type: first.type,
    description,
    aliases,
    keys: [...keys],
    packIds: [...packIds],
    contributions,
  };
}
