import { describe, expect, it } from 'vitest';
import { generatePack } from '../../tests/bench/generate-pack';
import { PackImportError, formatPath, locateJsonSyntaxError, parsePack } from './validate';

function validPack() {
  return generatePack({ articles: 5, entities: 4, seed: 7, id: 'sample' });
}

function errorOf(input: unknown): PackImportError {
  const result = parsePack(input);
  if (result.ok) throw new Error('expected the pack to be refused');
  return result.error;
}

describe('parsePack', () => {
  it('accepts a valid pack as text or as a value', () => {
    const pack = validPack();
    expect(parsePack(JSON.stringify(pack, null, 2))).toEqual({ ok: true, value: pack });
    expect(parsePack(pack)).toEqual({ ok: true, value: pack });
  });

  it('gives the line and column of invalid JSON', () => {
    const error = errorOf('{\n  "formatVersion": 1,\n  "id": "x",\n  "name": "Broken",,\n}');
    expect(error).toBeInstanceOf(PackImportError);
    expect(error.code).toBe('invalid-input');
    expect(error.where).toBe('line 4, column 20');
    expect(error.message).toBe('Invalid JSON at line 4, column 20: expected a double-quoted property name, found ",".');
  });

  it('points at a trailing comma, an unterminated string and a truncated file', () => {
    expect(errorOf('[1, 2,]').message).toBe('Invalid JSON at line 1, column 7: trailing comma before "]".');
    expect(errorOf('{"name": "Barrot\n"}').message).toBe(
      'Invalid JSON at line 1, column 17: control character in string (newlines must be written \\n).',
    );
    expect(errorOf('{"articles": [').where).toBe('line 1, column 15');
  });

  it('names the field path and what is wrong for schema errors', () => {
    const pack = validPack();
    pack.articles = pack.articles.map((article, index) => (index === 3 ? { ...article, url: 'javascript:alert(1)' } : article));
    const error = errorOf(pack);
    expect(error.where).toBe('articles[3].url');
    expect(error.message).toBe('The pack does not match format v1:\narticles[3].url: must be an absolute http:// or https:// URL');
  });

  it('says which field is missing and which is unknown', () => {
    const pack = validPack() as unknown as { entities: Array<Record<string, unknown>> };
    const [, second, third] = pack.entities;
    delete second?.name;
    if (third) third.nickname = 'Bob';
    const message = errorOf(pack).message;
    expect(message).toContain('entities[1].name: is missing (expected string)');
    expect(message).toContain('entities[2]: unknown field "nickname"');
  });

  it('lists the first few problems and counts the rest', () => {
    const pack = validPack() as unknown as { articles: Array<Record<string, unknown>> };
    for (const article of pack.articles) article.language = 'English';
    pack.articles.push({ ...pack.articles[0], id: 'extra', language: 'English' });
    const lines = errorOf(pack).message.split('\n');
    expect(lines).toHaveLength(1 + 5 + 1);
    expect(lines[1]).toBe('articles[0].language: must be a BCP 47 language tag such as "en"');
    expect(lines.at(-1)).toBe('…and 1 more problem');
  });

  it('says when the format version is one it cannot read', () => {
    const error = errorOf({ ...validPack(), formatVersion: 2 });
    expect(error.message).toBe('unsupported formatVersion 2; this version of Factcards reads 1.');
    expect(error.where).toBe('formatVersion');
  });

  it('refuses empty files, binary files and JSON that is not an object', () => {
    expect(errorOf('').message).toBe('The file is empty.');
    expect(errorOf('  \n ').message).toBe('The file is empty.');
    expect(errorOf('\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR').message).toBe('This is not a text file: a pack is a JSON document.');
    expect(errorOf('[1, 2]').message).toBe('A pack must be a JSON object, not an array.');
    expect(errorOf('null').message).toBe('A pack must be a JSON object, not null.');
  });

  it('converts to a plain protocol error for messaging', () => {
    expect(errorOf({ ...validPack(), formatVersion: 3 }).toProtocolError()).toEqual({
      code: 'invalid-input',
      message: 'unsupported formatVersion 3; this version of Factcards reads 1.',
      where: 'formatVersion',
    });
  });
});

describe('locateJsonSyntaxError', () => {
  it('finds nothing wrong in valid JSON', () => {
    expect(locateJsonSyntaxError('{"a": [1, -2.5e3, true, false, null, "\\u00e9\\n"]}')).toBeNull();
  });

  it('reports text after the document and a byte-order mark', () => {
    expect(locateJsonSyntaxError('{} x')).toEqual({ offset: 3, message: 'unexpected "x" after the end of the JSON document' });
    expect(locateJsonSyntaxError('\uFEFF{}')?.offset).toBe(0);
  });
});

describe('formatPath', () => {
  it('writes array indexes in brackets', () => {
    expect(formatPath(['entities', 4, 'roles', 0, 'articleId'])).toBe('entities[4].roles[0].articleId');
  });
});
