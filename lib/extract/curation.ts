/**
 * Curation: what the extractor cannot know, given as data (seeds/curation.json for the seed pack).
 * It names entities and their variants, never mentions: the extractor still does all the finding, and an
 * entity listed here enters a pack only when some article mentions it.
 */
import { z } from 'zod';
import { EntityTypeSchema } from '../pack/schema';

const name = z.string().trim().min(1).max(500);

export const CuratedEntitySchema = z
  .object({
    /** Canonical name with correct diacritics. */
    name,
    type: EntityTypeSchema,
    /** Other names: transliterations, translations, acronyms, expansions, former names. */
    aliases: z.array(name).default([]),
    /** One line, as the articles state it. */
    description: z.string().trim().min(1).max(500).nullable().default(null),
    /** Why this entry exists or where its facts come from; not copied into packs. */
    note: z.string().optional(),
  })
  .strict();
export type CuratedEntity = z.infer<typeof CuratedEntitySchema>;

export const CurationSchema = z
  .object({
    /** Free text for the people who edit the file. */
    $comment: z.string().optional(),
    entities: z.array(CuratedEntitySchema),
    /**
     * Aliases the extractor would otherwise derive but that are wrong: a mistranslated acronym in
     * parentheses, say. The entity is named by its canonical name.
     */
    rejectedAliases: z
      .array(z.object({ entity: name, alias: name, reason: z.string().min(1) }).strict())
      .default([]),
    /** Names that must never become entities of their own (mistranslations, ambiguous acronyms). */
    ignoredNames: z.array(z.object({ name, reason: z.string().min(1) }).strict()).default([]),
  })
  .strict();
export type Curation = z.infer<typeof CurationSchema>;
export type CurationInput = z.input<typeof CurationSchema>;
