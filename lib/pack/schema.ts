/**
 * Pack format v1: the one schema every pack is validated against, whether it is the bundled seed pack,
 * a file a user imports, or an export. `pack.schema.json` beside this file is generated from it
 * (`npm run build:pack` writes both) so that other tools can produce packs without reading TypeScript.
 *
 * Everything here is plain data: it crosses the messaging boundary and IndexedDB unchanged.
 */
import { z } from 'zod';
import { httpUrl } from './http-url';

export const PACK_FORMAT_VERSION = 1;

/** Generous but finite limits, so a hostile pack cannot make us allocate without bound. */
export const LIMITS = {
  shortText: 500,
  sentence: 5_000,
  articleText: 1_000_000,
  url: 2_048,
  aliases: 200,
  roles: 200,
  articles: 200_000,
  entities: 500_000,
  contexts: 5_000_000,
} as const;

const ID_PATTERN = /^[a-z0-9][a-z0-9._:-]{0,199}$/;

/** A pack-local identifier: lower-case ASCII, digits and `._:-`, so it is safe in URLs and selectors. */
export const IdSchema = z
  .string()
  .regex(ID_PATTERN, 'must be 1–200 characters of a–z, 0–9, ".", "_", ":" or "-", starting with a letter or digit');

const shortText = z.string().trim().min(1, 'must not be empty').max(LIMITS.shortText);

export const DatePrecisionSchema = z.enum(['day', 'month', 'year']);
export type DatePrecision = z.infer<typeof DatePrecisionSchema>;

/**
 * A calendar date that may be known only to the month or year. `date` is always a full ISO date
 * (YYYY-MM-DD, the first day of the month or year when less precise) so dates sort as strings;
 * `precision` says how much of it is known, and displays honour it ("January 2026", not "1 January 2026").
 */
export const PartialDateSchema = z
  .object({
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date, YYYY-MM-DD'),
    precision: DatePrecisionSchema,
  })
  .strict()
  .superRefine((value, ctx) => {
    const [year, month, day] = value.date.split('-').map(Number) as [number, number, number];
    const parsed = new Date(Date.UTC(year, month - 1, day));
    if (parsed.getUTCFullYear() !== year || parsed.getUTCMonth() !== month - 1 || parsed.getUTCDate() !== day) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: `${value.date} is not a real calendar date` });
    }
    if (value.precision !== 'day' && day !== 1) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: `a ${value.precision}-precision date must use day 01` });
    }
    if (value.precision === 'year' && month !== 1) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'a year-precision date must use month 01' });
    }
  });
export type PartialDate = z.infer<typeof PartialDateSchema>;

/** Only http(s) links are ever stored, so nothing else can become a clickable link. */
export const HttpUrlSchema = z
  .string()
  .max(LIMITS.url)
  .refine((value) => httpUrl(value) !== null, 'must be an absolute http:// or https:// URL');

/** An outlet's name, or the literal "unknown": a fact we do not have is never guessed. */
export const OutletSchema = shortText;
export const UNKNOWN = 'unknown';

export const ArticleSchema = z
  .object({
    id: IdSchema,
    title: shortText,
    outlet: OutletSchema,
    url: HttpUrlSchema.nullable(),
    /** Null when the publication date is unknown: it is never guessed. */
    publishedAt: PartialDateSchema.nullable(),
    /** BCP 47 language tag of the text, e.g. "en". */
    language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag such as "en"'),
    text: z.string().min(1, 'must not be empty').max(LIMITS.articleText),
    /** Outlets the article itself cites as its sources ("as reported by Le Parisien"). */
    citedOutlets: z.array(OutletSchema).max(LIMITS.aliases),
  })
  .strict();
export type Article = z.infer<typeof ArticleSchema>;

export const EntityTypeSchema = z.enum(['person', 'organization', 'place', 'concept', 'event']);
export type EntityType = z.infer<typeof EntityTypeSchema>;

/** A role or title held by an entity, as an article of a given date states it. */
export const RoleSchema = z
  .object({
    title: shortText,
    /** The date of the article that states the role; null when that article's date is unknown. */
    asOf: PartialDateSchema.nullable(),
    articleId: IdSchema,
  })
  .strict();
export type Role = z.infer<typeof RoleSchema>;

export const EntitySchema = z
  .object({
    id: IdSchema,
    /** Canonical name with correct diacritics: "Jean-Noël Barrot". */
    name: shortText,
    type: EntityTypeSchema,
    /** Other names the entity goes by on pages; the canonical name need not be repeated. */
    aliases: z.array(shortText).max(LIMITS.aliases),
    /** One line, as stated in the articles; null when none is known. */
    description: z.string().trim().max(LIMITS.shortText).nullable(),
    roles: z.array(RoleSchema).max(LIMITS.roles),
  })
  .strict();
export type Entity = z.infer<typeof EntitySchema>;

/** One sentence of one article that mentions one entity: the unit of a card's timeline. */
export const ContextSchema = z
  .object({
    entityId: IdSchema,
    articleId: IdSchema,
    sentence: z.string().min(1).max(LIMITS.sentence),
    /** UTF-16 offsets of the mention in `sentence`, end exclusive. */
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
    /** The date of the event the sentence reports, when it states one; null otherwise. */
    eventDate: PartialDateSchema.nullable(),
    /** The outlet the sentence attributes its claim to ("according to Le Monde"); null if none. */
    attributedTo: OutletSchema.nullable(),
  })
  .strict()
  .superRefine((context, ctx) => {
    if (context.end <= context.start || context.end > context.sentence.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['end'],
        message: `mention offsets ${context.start}–${context.end} must lie inside the sentence (length ${context.sentence.length})`,
      });
    }
  });
export type Context = z.infer<typeof ContextSchema>;

export const PackSchema = z
  .object({
    formatVersion: z.literal(PACK_FORMAT_VERSION),
    id: IdSchema,
    name: shortText,
    description: z.string().max(LIMITS.sentence),
    /** ISO 8601 timestamp of when the pack was made. */
    created: z.iso.datetime({ offset: true }),
    /** Where the pack comes from: a person, a tool, a URL. */
    source: shortText,
    articles: z.array(ArticleSchema).max(LIMITS.articles),
    entities: z.array(EntitySchema).max(LIMITS.entities),
    contexts: z.array(ContextSchema).max(LIMITS.contexts),
  })
  .strict()
  .superRefine((pack, ctx) => {
    // Cross-references: every id is unique and every reference resolves, so a stored pack is whole.
    const articleIds = new Set<string>();
    pack.articles.forEach((article, index) => {
      if (articleIds.has(article.id)) {
        ctx.addIssue({ code: 'custom', path: ['articles', index, 'id'], message: `duplicate article id "${article.id}"` });
      }
      articleIds.add(article.id);
    });
    const entityIds = new Set<string>();
    pack.entities.forEach((entity, index) => {
      if (entityIds.has(entity.id)) {
        ctx.addIssue({ code: 'custom', path: ['entities', index, 'id'], message: `duplicate entity id "${entity.id}"` });
      }
      entityIds.add(entity.id);
      entity.roles.forEach((role, roleIndex) => {
        if (!articleIds.has(role.articleId)) {
          ctx.addIssue({
            code: 'custom',
            path: ['entities', index, 'roles', roleIndex, 'articleId'],
            message: `no article has id "${role.articleId}"`,
          });
        }
      });
    });
    pack.contexts.forEach((context, index) => {
      if (!entityIds.has(context.entityId)) {
        ctx.addIssue({ code: 'custom', path: ['contexts', index, 'entityId'], message: `no entity has id "${context.entityId}"` });
      }
      if (!articleIds.has(context.articleId)) {
        ctx.addIssue({ code: 'custom', path: ['contexts', index, 'articleId'], message: `no article has id "${context.articleId}"` });
      }
    });
  });
export type Pack = z.infer<typeof PackSchema>;
