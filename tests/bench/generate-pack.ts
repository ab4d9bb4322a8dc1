/**
 * Deterministic synthetic packs for benchmarks and store tests: large data is generated, never
 * committed. The same options and seed always give the same pack, so runs compare.
 *
 * The pack is valid format v1: unique ids, every reference resolves, dates are real, URLs are http(s).
 */
import { seededRandom } from '../../lib/match/synthetic-store';
import { PACK_FORMAT_VERSION, type Article, type Context, type Entity, type EntityType, type Pack } from '../../lib/pack/schema';

export interface GeneratePackOptions {
  articles: number;
  entities: number;
  /** Aliases per entity besides the canonical name (default 2). */
  aliasesPerEntity?: number;
  /** Contexts per article (default 5); each names one entity in one sentence. */
  contextsPerArticle?: number;
  /** Sentences of filler per article besides those that mention entities (default 10). */
  fillerSentencesPerArticle?: number;
  /** PRNG seed (default 1). */
  seed?: number;
  /** Pack id (default `generated-<seed>`); ids of articles and entities are prefixed with it so packs do not collide. */
  id?: string;
}

const SYLLABLES = ['ka', 'lo', 'mé', 'ri', 'tan', 'vel', 'dor', 'sa', 'ni', 'quo', 'bré', 'lu', 'zen', 'ma', 'tor', 'gi', 'pel', 'rün', 'ho', 'vas'];
const TYPES: EntityType[] = ['person', 'organization', 'place', 'concept', 'event'];
const OUTLETS = ['Le Monde', 'The Guardian', 'Reuters', 'Le Parisien', 'Associated Press', 'Der Spiegel', 'El País'];
const FILLER = [
  'Officials declined to comment further on the talks.',
  'The meeting lasted well into the evening.',
  'Analysts said the outcome remained uncertain.',
  'Several delegations were expected to attend.',
  'The statement was released shortly after noon.',
];

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Builds a deterministic, valid v1 pack of the given size. */
export function generatePack(options: GeneratePackOptions): Pack {
  const seed = options.seed ?? 1;
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const aliasesPerEntity = options.aliasesPerEntity ?? 2;
  const contextsPerArticle = options.entities === 0 ? 0 : (options.contextsPerArticle ?? 5);
  const fillerSentences = options.fillerSentencesPerArticle ?? 10;
  const packId = options.id ?? `generated-${seed}`;

  const word = (syllables: number): string => {
    let out = '';
    for (let index = 0; index < syllables; index++) out += pick(SYLLABLES);
    return out;
  };

  // Names are unique: a counter in base 20 spelled in syllables ends every name, so no two entities
  // share a name or alias by accident (the store would rightly merge them).
  const uniqueSuffix = (index: number): string => {
    let out = '';
    let rest = index;
    do {
      out += SYLLABLES[rest % SYLLABLES.length];
      rest = Math.floor(rest / SYLLABLES.length);
    } while (rest > 0);
    return out;
  };

  const entities: Entity[] = [];
  for (let index = 0; index < options.entities; index++) {
    const type = TYPES[index % TYPES.length] as EntityType;
    const surname = capitalise(word(2) + uniqueSuffix(index));
    const name = type === 'person' ? `${capitalise(word(2))} ${surname}` : `${capitalise(word(1))} ${surname}`;
    const aliases: string[] = [];
    for (let alias = 0; alias < aliasesPerEntity; alias++) {
      aliases.push(alias === 0 ? surname : `${surname} ${capitalise(word(1))}${alias}`);
    }
    entities.push({
      id: `${packId}.e${index}`,
      name,
      type,
      aliases,
      description: `A synthetic ${type} number ${index}.`,
      roles: [],
    });
  }

  const articles: Article[] = [];
  const contexts: Context[] = [];
  for (let index = 0; index < options.articles; index++) {
    const id = `${packId}.a${index}`;
    const year = 2020 + Math.floor(random() * 6);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const sentences: string[] = [];
    for (let filler = 0; filler < fillerSentences; filler++) sentences.push(pick(FILLER));
    for (let mention = 0; mention < contextsPerArticle; mention++) {
      const entityIndex = Math.floor(random() * options.entities);
      const entity = entities[entityIndex] as Entity;
      const sentence = `${entity.name} spoke about ${word(3)} in article ${index}.`;
      sentences.splice(Math.floor(random() * (sentences.length + 1)), 0, sentence);
      contexts.push({
        entityId: entity.id,
        articleId: id,
        sentence,
        start: 0,
        end: entity.name.length,
        eventDate: random() < 0.3 ? { date, precision: 'day' } : null,
        attributedTo: random() < 0.2 ? pick(OUTLETS) : null,
      });
      if (mention === 0 && entity.roles.length < 3) {
        entity.roles.push({ title: `Head of ${capitalise(word(2))}`, asOf: { date, precision: 'day' }, articleId: id });
      }
    }
    articles.push({
      id,
      title: `Synthetic report ${index}: ${capitalise(word(3))}`,
      outlet: pick(OUTLETS),
      url: `https://news.example/${packId}/${index}`,
      publishedAt: { date, precision: 'day' },
      language: 'en',
      // The index makes every text unique, so the store's duplicate check (same text) never fires by accident.
      text: `${sentences.join(' ')} (Report ${packId}/${index}.)`,
      citedOutlets: random() < 0.3 ? [pick(OUTLETS)] : [],
    });
  }

  return {
    formatVersion: PACK_FORMAT_VERSION,
    id: packId,
    name: `Generated pack ${packId}`,
    description: `${options.articles} synthetic articles and ${options.entities} entities (seed ${seed}).`,
    created: '2026-01-01T00:00:00.000Z',
    source: 'tests/bench/generate-pack.ts',
    articles,
    entities,
    contexts,
  };
}
