/**
 * The work of an import, as the options page's Web Worker runs it: read and validate pack files, and
 * extract a pack from raw articles, reporting progress. Nothing here writes anything: the result is
 * packs as JSON text, which the page hands to the background to store in one transaction each. So
 * cancelling (terminating the worker) at any point leaves the store untouched.
 *
 * Plain functions and plain messages, so it runs and is tested without a worker.
 */
import { deriveArticleId, extractPack, type ArticleInput, type GazetteerEntry } from '../extract';
import { checkFileBeforeReading, decodeTextFile, readPackText, type FileProblem, type RawArticleDraft, type ReadableFile } from './read-file';
import type { Pack } from './schema';

/** What the page asks the worker to import. Files are structured-cloned into the worker unread. */
export interface ImportJobRequest {
  packFiles: ReadableFile[];
  /** Raw articles, metadata already applied (front matter or the form). */
  articles: RawArticleDraft[];
  /** The pack raw articles become. */
  articlePack: { id: string; name: string; description: string; source: string; created: string };
  /** Entities already stored, so raw articles link to them instead of making copies. */
  gazetteer: GazetteerEntry[];
}

export interface ImportJobProgress {
  phase: 'reading' | 'extracting';
  articlesRead: number;
  articlesTotal: number;
  entitiesFound: number;
}

/** A pack ready to store, as JSON text (cheap to post between threads and across messaging). */
export interface ReadyPack {
  /** The file it came from, or null for the pack extracted from raw articles. */
  fileName: string | null;
  packId: string;
  name: string;
  articleCount: number;
  entityCount: number;
  /**
   * The pack's JSON text, in pieces of at most PACK_TEXT_PIECE_CHARS. The worker posts them one message
   * each and the page sends them on to the background as they are, so the page never copies, joins or
   * serialises a large pack's text in one go.
   */
  text: string[];
}

export type ImportJobResult = { ok: true; packs: ReadyPack[] } | { ok: false; problems: FileProblem[] };

/**
 * Worker → page messages. A result's pack text travels ahead of it in `packText` pieces (see
 * `resultMessages`): the page takes each message in as one task. A 20 MB pack sent whole made one task
 * of 23–37 ms on the options page (receiving it took 12 ms, starting to send it on most of the
 * rest), and 60–110 ms when the two-core machine was busy (tests/bench/import.bench.ts).
 */
export type ImportWorkerMessage =
  | { type: 'progress'; progress: ImportJobProgress }
  | { type: 'packText'; pack: number; text: string }
  | { type: 'result'; result: ImportJobResult }
  | { type: 'crash'; message: string };

/**
 * Most characters of pack text in one message, from the worker or to the background: each message is
 * taken in or serialised on the options page's main thread, and a piece this size makes a task of about
 * 10–15 ms there (tests/bench/import.bench.ts).
 */
export const PACK_TEXT_PIECE_CHARS = 1_000_000;

/** `text` cut into pieces of at most `PACK_TEXT_PIECE_CHARS` (none for empty text). */
export function piecesOf(text: string): string[] {
  const pieces: string[] = [];
  for (let at = 0; at < text.length; at += PACK_TEXT_PIECE_CHARS) pieces.push(text.slice(at, at + PACK_TEXT_PIECE_CHARS));
  return pieces;
}

/** The worker's messages for a result: each pack's JSON text in pieces, then the result without that text. */
export function resultMessages(result: ImportJobResult): ImportWorkerMessage[] {
  if (!result.ok) return [{ type: 'result', result }];
  const messages: ImportWorkerMessage[] = [];
  result.packs.forEach((pack, index) => {
    for (const text of pack.text) messages.push({ type: 'packText', pack: index, text });
  });
  messages.push({ type: 'result', result: { ok: true, packs: result.packs.map((pack) => ({ ...pack, text: [] })) } });
  return messages;
}

/** The page's side of `resultMessages`: collects the pieces, and puts them back into the result. */
export function createResultAssembler(): {
  add(message: { pack: number; text: string }): void;
  finish(result: ImportJobResult): ImportJobResult;
} {
  const pieces: string[][] = [];
  return {
    add(message) {
      (pieces[message.pack] ??= []).push(message.text);
    },
    finish(result) {
      if (!result.ok) return result;
      return { ok: true, packs: result.packs.map((pack, index) => ({ ...pack, text: pieces[index] ?? [] })) };
    },
  };
}

/**
 * Reads every pack file and extracts the raw articles. All or nothing: if any file is refused, no pack
 * is returned, only every problem found, so the user fixes them in one go.
 */
export async function runImportJob(request: ImportJobRequest, onProgress: (progress: ImportJobProgress) => void): Promise<ImportJobResult> {
  const problems: FileProblem[] = [];
  const packs: ReadyPack[] = [];
  const articlesTotal = request.articles.length;
  let articlesRead = 0;
  let entitiesFound = 0;

  for (const file of request.packFiles) {
    const read = await readPackFile(file);
    if (!read.ok) {
      problems.push(read.problem);
      continue;
    }
    articlesRead += read.pack.articles.length;
    entitiesFound += read.pack.entities.length;
    // The file's own text goes on: re-serialising a large pack would cost as much again.
    packs.push(readyPack(file.name, read.pack, read.text));
    onProgress({ phase: 'reading', articlesRead, articlesTotal: articlesTotal + articlesRead, entitiesFound });
  }
  if (problems.length > 0) return { ok: false, problems };

  if (request.articles.length > 0) {
    const fromPacks = { articlesRead, entitiesFound };
    const inputs = request.articles.map(toArticleInput);
    const duplicate = findDuplicateArticle(inputs, request.articles);
    if (duplicate) return { ok: false, problems: [duplicate] };
    onProgress({ phase: 'extracting', articlesRead, articlesTotal: articlesTotal + fromPacks.articlesRead, entitiesFound });
    const pack = extractPack(inputs, {
      ...request.articlePack,
      gazetteer: request.gazetteer,
      onProgress: (progress) =>
        onProgress({
          phase: 'extracting',
          articlesRead: fromPacks.articlesRead + progress.articlesRead,
          articlesTotal: articlesTotal + fromPacks.articlesRead,
          entitiesFound: fromPacks.entitiesFound + progress.entitiesFound,
        }),
    });
    packs.push(readyPack(null, pack, JSON.stringify(pack)));
  }
  return { ok: true, packs };
}

function readyPack(fileName: string | null, pack: Pack, json: string): ReadyPack {
  return { fileName, packId: pack.id, name: pack.name, articleCount: pack.articles.length, entityCount: pack.entities.length, text: piecesOf(json) };
}

/** Reads and validates one pack file; size and kind are checked before a byte is read. */
async function readPackFile(file: ReadableFile): Promise<{ ok: true; pack: Pack; text: string } | { ok: false; problem: FileProblem }> {
  const check = checkFileBeforeReading(file);
  if (!check.ok) return check;
  if (check.kind !== 'pack') return { ok: false, problem: { fileName: file.name, message: 'is not a pack file (.json).' } };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    return { ok: false, problem: { fileName: file.name, message: `could not be read: ${error instanceof Error ? error.message : String(error)}.` } };
  }
  const decoded = decodeTextFile(file.name, bytes);
  if (!decoded.ok) return decoded;
  const read = readPackText(file.name, decoded.text);
  return read.ok ? { ok: true, pack: read.pack, text: decoded.text } : read;
}

export function toArticleInput(draft: RawArticleDraft): ArticleInput {
  return {
    title: draft.title,
    outlet: draft.outlet,
    url: draft.url,
    publishedAt: draft.publishedAt,
    language: 'en',
    text: draft.text,
    citedOutlets: [],
  };
}

/** Two files that are the same article would get the same id; say which rather than fail in the store. */
function findDuplicateArticle(inputs: ArticleInput[], drafts: RawArticleDraft[]): FileProblem | null {
  const seen = new Map<string, string>();
  for (const [index, input] of inputs.entries()) {
    const id = deriveArticleId(input);
    const fileName = drafts[index]?.fileName ?? '';
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      return { fileName, message: `is the same article as ${earlier} (same ${input.url ? 'URL' : 'text'}): import one of them.` };
    }
    seen.set(id, fileName);
  }
  return null;
}

/** A pack id for a batch of raw articles: unique per import, valid as an id, readable. */
export function articlePackId(now: Date): string {
  return `import-${now.toISOString().replace(/[^0-9]/g, '').slice(0, 14)}`;
}
