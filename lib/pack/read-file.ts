/**
 * Turning the files a user picks on the options page into import jobs: a JSON pack to validate, or a raw
 * article (`.txt`, `.md`) to extract. Every refusal names the file and says why, and the checks that
 * need no reading (size, kind) run before a byte is read, so a 4 GB video dropped by mistake costs nothing.
 *
 * Pure apart from `readImportFile`, which only reads the bytes and hands them to the pure functions.
 */
import { MAX_PACK_BYTES, parsePack } from './validate';
import { HttpUrlSchema, UNKNOWN, type Pack, type PartialDate } from './schema';

/** Files over this size are refused before they are read. */
export const MAX_IMPORT_FILE_BYTES = MAX_PACK_BYTES;

export type ImportFileKind = 'pack' | 'article';

/** Why a file was refused: `fileName` is always named so a batch of files gives readable errors. */
export interface FileProblem {
  fileName: string;
  message: string;
  /** Position in the file or field path, when there is one (`line 4, column 12`, `articles[3].url`). */
  where?: string;
}

/**
 * A raw article as read from its file, before extraction. Facts the file does not state stay unknown:
 * `outlet` is "unknown", `url` and `publishedAt` are null, never guessed.
 */
export interface RawArticleDraft {
  fileName: string;
  title: string;
  outlet: string;
  url: string | null;
  publishedAt: PartialDate | null;
  text: string;
  /** True when a `.md` front matter block gave the metadata; otherwise the UI asks for it in a form. */
  hasFrontMatter: boolean;
  /** Things dropped or not understood (a `javascript:` URL, an unreadable date), shown to the user. */
  warnings: string[];
}

export type FileCheck = { ok: true; kind: ImportFileKind } | { ok: false; problem: FileProblem };

/** The minimal facts about a file checked before reading it (a `File` satisfies this). */
export interface FileFacts {
  name: string;
  size: number;
}

/** What a file is, from its name: `.json` a pack, `.txt`/`.md` a raw article, anything else refused. */
export function kindOfFile(name: string): ImportFileKind | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.json')) return 'pack';
  if (lower.endsWith('.txt') || lower.endsWith('.md') || lower.endsWith('.markdown')) return 'article';
  return null;
}

/** Checks that need no reading: kind, empty, and too large. Runs before the file is opened. */
export function checkFileBeforeReading(file: FileFacts): FileCheck {
  const kind = kindOfFile(file.name);
  if (!kind) {
    return problem(file.name, 'is not a pack (.json) or an article (.txt, .md): it was not imported.');
  }
  if (file.size === 0) return problem(file.name, 'is empty.');
  if (file.size > MAX_IMPORT_FILE_BYTES) {
    return problem(
      file.name,
      `is ${formatBytes(file.size)}, over the ${formatBytes(MAX_IMPORT_FILE_BYTES)} limit: it was not read. Split it into smaller packs.`,
    );
  }
  return { ok: true, kind };
}

function problem(fileName: string, message: string, where?: string): { ok: false; problem: FileProblem } {
  return { ok: false, problem: where === undefined ? { fileName, message } : { fileName, message, where } };
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} bytes`;
}

/** Share of control characters (other than tab, newlines, form feed) above which text is taken as binary. */
const MAX_CONTROL_RATIO = 0.05;
/** How much of a file the binary sniffing looks at: enough to tell, cheap on large files. */
const SNIFF_CHARS = 65_536;

/**
 * Decodes a file's bytes as UTF-8 text, refusing binary data: a NUL byte, bytes that are not UTF-8, or
 * many control characters. A leading byte-order mark is dropped (editors write one; it is not text).
 */
export function decodeTextFile(fileName: string, bytes: Uint8Array): { ok: true; text: string } | { ok: false; problem: FileProblem } {
  if (bytes.length === 0) return problem(fileName, 'is empty.');
  const sniffed = bytes.subarray(0, SNIFF_CHARS * 4);
  if (sniffed.includes(0)) return problem(fileName, 'is a binary file, not text (it contains NUL bytes).');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return problem(fileName, 'is not UTF-8 text (it may be a binary file, or text saved in another encoding).');
  }
  if (controlRatio(text.slice(0, SNIFF_CHARS)) > MAX_CONTROL_RATIO) {
    return problem(fileName, 'is a binary file, not text (it is full of control characters).');
  }
  if (text.trim() === '') return problem(fileName, 'is empty (it holds only white space).');
  return { ok: true, text };
}

function controlRatio(sample: string): number {
  if (sample.length === 0) return 0;
  let controls = 0;
  for (let index = 0; index < sample.length; index++) {
    const code = sample.charCodeAt(index);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || (code >= 0x7f && code < 0xa0)) {
      controls++;
    }
  }
  return controls / sample.length;
}

/** Front matter keys we read; anything else is reported and ignored. */
const FRONT_MATTER_KEYS: Record<string, 'title' | 'outlet' | 'date' | 'url'> = {
  title: 'title',
  outlet: 'outlet',
  source: 'outlet',
  publication: 'outlet',
  date: 'date',
  published: 'date',
  publishedat: 'date',
  url: 'url',
  link: 'url',
};

export interface FrontMatter {
  title?: string;
  outlet?: string;
  date?: string;
  url?: string;
}

/**
 * Reads a `---`-fenced block of `key: value` lines at the very start of a Markdown file. It is a tiny,
 * safe subset of YAML, parsed by hand (never evaluated): one value per line, optionally quoted. Returns
 * null when the text has no front matter, so the UI knows to ask for the metadata instead.
 */
export function parseFrontMatter(text: string): { fields: FrontMatter; body: string; warnings: string[] } | null {
  const match = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return null;
  const fields: FrontMatter = {};
  const warnings: string[] = [];
  const lines = (match[1] ?? '').split(/\r?\n/);
  lines.forEach((line, index) => {
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const pair = /^\s*([A-Za-z_][\w-]*)\s*:\s?(.*)$/.exec(line);
    if (!pair) {
      warnings.push(`front matter line ${index + 2} is not "key: value" and was ignored.`);
      return;
    }
    const key = FRONT_MATTER_KEYS[(pair[1] ?? '').toLowerCase().replace(/[-_]/g, '')];
    if (!key) {
      warnings.push(`front matter field "${pair[1] ?? ''}" is not used (title, outlet, date and url are).`);
      return;
    }
    const value = unquote((pair[2] ?? '').trim());
    if (value !== '') fields[key] = value;
  });
  return { fields, body: text.slice(match[0].length), warnings };
}

function unquote(value: string): string {
  if (value.length >= 2 && ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'")))) {
    const inner = value.slice(1, -1);
    return value.startsWith('"') ? inner.replace(/\\"/g, '"').replace(/\\\\/g, '\\') : inner.replace(/''/g, "'");
  }
  // A trailing YAML comment, as long as it is separated from the value by white space.
  return value.replace(/\s+#.*$/, '');
}

/**
 * Reads a date as a user or a front matter block writes it: `2026-01-09` (day), `2026-01` (month),
 * `2026` (year). Anything else is unknown: null, never guessed.
 */
export function parsePartialDate(value: string): PartialDate | null {
  const trimmed = value.trim();
  let candidate: PartialDate | null = null;
  const day = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(trimmed);
  const month = /^(\d{4})-(\d{2})$/.exec(trimmed);
  const year = /^(\d{4})$/.exec(trimmed);
  if (day) candidate = { date: `${day[1]}-${day[2]}-${day[3]}`, precision: 'day' };
  else if (month) candidate = { date: `${month[1]}-${month[2]}-01`, precision: 'month' };
  else if (year) candidate = { date: `${year[1]}-01-01`, precision: 'year' };
  if (!candidate) return null;
  const [y, m, d] = candidate.date.split('-').map(Number) as [number, number, number];
  const parsed = new Date(Date.UTC(y, m - 1, d));
  if (parsed.getUTCFullYear() !== y || parsed.getUTCMonth() !== m - 1 || parsed.getUTCDate() !== d) return null;
  return candidate;
}

/**
 * Only http(s) URLs become article links. Anything else (`javascript:`, `data:`, relative paths) is
 * dropped to null with a warning saying so, so it can never be rendered as a link.
 */
export function acceptArticleUrl(value: string | null | undefined): { url: string | null; warning: string | null } {
  if (value === null || value === undefined || value.trim() === '') return { url: null, warning: null };
  const trimmed = value.trim();
  if (HttpUrlSchema.safeParse(trimmed).success) return { url: trimmed, warning: null };
  return { url: null, warning: `the URL ${JSON.stringify(truncate(trimmed, 80))} is not an http(s) link, so it was not kept.` };
}

function truncate(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

/** A title from the file name when the file gives none: "2026-01-09 macron-troops.md" → "2026-01-09 macron-troops". */
export function titleFromFileName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.(txt|md|markdown)$/i, '').trim();
  return truncate(base === '' ? 'Untitled article' : base, 500);
}

/** The metadata a user may give (front matter or the form), as typed: every field optional. */
export interface ArticleMetadataInput {
  title?: string | null;
  outlet?: string | null;
  date?: string | null;
  url?: string | null;
}

/**
 * Applies metadata (from front matter or the form) to a draft. Empty fields stay unknown; a URL that is
 * not http(s) and a date that cannot be read are dropped with a warning. Strings are kept as text: a
 * title of `<script>` stays those characters, and the UI shows them as text.
 */
export function applyArticleMetadata(draft: RawArticleDraft, metadata: ArticleMetadataInput): RawArticleDraft {
  const warnings = [...draft.warnings];
  const title = clean(metadata.title) ?? draft.title;
  const outlet = clean(metadata.outlet) ?? UNKNOWN;
  let publishedAt: PartialDate | null = null;
  const date = clean(metadata.date);
  if (date !== null) {
    publishedAt = parsePartialDate(date);
    if (!publishedAt) warnings.push(`${draft.fileName}: the date ${JSON.stringify(truncate(date, 40))} is not YYYY-MM-DD, YYYY-MM or YYYY, so it stays unknown.`);
  }
  const { url, warning } = acceptArticleUrl(metadata.url);
  if (warning) warnings.push(`${draft.fileName}: ${warning}`);
  return { ...draft, title: truncate(title, 500), outlet: truncate(outlet, 500), url, publishedAt, warnings };
}

function clean(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  // Control characters (other than spaces) have no place in a one-line field.
  let flattened = '';
  for (const char of value) flattened += char.charCodeAt(0) < 0x20 || char === '\u007f' ? ' ' : char;
  const trimmed = flattened.trim();
  return trimmed === '' ? null : trimmed;
}

/** Turns the text of a `.txt` or `.md` file into a raw article draft, reading `.md` front matter. */
export function readArticleText(fileName: string, text: string): { ok: true; draft: RawArticleDraft } | { ok: false; problem: FileProblem } {
  const isMarkdown = /\.(md|markdown)$/i.test(fileName);
  const front = isMarkdown ? parseFrontMatter(text) : null;
  const body = (front ? front.body : text.replace(/^\uFEFF/, '')).trim();
  if (body === '') return problem(fileName, front ? 'has front matter but no article text.' : 'is empty.');
  const base: RawArticleDraft = {
    fileName,
    title: titleFromFileName(fileName),
    outlet: UNKNOWN,
    url: null,
    publishedAt: null,
    text: body,
    hasFrontMatter: front !== null,
    warnings: front ? front.warnings.map((warning) => `${fileName}: ${warning}`) : [],
  };
  if (!front) return { ok: true, draft: base };
  return { ok: true, draft: applyArticleMetadata(base, front.fields) };
}

/** Parses and validates a pack file's text, with the file named in any error. */
export function readPackText(fileName: string, text: string): { ok: true; pack: Pack } | { ok: false; problem: FileProblem } {
  const result = parsePack(text);
  if (result.ok) return { ok: true, pack: result.value };
  return problem(fileName, result.error.message, result.error.where);
}

/** What one file became: a validated pack, an article draft, or a problem naming the file. */
export type ReadImportFileResult =
  | { ok: true; kind: 'pack'; fileName: string; pack: Pack }
  | { ok: true; kind: 'article'; fileName: string; draft: RawArticleDraft }
  | { ok: false; problem: FileProblem };

/** A `File`, or anything with a name, a size and its bytes (tests use a fake with a huge `size`). */
export interface ReadableFile extends FileFacts {
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * Reads one file into an import job: size and kind are checked before reading, then the bytes are
 * decoded (binary refused) and parsed as a pack or an article. Never throws for bad input.
 */
export async function readImportFile(file: ReadableFile): Promise<ReadImportFileResult> {
  const check = checkFileBeforeReading(file);
  if (!check.ok) return check;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    return problem(file.name, `could not be read: ${error instanceof Error ? error.message : String(error)}.`);
  }
  const decoded = decodeTextFile(file.name, bytes);
  if (!decoded.ok) return decoded;
  if (check.kind === 'pack') {
    const read = readPackText(file.name, decoded.text);
    return read.ok ? { ok: true, kind: 'pack', fileName: file.name, pack: read.pack } : read;
  }
  const read = readArticleText(file.name, decoded.text);
  return read.ok ? { ok: true, kind: 'article', fileName: file.name, draft: read.draft } : read;
}

/** Formats a problem for an error region: "pack.json: Invalid JSON at line 3, column 5: …". */
export function describeFileProblem(fileProblem: FileProblem): string {
  return `${fileProblem.fileName}: ${fileProblem.message}`;
}
