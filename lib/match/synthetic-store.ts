/**
 * A deterministic synthetic entity store and page text, for the scale test and the benchmark: tens of
 * thousands of distinct, realistic-looking aliases (names with diacritics, multi-word organisations,
 * short all-caps acronyms) without committing a large data file.
 */
import type { AliasEntry, MatcherEntity, Mention } from './matcher';

export interface SyntheticStore {
  entities: Array<MatcherEntity & { aliases: string[] }>;
  aliases: AliasEntry[];
}

export interface SyntheticText {
  text: string;
  /** The mentions a correct matcher must find, in order (none weak: no generated alias needs corroboration). */
  expected: Mention[];
}

/** mulberry32: small, fast and reproducible across runs and machines. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ONSETS = ['b', 'c', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'dr', 'kr', 'st', 'tr', 'ch', 'sh'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'é', 'ö', 'ä', 'ø', 'y'];
const CODAS = ['', '', '', 'n', 'r', 's', 'l', 'k', 'v', 'x'];
const ORG_WORDS = ['Institute', 'Council', 'Bank', 'Party', 'Agency', 'Union', 'Front', 'Group', 'Alliance', 'Office', 'Fund', 'Guard'];

/** Ordinary lower-case words for filler text: no syllable-built name can equal one (they are checked). */
export const FILLER_WORDS = (
  'the of and to in a that is was he for it with as his on be at by had not are but from or have an they ' +
  'which one you were her all she there would their we him been has when who will more no if out so said ' +
  'what up its about into than them can only other new some could time these two may then do first any my ' +
  'now such like our over man me even most made after also did many before must through back years where ' +
  'much your way well down should because each just those people how too little state good very make world ' +
  'still own see men work long get here between both life being under never day same another know while ' +
  'last might us great old year off come since against go came right used take three minister talks peace'
).split(' ');

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Generates `entityCount` entities with about `aliasesPerEntity` aliases each (names included). */
export function generateSyntheticStore(entityCount: number, aliasesPerEntity = 3, seed = 1): SyntheticStore {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const fillers = new Set(FILLER_WORDS);
  const used = new Set<string>();
  // Names must be unique after folding (case, diacritics), or two entities would claim one alias.
  const fold = (name: string): string => name.normalize('NFD').replace(/\p{M}/gu, '').replace(/ø/g, 'o').toLowerCase();
  const word = (syllables: number): string => {
    for (;;) {
      let result = '';
      for (let s = 0; s < syllables; s++) result += pick(ONSETS) + pick(VOWELS) + pick(CODAS);
      if (!fillers.has(fold(result))) return capitalise(result);
    }
  };
  /** Draws until every name of the set is unused, then claims them all. */
  const uniqueSet = (make: () => string[]): string[] => {
    for (;;) {
      const names = make();
      const keys = names.map(fold);
      if (new Set(keys).size === keys.length && keys.every((key) => !used.has(key))) {
        keys.forEach((key) => used.add(key));
        return names;
      }
    }
  };
  const unique = (make: () => string): string => uniqueSet(() => [make()])[0] as string;
  const uniqueAcronym = (): string =>
    unique(() => {
      let acronym = '';
      const length = 3 + Math.floor(random() * 3);
      for (let k = 0; k < length; k++) acronym += String.fromCharCode(65 + Math.floor(random() * 26));
      return acronym;
    });

  const entities: SyntheticStore['entities'] = [];
  const aliases: AliasEntry[] = [];
  for (let index = 0; index < entityCount; index++) {
    const id = `synthetic-${index}`;
    const kind = index % 5;
    let entity: SyntheticStore['entities'][number];
    if (kind <= 2) {
      const [name = '', ...names] = uniqueSet(() => {
        const first = word(2);
        const last = word(2 + (index % 2));
        return [`${first}-${word(1)} ${last}`, `${first} ${last}`, last, `${first.charAt(0)}. ${last}`];
      });
      entity = { id, name, type: 'person', aliases: names };
    } else if (kind === 3) {
      const name = unique(() => `${word(2)} ${pick(ORG_WORDS)} of ${word(3)}`);
      entity = { id, name, type: 'organization', aliases: [uniqueAcronym(), unique(() => `${word(2)} ${pick(ORG_WORDS)}`), uniqueAcronym()] };
    } else {
      const name = unique(() => word(3));
      entity = { id, name, type: 'place', aliases: [unique(() => `${name} ${word(1)}`), unique(() => `Saint-${word(2)}`), unique(() => word(4))] };
    }
    entity.aliases = entity.aliases.slice(0, Math.max(0, aliasesPerEntity - 1));
    entities.push(entity);
    for (const alias of entity.aliases) aliases.push({ alias, entityId: entity.id });
  }
  return { entities, aliases };
}

/**
 * Generates page-like text of about `length` UTF-16 units: filler sentences with, every ~`spacing`
 * words, a name or alias written as pages vary it (capitals, no diacritics, hyphen for space,
 * possessive). Names are separated from each other by punctuation, so the expected mentions are exact.
 */
export function generateSyntheticText(store: SyntheticStore, length: number, spacing = 12, seed = 2): SyntheticText {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const parts: string[] = [];
  const expected: SyntheticText['expected'] = [];
  let position = 0;
  const write = (part: string): void => {
    parts.push(part);
    position += part.length;
  };
  while (position < length) {
    write(pick(FILLER_WORDS));
    if (random() < 1 / spacing) {
      const entity = pick(store.entities);
      const names = [entity.name, ...entity.aliases];
      let name = pick(names);
      const isAcronym = name.length <= 5 && name === name.toUpperCase();
      const variant = random();
      if (!isAcronym && variant < 0.15) name = name.toUpperCase();
      else if (variant < 0.3) name = name.normalize('NFD').replace(/\p{M}/gu, '');
      else if (variant < 0.4) name = name.replace(/(?<!\.) /g, '-');
      write(', ');
      expected.push({ start: position, end: position + name.length, entityId: entity.id, weak: false });
      write(name);
      write(random() < 0.2 ? '’s ' : random() < 0.5 ? ', ' : '. ');
    } else {
      write(random() < 0.08 ? '. ' : ' ');
    }
  }
  return { text: parts.join(''), expected };
}
