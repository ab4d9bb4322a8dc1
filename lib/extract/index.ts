/**
 * The extractor: articles in, a validated-shape Pack out. Pure TypeScript with no Node-only API, so the
 * same code builds the seed pack (lib/cli/build-pack.ts) and extracts from raw articles a user imports
 * in the options page (in a Web Worker or not).
 *
 * Pipeline: split sentences → recognise candidate names (compromise + patterns) → merge them into
 * entities (curation and gazetteer first, then folded names, then people's surnames within an article)
 * → find every surface form of every entity in every sentence → one dated, sourced context per
 * sentence and entity, and roles from titles and appositions.
 */
import {
  IdSchema,
  LIMITS,
  PACK_FORMAT_VERSION,
  UNKNOWN,
  type Article,
  type Context,
  type Entity,
  type EntityType,
  type Pack,
  type PartialDate,
  type Role,
} from '../pack/schema';
import type { Curation } from './curation';
import { eventDateNear, findStatedDates } from './dates';
import { FormIndex, type FoundMention, type SurfaceForm } from './mentions';
import { findAttributionCues, recognizeSentence, type Candidate } from './recognize';
import { findRoles } from './roles';
import { parseText, type Sentence } from './sentences';
import { compareStrings, foldDiacritics, hashText, nameKey, slugify } from './text';

export type { Curation } from './curation';
export { CurationSchema } from './curation';

/** An article to extract from; its id is derived from its URL or text when absent. */
export type ArticleInput = Omit<Article, 'id'> & { id?: string };

/** A known entity (from the store or a curation file) the extractor should recognise by name. */
export interface GazetteerEntry {
  /**
   * The entity's id in the store, when it has one: extraction then reuses it, so articles imported
   * later attach to the stored entity instead of creating a look-alike under a new id.
   */
  id?: string;
  name: string;
  type: EntityType;
  aliases: string[];
  description?: string | null;
}

export interface ExtractProgress {
  articlesRead: number;
  entitiesFound: number;
}

export interface ExtractOptions {
  id: string;
  name: string;
  description: string;
  source: string;
  /** ISO timestamp; passed in so the same input always gives the same pack. */
  created: string;
  curation?: Curation;
  gazetteer?: GazetteerEntry[];
  onProgress?: (progress: ExtractProgress) => void;
}

/** An entity being assembled. */
interface Draft {
  key: string;
  type: EntityType;
  /** Canonical name from curation or the gazetteer; otherwise chosen from `seen`. */
  fixedName: string | null;
  /** Id given by the gazetteer, kept as is. */
  fixedId?: string;
  /** Surface forms found in the text, with how often. */
  seen: Map<string, number>;
  aliases: Set<string>;
  description: string | null;
  roles: Role[];
}

interface PreparedArticle {
  article: Article;
  sentences: Sentence[];
  candidates: Candidate[][];
}

/** The key under which spellings of one name meet: folded, lower case, no dots ("U.K." = "UK"). */
function draftKey(name: string): string {
  return nameKey(name).replace(/\./g, '').replace(/^the /, '');
}

/** Ids for articles without one: stable across runs, derived from what identifies the article. */
export function deriveArticleId(article: ArticleInput): string {
  if (article.id !== undefined && IdSchema.safeParse(article.id).success) return article.id;
  return `article:${hashText(article.url ?? article.text)}`;
}

function lastWord(name: string): string {
  const parts = name.trim().split(/\s+/);
  return parts[parts.length - 1] ?? name;
}

function diacriticCount(value: string): number {
  return value.length - foldDiacritics(value).length + [...value].filter((char) => foldDiacritics(char) !== char).length;
}

/** "LONDON" → "London": a dateline's or a caption's capitals are not how a name is written. */
function titleCase(name: string): string {
  return name.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_match, before: string, letter: string) => before + letter.toUpperCase());
}

/**
 * The display name of a draft without curation: accented over folded, mixed case over capitals, then
 * most seen. A person or place seen only in capitals is title-cased; an organization keeps them (NATO).
 */
function chooseName(draft: Draft): string {
  if (draft.fixedName) return draft.fixedName;
  const chosen = chooseSeenName(draft);
  const shouting = chosen.length > 4 && chosen === chosen.toUpperCase() && /\p{Lu}/u.test(chosen);
  return shouting && (draft.type === 'person' || draft.type === 'place') ? titleCase(chosen) : chosen;
}

function chooseSeenName(draft: Draft): string {
  const forms = [...draft.seen.entries()];
  forms.sort(
    ([a, countA], [b, countB]) =>
      Number(a === a.toUpperCase() && a.length > 4) - Number(b === b.toUpperCase() && b.length > 4) ||
      diacriticCount(b) - diacriticCount(a) ||
      countB - countA ||
      b.length - a.length ||
      compareStrings(a, b),
  );
  return forms[0]?.[0] ?? draft.key;
}

class Registry {
  private readonly drafts = new Map<string, Draft>();
  /** Every known spelling (draftKey) → draft key. */
  private readonly byForm = new Map<string, string>();
  private readonly rejected = new Set<string>();
  readonly ignored = new Set<string>();

  constructor(curation: Curation | undefined, gazetteer: GazetteerEntry[]) {
    for (const entry of curation?.rejectedAliases ?? []) this.rejected.add(`${draftKey(entry.entity)}\u0000${draftKey(entry.alias)}`);
    for (const entry of curation?.ignoredNames ?? []) this.ignored.add(draftKey(entry.name));
    // Curation first: it overrides what a store's gazetteer says about the same name.
    for (const entry of [...(curation?.entities ?? []), ...gazetteer]) this.addKnown(entry);
  }

  private addKnown(entry: GazetteerEntry): void {
    const key = draftKey(entry.name);
    if (this.byForm.has(key)) {
      // The same name twice: one entity, unless the types differ (then the first, curated, one wins).
      const existing = this.drafts.get(this.byForm.get(key) ?? '');
      if (existing?.type === entry.type) for (const alias of entry.aliases) this.addAlias(existing, alias);
      return;
    }
    const draft: Draft = {
      key: `${entry.type}:${key}`,
      type: entry.type,
      fixedName: entry.name.trim(),
      seen: new Map(),
      aliases: new Set(),
      description: entry.description?.trim().slice(0, LIMITS.shortText) || null,
      roles: [],
      ...(entry.id !== undefined && IdSchema.safeParse(entry.id).success ? { fixedId: entry.id } : {}),
    };
    this.drafts.set(draft.key, draft);
    this.byForm.set(key, draft.key);
    for (const alias of entry.aliases) this.addAlias(draft, alias);
  }

  isRejected(draft: Draft, alias: string): boolean {
    return this.rejected.has(`${draftKey(chooseName(draft))}\u0000${draftKey(alias)}`) || this.ignored.has(draftKey(alias));
  }

  addAlias(draft: Draft, alias: string): void {
    const key = draftKey(alias);
    if (!key || this.isRejected(draft, alias)) return;
    draft.aliases.add(alias.trim());
    if (!this.byForm.has(key)) this.byForm.set(key, draft.key);
  }

  lookup(name: string): Draft | undefined {
    const key = this.byForm.get(draftKey(name));
    return key ? this.drafts.get(key) : undefined;
  }

  /** The draft for a candidate name, created when new. Known names keep their curated type. */
  add(name: string, type: EntityType): Draft | null {
    const key = draftKey(name);
    if (!key || this.ignored.has(key)) return null;
    let draft = this.lookup(name);
    if (!draft) {
      draft = { key: `${type}:${key}`, type, fixedName: null, seen: new Map(), aliases: new Set(), description: null, roles: [] };
      this.drafts.set(draft.key, draft);
      this.byForm.set(key, draft.key);
    }
    draft.seen.set(name, (draft.seen.get(name) ?? 0) + 1);
    return draft;
  }

  /** Folds `from` into `into`: "La Dépêche" into "La Dépêche du Midi". */
  merge(from: Draft, into: Draft): void {
    if (from === into) return;
    for (const [name, count] of from.seen) into.seen.set(name, (into.seen.get(name) ?? 0) + count);
    for (const alias of from.aliases) into.aliases.add(alias);
    for (const [form, key] of this.byForm) if (key === from.key) this.byForm.set(form, into.key);
    this.drafts.delete(from.key);
  }

  get size(): number {
    return this.drafts.size;
  }

  all(): Draft[] {
    return [...this.drafts.values()].sort((a, b) => compareStrings(a.key, b.key));
  }
}

function prepareArticles(inputs: ArticleInput[]): Article[] {
  const byId = new Map<string, Article>();
  for (const input of inputs) {
    const id = deriveArticleId(input);
    if (byId.has(id)) continue;
    byId.set(id, { ...input, id });
  }
  return [...byId.values()].sort((a, b) => compareStrings(a.id, b.id));
}

/**
 * Builds a pack from articles. Deterministic: the same articles, options and curation give the same
 * pack, ids sorted. The result has the shape of PackSchema; callers validate it before storing.
 */
export function extractPack(articles: ArticleInput[], options: ExtractOptions): Pack {
  const registry = new Registry(options.curation, options.gazetteer ?? []);
  // Parsing is nearly all of the time, so progress is reported as each article is read; entity counts
  // settle once names are collected across articles.
  const prepared: PreparedArticle[] = prepareArticles(articles).map((article, articleIndex) => {
    const { sentences, spans } = parseText(article.text, true);
    const candidates = sentences.map((sentence) => {
      const end = sentence.start + sentence.text.length;
      const inSentence = spans
        .filter((span) => span.start >= sentence.start && span.end <= end)
        .map((span) => ({ ...span, start: span.start - sentence.start, end: span.end - sentence.start }));
      return recognizeSentence(sentence.text, inSentence);
    });
    options.onProgress?.({ articlesRead: articleIndex + 1, entitiesFound: registry.size });
    return { article, sentences, candidates };
  });

  collectEntities(registry, prepared, options.onProgress);
  const drafts = registry.all();
  const { index, idOf } = buildFormIndex(registry, drafts);
  const contexts: (Context & { order: number })[] = [];
  const mentioned = new Set<Draft>();

  for (const { article, sentences } of prepared) {
    const namedInArticle = new Set<string>();
    const perSentence = sentences.map((sentence) => index.find(sentence.text));
    for (const mentions of perSentence) {
      for (const mention of mentions) {
        if (mention.form.kind === 'name' && mention.form.entityIds.length === 1) namedInArticle.add(mention.form.entityIds[0] ?? '');
      }
    }
    const surnamesInArticle = [...namedInArticle].flatMap((id) => {
      const draft = idOf.get(id);
      return draft?.type === 'person' ? [{ id, surname: foldDiacritics(lastWord(chooseName(draft))) }] : [];
    });
    sentences.forEach((sentence, sentenceIndex) => {
      perSentence[sentenceIndex]?.push(...findMisspelledSurnames(sentence.text, perSentence[sentenceIndex] ?? [], surnamesInArticle));
    });
    let lastOutlet: string | null = null;
    sentences.forEach((sentence, sentenceIndex) => {
      const dates = findStatedDates(sentence.text, article.publishedAt);
      const attributedTo = resolveAttribution(sentence.text, registry, lastOutlet);
      if (attributedTo) lastOutlet = attributedTo;
      const firstByEntity = new Map<string, { start: number; end: number }>();
      for (const mention of perSentence[sentenceIndex] ?? []) {
        const entityId = resolveMention(mention.form, namedInArticle);
        if (entityId && !firstByEntity.has(entityId)) firstByEntity.set(entityId, { start: mention.start, end: mention.end });
      }
      const peopleOffsets = [...firstByEntity.entries()]
        .filter(([entityId]) => idOf.get(entityId)?.type === 'person')
        .map(([, span]) => span.start);
      for (const [entityId, span] of firstByEntity) {
        const draft = idOf.get(entityId);
        if (!draft) continue;
        mentioned.add(draft);
        contexts.push({
          entityId,
          articleId: article.id,
          sentence: sentence.text,
          start: span.start,
          end: span.end,
          eventDate: eventDateNear(sentence.text, dates, span.start),
          attributedTo,
          order: sentenceIndex,
        });
        if (draft.type === 'person') {
          const others = peopleOffsets.filter((offset) => offset !== span.start);
          for (const title of findRoles(sentence.text, span.start, span.end, others)) {
            addRole(draft, { title, asOf: article.publishedAt, articleId: article.id });
          }
        }
      }
    });
  }

  const outlets = outletNames(prepared.map((item) => item.article));
  const entityIds = new Map<Draft, string>();
  for (const [id, draft] of idOf) entityIds.set(draft, id);
  const entities: Entity[] = [];
  for (const draft of drafts) {
    const id = entityIds.get(draft);
    if (!id) continue;
    const name = chooseName(draft);
    if (!mentioned.has(draft) && !(draft.type === 'organization' && outlets.has(draftKey(name)))) continue;
    entities.push(toEntity(draft, id, name, registry));
  }
  const kept = new Set(entities.map((entity) => entity.id));
  return {
    formatVersion: PACK_FORMAT_VERSION,
    id: options.id,
    name: options.name,
    description: options.description,
    created: options.created,
    source: options.source,
    articles: prepared.map((item) => item.article),
    entities: entities.sort((a, b) => compareStrings(a.id, b.id)),
    contexts: contexts
      .filter((context) => kept.has(context.entityId))
      .sort(
        (a, b) =>
          compareStrings(a.articleId, b.articleId) || a.order - b.order || a.start - b.start || compareStrings(a.entityId, b.entityId),
      )
      .map(({ order: _order, ...context }) => context),
  };
}

function outletNames(articles: Article[]): Set<string> {
  const names = new Set<string>();
  for (const article of articles) {
    for (const outlet of [article.outlet, ...article.citedOutlets]) if (outlet !== UNKNOWN) names.add(draftKey(outlet));
  }
  return names;
}

/** Turns candidates into drafts: full names first, then surnames, acronyms, short forms and outlets. */
function collectEntities(registry: Registry, prepared: PreparedArticle[], onProgress: ExtractOptions['onProgress']): void {
  const surnames: { candidate: Candidate; articleIndex: number }[] = [];
  const outletCandidates: { candidate: Candidate; articleIndex: number }[] = [];
  const peopleByArticle: Set<Draft>[] = prepared.map(() => new Set());
  const placeKeys = new Set<string>();

  prepared.forEach(({ article, candidates }, articleIndex) => {
    for (const outlet of [article.outlet, ...article.citedOutlets]) {
      if (outlet !== UNKNOWN) registry.add(outlet, 'organization');
    }
    for (const candidate of candidates.flat()) {
      if (candidate.outlet) {
        outletCandidates.push({ candidate, articleIndex });
        continue;
      }
      if (candidate.type === 'person' && !candidate.name.includes(' ') && !registry.lookup(candidate.name)) {
        surnames.push({ candidate, articleIndex });
        continue;
      }
      if (candidate.type === 'place') placeKeys.add(draftKey(candidate.name));
      const draft = registry.add(candidate.name, candidate.type);
      if (!draft) continue;
      if (draft.type === 'person') peopleByArticle[articleIndex]?.add(draft);
      for (const alias of candidate.aliases ?? []) registry.addAlias(draft, alias);
    }
    onProgress?.({ articlesRead: prepared.length, entitiesFound: registry.size });
  });

  const allPeople = registry.all().filter((draft) => draft.type === 'person');
  const personBySurname = (surname: string, scope: Iterable<Draft>): Draft | null => {
    const matches = [...scope].filter((draft) => draftKey(lastWord(chooseName(draft))) === draftKey(surname));
    return matches.length === 1 ? (matches[0] ?? null) : null;
  };
  const isPersonName = (name: string, articleIndex: number): boolean =>
    registry.lookup(name)?.type === 'person' ||
    personBySurname(name, peopleByArticle[articleIndex] ?? []) !== null ||
    personBySurname(name, allPeople) !== null;

  // A surname alone is the person of that surname named in full in the same article, else the only such
  // person in the pack; otherwise it is left out rather than guessed.
  for (const { candidate, articleIndex } of surnames) {
    const person = personBySurname(candidate.name, peopleByArticle[articleIndex] ?? []) ?? personBySurname(candidate.name, allPeople);
    if (person) person.seen.set(candidate.name, person.seen.get(candidate.name) ?? 0);
  }

  // "According to Lecornu" cites a person, not an outlet; "reported by Le Monde, Europe …" names a place.
  for (const { candidate, articleIndex } of outletCandidates) {
    if (isPersonName(candidate.name, articleIndex) || placeKeys.has(draftKey(candidate.name))) continue;
    const known = registry.lookup(candidate.name);
    if (known && known.type !== 'organization') continue;
    const draft = registry.add(candidate.name, 'organization');
    for (const alias of candidate.aliases ?? []) if (draft) registry.addAlias(draft, alias);
  }

  // "La Dépêche" after "La Dépêche du Midi": a shorter organization name that begins a longer one.
  const organizations = registry.all().filter((draft) => draft.type === 'organization');
  const merged = new Set<Draft>();
  for (const short of organizations) {
    const shortName = chooseName(short);
    if (short.fixedName || !shortName.includes(' ')) continue;
    const prefix = `${draftKey(shortName)} `;
    const longer = organizations.filter((draft) => draft !== short && !merged.has(draft) && draftKey(chooseName(draft)).startsWith(prefix));
    if (longer.length === 1 && longer[0]) {
      registry.merge(short, longer[0]);
      merged.add(short);
    }
  }
}

/** Entity ids and the form index over every name, alias and (for people) surname. */
function buildFormIndex(registry: Registry, drafts: Draft[]): { index: FormIndex; idOf: Map<string, Draft> } {
  const idOf = new Map<string, Draft>();
  for (const draft of drafts) {
    if (draft.fixedId && !idOf.has(draft.fixedId)) idOf.set(draft.fixedId, draft);
  }
  for (const draft of drafts) {
    if (draft.fixedId && idOf.get(draft.fixedId) === draft) continue;
    const base = `${draft.type}:${slugify(chooseName(draft))}`;
    let id = base;
    for (let n = 2; idOf.has(id); n++) id = `${base}-${n}`;
    idOf.set(id, draft);
  }
  const names = new Map<string, SurfaceForm>();
  const surnames = new Map<string, SurfaceForm>();
  for (const [id, draft] of idOf) {
    const name = chooseName(draft);
    for (const form of [name, ...draft.seen.keys(), ...draft.aliases]) {
      if (registry.isRejected(draft, form) || registry.ignored.has(draftKey(form))) continue;
      if (draft.type === 'person' && !form.includes(' ')) continue;
      const key = foldDiacritics(form);
      if (!names.has(key)) names.set(key, { text: form, entityIds: [id], kind: 'name' });
    }
    if (draft.type === 'person') {
      for (const form of [name, ...draft.seen.keys(), ...draft.aliases]) {
        const surname = lastWord(form);
        if (registry.isRejected(draft, surname)) continue;
        const key = foldDiacritics(surname);
        const existing = surnames.get(key);
        if (!existing) surnames.set(key, { text: surname, entityIds: [id], kind: 'surname' });
        else if (!existing.entityIds.includes(id)) existing.entityIds.push(id);
      }
    }
  }
  const index = new FormIndex();
  const sorted = (map: Map<string, SurfaceForm>) => [...map.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([, form]) => form);
  for (const form of sorted(names)) index.add(form);
  for (const form of sorted(surnames)) if (!names.has(foldDiacritics(form.text))) index.add(form);
  return { index, idOf };
}

/** True when `a` becomes `b` by one insertion, deletion or substitution. */
function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * "Pano said" two sentences after "Mathilde Panot": a capitalised word one edit from the surname of a
 * person named in full in the same article is a misspelled mention of that person. Only for surnames of
 * five letters or more, and never as an alias: a typo is not a name to look for on other pages.
 */
function findMisspelledSurnames(
  sentence: string,
  found: FoundMention[],
  surnames: { id: string; surname: string }[],
): FoundMention[] {
  const extra: FoundMention[] = [];
  for (const word of sentence.matchAll(/(?<![\p{L}\p{N}])\p{Lu}[\p{Ll}\p{M}-]{3,}(?![\p{L}\p{N}])/gu)) {
    const start = word.index;
    const end = start + word[0].length;
    if (found.some((mention) => start < mention.end && mention.start < end)) continue;
    const folded = foldDiacritics(word[0]);
    const matches = surnames.filter(({ surname }) => surname.length >= 5 && oneEditApart(folded, surname));
    const match = matches.length === 1 ? matches[0] : undefined;
    if (match) extra.push({ form: { text: word[0], entityIds: [match.id], kind: 'name' }, start, end });
  }
  return extra;
}

/** A name names its entity; a surname names the one person of that surname named in full in this article, or the only one in the pack. */
function resolveMention(form: SurfaceForm, namedInArticle: Set<string>): string | null {
  if (form.kind === 'name' || form.entityIds.length === 1) return form.entityIds[0] ?? null;
  const inArticle = form.entityIds.filter((id) => namedInArticle.has(id));
  return inArticle.length === 1 ? (inArticle[0] ?? null) : null;
}

/**
 * The outlet a sentence attributes its claim to: the first one it names ("as reported by La Dépêche du
 * Midi and Le Parisien" → La Dépêche du Midi), or, for "according to the newspaper", the last outlet
 * the article attributed something to.
 */
function resolveAttribution(sentence: string, registry: Registry, lastOutlet: string | null): string | null {
  for (const cue of findAttributionCues(sentence)) {
    if (cue.outletName === null) {
      if (lastOutlet) return lastOutlet;
      continue;
    }
    const draft = registry.lookup(cue.outletName);
    if (draft?.type === 'organization') return chooseName(draft);
  }
  return null;
}

function addRole(draft: Draft, role: Role): void {
  const key = `${nameKey(role.title)}\u0000${role.articleId}`;
  if (draft.roles.some((existing) => `${nameKey(existing.title)}\u0000${existing.articleId}` === key)) return;
  draft.roles.push(role);
}

function compareDates(a: PartialDate | null, b: PartialDate | null): number {
  return compareStrings(a?.date ?? '', b?.date ?? '');
}

function toEntity(draft: Draft, id: string, name: string, registry: Registry): Entity {
  const aliases = new Set<string>();
  const add = (alias: string) => {
    const trimmed = alias.trim();
    // Case-only variants ("PARIS") add nothing: matching already ignores case for names.
    if (trimmed && trimmed.toLowerCase() !== name.toLowerCase() && !registry.isRejected(draft, trimmed)) aliases.add(trimmed);
  };
  for (const form of [...draft.seen.keys(), ...draft.aliases]) {
    add(form);
    add(foldDiacritics(form));
  }
  add(foldDiacritics(name));
  if (draft.type === 'person' && name.includes(' ')) add(lastWord(name));
  const roles = [...draft.roles].sort(
    (a, b) => compareDates(a.asOf, b.asOf) || compareStrings(a.articleId, b.articleId) || compareStrings(a.title, b.title),
  );
  const latestRole = roles[roles.length - 1];
  return {
    id,
    name,
    type: draft.type,
    aliases: [...aliases].sort(compareStrings).slice(0, 200),
    description: draft.description ?? latestRole?.title ?? null,
    roles: roles.slice(0, 200),
  };
}
