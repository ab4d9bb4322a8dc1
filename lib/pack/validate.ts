/**
 * Validation of a pack from wherever it comes (a file the options page read, a message the background
 * received, the bundled seed): the one place that turns bad input into an error a person can act on,
 * saying what is wrong and where (line and column for broken JSON, a field path for schema errors).
 */
import type { z } from 'zod';
import type { ProtocolError } from '../messaging/protocol';
import { PACK_FORMAT_VERSION, PackSchema, type Pack } from './schema';

/** Files over this size are refused before they are read (issue 6), so a huge file cannot freeze the page. */
export const MAX_PACK_BYTES = 50 * 1024 * 1024;

/** How many schema problems an error lists before summarising the rest. */
const MAX_LISTED_ISSUES = 5;

/**
 * Why a pack was refused. `where` is a field path (`articles[3].url`) or a position (`line 4, column 12`).
 * It is an Error so it can be thrown through the store's transaction, and it converts to a plain
 * `ProtocolError` for the messaging boundary, which does not carry class instances.
 */
export class PackImportError extends Error {
  readonly code: ProtocolError['code'];
  readonly where: string | undefined;

  constructor(code: ProtocolError['code'], message: string, where?: string) {
    super(message);
    this.name = 'PackImportError';
    this.code = code;
    this.where = where;
  }

  toProtocolError(): ProtocolError {
    return this.where === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, where: this.where };
  }
}

export type PackParseResult = { ok: true; value: Pack } | { ok: false; error: PackImportError };

/**
 * Parses and validates a pack given as JSON text or as an already-parsed value. Never throws for bad
 * input: the error says what is wrong and where.
 */
export function parsePack(input: string | unknown): PackParseResult {
  let value: unknown = input;
  if (typeof input === 'string') {
    const parsed = parseJson(input);
    if (!parsed.ok) return parsed;
    value = parsed.value;
  }
  return validatePackValue(value);
}

/** Parses a pack or throws its `PackImportError`: for callers inside a transaction. */
export function readPack(input: string | unknown): Pack {
  const result = parsePack(input);
  if (!result.ok) throw result.error;
  return result.value;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: PackImportError } {
  if (text.trim() === '') return { ok: false, error: new PackImportError('invalid-input', 'The file is empty.') };
  if (looksBinary(text)) {
    return {
      ok: false,
      error: new PackImportError('invalid-input', 'This is not a text file: a pack is a JSON document.'),
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    // Engines word JSON errors differently and V8 does not always give a position, so we find it ourselves.
    const problem = locateJsonSyntaxError(text) ?? { offset: text.length, message: 'invalid JSON' };
    const { line, column } = lineAndColumn(text, problem.offset);
    const where = `line ${line}, column ${column}`;
    return {
      ok: false,
      error: new PackImportError('invalid-input', `Invalid JSON at ${where}: ${problem.message}.`, where),
    };
  }
}

/** NUL or many replacement characters: a binary file decoded as text. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  if (sample.includes('\u0000')) return true;
  const replacements = sample.split('\uFFFD').length - 1;
  return replacements > 8 && replacements > sample.length / 100;
}

function validatePackValue(value: unknown): PackParseResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      error: new PackImportError('invalid-input', `A pack must be a JSON object, not ${describeJsonValue(value)}.`),
    };
  }
  const version = (value as Record<string, unknown>).formatVersion;
  if (version !== undefined && version !== PACK_FORMAT_VERSION) {
    return {
      ok: false,
      error: new PackImportError(
        'invalid-input',
        `unsupported formatVersion ${JSON.stringify(version)}; this version of Factcards reads ${PACK_FORMAT_VERSION}.`,
        'formatVersion',
      ),
    };
  }
  const result = PackSchema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, error: schemaError(result.error.issues) };
}

function schemaError(issues: readonly z.core.$ZodIssue[]): PackImportError {
  const lines = issues.slice(0, MAX_LISTED_ISSUES).map((issue) => {
    const path = formatPath(issue.path);
    return path === '' ? describeIssue(issue) : `${path}: ${describeIssue(issue)}`;
  });
  const more = issues.length - MAX_LISTED_ISSUES;
  if (more > 0) lines.push(`…and ${more} more problem${more === 1 ? '' : 's'}`);
  const first = issues[0];
  const where = first ? formatPath(first.path) : '';
  return new PackImportError(
    'invalid-input',
    `The pack does not match format v${PACK_FORMAT_VERSION}:\n${lines.join('\n')}`,
    where === '' ? undefined : where,
  );
}

/** `['articles', 3, 'url']` → `articles[3].url`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      // zod words a missing field as "expected string, received undefined": say it plainly.
      if (/received undefined/.test(issue.message)) return `is missing (expected ${issue.expected})`;
      return issue.message.replace(/^Invalid input: /, '');
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}`;
    case 'too_big':
      return issue.message.replace(/^Too big: /, 'too long: ');
    case 'too_small':
      return issue.message.replace(/^Too small: /, 'too short: ');
    default:
      return issue.message.replace(/^Invalid input: /, '');
  }
}

function describeJsonValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < text.length; index++) {
    if (text.charCodeAt(index) === 10) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Walks JSON text and returns the offset and nature of its first syntax error, or null when it is valid.
 * Only called after `JSON.parse` failed, so its speed matters little; it follows RFC 8259.
 */
export function locateJsonSyntaxError(text: string): { offset: number; message: string } | null {
  let position = 0;

  class SyntaxProblem {
    constructor(
      readonly offset: number,
      readonly message: string,
    ) {}
  }
  const fail = (message: string, offset = position): never => {
    throw new SyntaxProblem(offset, message);
  };
  const describeHere = (): string =>
    position >= text.length ? 'unexpected end of file' : `unexpected ${JSON.stringify(text[position])}`;
  const skipWhitespace = (): void => {
    while (position < text.length && ' \t\n\r'.includes(text[position] as string)) position++;
  };
  const expectLiteral = (literal: string): void => {
    if (text.startsWith(literal, position)) position += literal.length;
    else fail(describeHere());
  };
  const readString = (): void => {
    position++; // opening quote
    for (;;) {
      if (position >= text.length) fail('unterminated string');
      const char = text.charCodeAt(position);
      if (char === 34) {
        position++;
        return;
      }
      if (char < 0x20) fail('control character in string (newlines must be written \\n)');
      if (char === 92) {
        const escape = text[position + 1];
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(position + 2, position + 6))) fail('invalid \\u escape');
          position += 6;
        } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) {
          position += 2;
        } else {
          fail('invalid escape in string');
        }
      } else {
        position++;
      }
    }
  };
  const readNumber = (): void => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(position, position + 400));
    if (!match || match[0] === '' || match[0] === '-') fail(describeHere());
    else position += match[0].length;
  };
  const readValue = (depth: number): void => {
    if (depth > 2_000) fail('nesting too deep');
    skipWhitespace();
    const char = text[position];
    if (char === '{') {
      position++;
      skipWhitespace();
      if (text[position] === '}') {
        position++;
        return;
      }
      for (;;) {
        skipWhitespace();
        if (text[position] !== '"') fail(`expected a double-quoted property name, found ${describeHere().replace('unexpected ', '')}`);
        readString();
        skipWhitespace();
        if (text[position] !== ':') fail(`expected ":" after a property name, found ${describeHere().replace('unexpected ', '')}`);
        position++;
        readValue(depth + 1);
        skipWhitespace();
        if (text[position] === ',') {
          position++;
          skipWhitespace();
          if (text[position] === '}') fail('trailing comma before "}"');
          continue;
        }
        if (text[position] === '}') {
          position++;
          return;
        }
        fail(`expected "," or "}", found ${describeHere().replace('unexpected ', '')}`);
      }
    } else if (char === '[') {
      position++;
      skipWhitespace();
      if (text[position] === ']') {
        position++;
        return;
      }
      for (;;) {
        readValue(depth + 1);
        skipWhitespace();
        if (text[position] === ',') {
          position++;
          skipWhitespace();
          if (text[position] === ']') fail('trailing comma before "]"');
          continue;
        }
        if (text[position] === ']') {
          position++;
          return;
        }
        fail(`expected "," or "]", found ${describeHere().replace('unexpected ', '')}`);
      }
    } else if (char === '"') {
      readString();
    } else if (char === 't') {
      expectLiteral('true');
    } else if (char === 'f') {
      expectLiteral('false');
    } else if (char === 'n') {
      expectLiteral('null');
    } else {
      readNumber();
    }
  };

  try {
    // A byte-order mark is not JSON, but editors write it: JSON.parse rejects it, so say so.
    if (text.charCodeAt(0) === 0xfeff) fail('byte-order mark before the JSON (save the file as UTF-8 without BOM)', 0);
    readValue(0);
    skipWhitespace();
    if (position < text.length) fail(`${describeHere()} after the end of the JSON document`);
    return null;
  } catch (problem) {
    if (problem instanceof SyntaxProblem) return { offset: problem.offset, message: problem.message };
    throw problem;
  }
}
