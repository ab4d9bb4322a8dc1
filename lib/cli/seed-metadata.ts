/**
 * The shape of seeds/metadata.json: the curated facts about each seed article, each with a note on
 * how it was established, plus the fixed metadata of the seed pack. No Node API here, so tests and
 * tools can share it.
 */
import { z } from 'zod';
import { ArticleSchema, IdSchema, PackSchema } from '../pack/schema';

const provenanceNote = z.string().trim().min(20, 'must say how the field was established');

export const SeedArticleMetadataSchema = ArticleSchema.omit({ text: true })
  .extend({
    /** The seed file's name in seeds/. */
    file: z.string().regex(/^\d{3}_[0-9a-f]+\.txt$/, 'must name a seeds/NNN_hash.txt file'),
    provenance: z
      .object({
        title: provenanceNote,
        outlet: provenanceNote,
        url: provenanceNote,
        publishedAt: provenanceNote,
        language: provenanceNote,
        citedOutlets: provenanceNote,
      })
      .strict(),
  })
  .strict();
export type SeedArticleMetadata = z.infer<typeof SeedArticleMetadataSchema>;

export const SeedMetadataSchema = z
  .object({
    pack: z
      .object({
        id: IdSchema,
        name: PackSchema.shape.name,
        description: PackSchema.shape.description,
        source: PackSchema.shape.source,
        /** Fixed rather than the clock, so the built pack is byte-identical run to run. */
        created: PackSchema.shape.created,
        createdNote: z.string().optional(),
      })
      .strict(),
    articles: z.array(SeedArticleMetadataSchema).min(1),
  })
  .strict();
export type SeedMetadata = z.infer<typeof SeedMetadataSchema>;
