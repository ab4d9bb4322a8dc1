import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACK_JSON_SCHEMA_PATH, packJsonSchema, packJsonSchemaText } from './pack-json-schema';

describe('published JSON Schema', () => {
  it('is committed and equals a fresh generation from PackSchema (run `npm run build:pack` to update it)', () => {
    const committed = readFileSync(join(import.meta.dirname, '../..', PACK_JSON_SCHEMA_PATH), 'utf8');
    expect(committed).toBe(packJsonSchemaText());
  });

  it('describes the pack fields other tools need', () => {
    const schema = packJsonSchema() as { type: string; required: string[]; properties: Record<string, unknown> };
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(
      expect.arrayContaining(['formatVersion', 'id', 'name', 'created', 'source', 'articles', 'entities', 'contexts']),
    );
    expect(schema.properties.formatVersion).toMatchObject({ const: 1 });
  });
});
