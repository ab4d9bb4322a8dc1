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

describe('README.md, Pack format', () => {
  it('shows an example pack that validates, with offsets that point at the mention', async () => {
    const { parsePack } = await import('../pack/validate');
    const format = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
    const example = /```json\n([\s\S]*?)\n```/.exec(format)?.[1];
    const result = parsePack(example ?? '');
    expect(result.ok ? null : result.error.message).toBeNull();
    if (!result.ok) return;
    const context = result.value.contexts[0];
    expect(context?.sentence.slice(context.start, context.end)).toBe('Jean-Noel Barrot');
  });
});
