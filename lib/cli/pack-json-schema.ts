/**
 * The JSON Schema published beside the zod schema (lib/pack/pack.schema.json), so people can produce
 * packs with any tool. Generated, never edited by hand: `npm run build:pack` rewrites it, and a unit test
 * fails when the committed file is stale.
 *
 * JSON Schema cannot express the cross-reference checks (unique ids, references that resolve, real
 * calendar dates, http(s) URLs); the description says so, and PackSchema remains the authority.
 */
import { z } from 'zod';
import { PACK_FORMAT_VERSION, PackSchema } from '../pack/schema';

export const PACK_JSON_SCHEMA_PATH = 'lib/pack/pack.schema.json';

export function packJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(PackSchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  return {
    ...generated,
    $id: `https://factcards.invalid/pack.v${PACK_FORMAT_VERSION}.schema.json`,
    title: `Factcards pack, format v${PACK_FORMAT_VERSION}`,
    description:
      'One JSON document with articles, entities and contexts. Beyond this schema, a valid pack has unique article and entity ids, every role.articleId and context.articleId/entityId resolves, dates are real calendar dates (day 01 unless precision is "day"), URLs are http(s), and each context\'s start/end lie inside its sentence. Generated from lib/pack/schema.ts; see "Pack format" in README.md.',
  };
}

/** The file's exact text: stable key order from the generator, two-space indent, final newline. */
export function packJsonSchemaText(): string {
  return `${JSON.stringify(packJsonSchema(), null, 2)}\n`;
}
