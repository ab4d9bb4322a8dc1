import { describe, expect, it } from 'vitest';
import {
  MAX_IMPORT_FILE_BYTES,
  acceptArticleUrl,
  applyArticleMetadata,
  checkFileBeforeReading,
  decodeTextFile,
  parseFrontMatter,
  parsePartialDate,
  readImportFile,
  type ReadableFile,
} from './read-file';
import { PACK_FORMAT_VERSION, type Pack } from './schema';

const encoder = new TextEncoder();

/** A file whose bytes are given, and which records whether anyone read them. */
function fakeFile(name: string, content: string | Uint8Array, size?: number): ReadableFile & { reads: number } {
  const bytes = typeof content === 'string' ? encoder.encode(content) : content;
  const file = {
    name,
    size: size ?? bytes.length,
    reads: 0,
    arrayBuffer() {
      file.reads++;
      return Promise.resolve(bytes.slice().buffer);
    },
  };
  return file;
}

function smallPack(overrides: Partial<Pack> = {}): Pack {
  return {
    formatVersion: PACK_FORMAT_VERSION,
    id: 'test-pack',
    name: 'Test pack',
    description: '',
    created: '2026-01-10T12:00:00Z',
    source: 'unit test',
    articles: [
      {
        id: 'a1',
        title: 'Talks in Paris',
        outlet: 'Le Monde',
        url: 'https://example.org/a1',
        publishedAt: { date: '2026-01-09', precision: 'day' },
        language: 'en',
        text: 'Ada Quillfeather met delegates in Paris.',
        citedOutlets: [],
      },
    ],
    entities: [{ id: 'ada', name: 'Ada Quillfeather', type: 'person', aliases: [], description: null, roles: [] }],
    contexts: [
      { entityId: 'ada', articleId: 'a1', sentence: 'Ada Quillfeather met delegates in Paris.', start: 0, end: 16, eventDate: null, attributedTo: null },
    ],
    ...overrides,
  };
}

describe('checks before reading', () => {
  it('refuses a file over 50 MB without reading a byte of it', async () => {
    const huge = fakeFile('huge.json', '{}', MAX_IMPORT_FILE_BYTES + 1);
    const result = await readImportFile(huge);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.fileName).toBe('huge.json');
    expect(result.problem.message).toMatch(/over the 50 MB limit/);
    expect(huge.reads).toBe(0);
  });

  it('accepts a file of exactly 50 MB as far as size goes', () => {
    expect(checkFileBeforeReading({ name: 'big.json', size: MAX_IMPORT_FILE_BYTES })).toEqual({ ok: true, kind: 'pack' });
  });

  it('refuses an empty file by its size', async () => {
    const empty = fakeFile('empty.txt', '');
    const result = await readImportFile(empty);
    expect(result).toEqual({ ok: false, problem: { fileName: 'empty.txt', message: 'is empty.' } });
    expect(empty.reads).toBe(0);
  });

  it('refuses a file that holds only white space', async () => {
    const result = await readImportFile(fakeFile('blank.md', '  \n\n\t '));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.message).toMatch(/empty/);
  });

  it('refuses kinds it does not import, naming the file', () => {
    const result = checkFileBeforeReading({ name: 'photo.png', size: 1000 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatchObject({ fileName: 'photo.png', message: expect.stringMatching(/\.json.*\.txt, \.md/) });
  });

  it('tells packs from articles by extension, in any case', () => {
    expect(checkFileBeforeReading({ name: 'PACK.JSON', size: 10 })).toEqual({ ok: true, kind: 'pack' });
    expect(checkFileBeforeReading({ name: 'note.Md', size: 10 })).toEqual({ ok: true, kind: 'article' });
    expect(checkFileBeforeReading({ name: 'note.txt', size: 10 })).toEqual({ ok: true, kind: 'article' });
  });
});

describe('binary files', () => {
  it('refuses NUL bytes', () => {
    const result = decodeTextFile('image.txt', new Uint8Array([0x48, 0x69, 0x00, 0x01, 0x02]));
    expect(result).toEqual({ ok: false, problem: { fileName: 'image.txt', message: expect.stringMatching(/binary.*NUL/) } });
  });

  it('refuses bytes that are not UTF-8', () => {
    const latin1 = new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0xff, 0xfe, 0x41]);
    const result = decodeTextFile('latin1.txt', latin1);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.message).toMatch(/not UTF-8/);
  });

  it('refuses text full of control characters', () => {
    const controls = new Uint8Array(Array.from({ length: 200 }, (_, index) => (index % 3 === 0 ? 0x07 : 0x41)));
    const result = decodeTextFile('weird.md', controls);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.message).toMatch(/control characters/);
  });

  it('reads ordinary UTF-8 with accents and drops a byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode('Jean-Noël Barrot\ttalked.\r\n')]);
    expect(decodeTextFile('ok.txt', bytes)).toEqual({ ok: true, text: 'Jean-Noël Barrot\ttalked.\r\n' });
  });

  it('refuses a binary .json pack through the whole read', async () => {
    const result = await readImportFile(fakeFile('pack.json', new Uint8Array([0x7b, 0x00, 0x7d])));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatchObject({ fileName: 'pack.json', message: expect.stringMatching(/binary/) });
  });
});

describe('pack files', () => {
  it('reads a valid pack', async () => {
    const result = await readImportFile(fakeFile('good.json', JSON.stringify(smallPack())));
    expect(result).toMatchObject({ ok: true, kind: 'pack', fileName: 'good.json', pack: { id: 'test-pack' } });
  });

  it('gives the line and column of invalid JSON', async () => {
    const text = '{\n  "formatVersion": 1,\n  "id": "x",,\n}';
    const result = await readImportFile(fakeFile('broken.json', text));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.fileName).toBe('broken.json');
    expect(result.problem.where).toBe('line 3, column 13');
    expect(result.problem.message).toMatch(/line 3, column 13/);
  });

  it('gives the field path of a schema error and what was expected', async () => {
    const pack = smallPack();
    const broken = { ...pack, articles: [{ ...pack.articles[0], publishedAt: { date: '2026-13-40', precision: 'day' } }] };
    const result = await readImportFile(fakeFile('schema.json', JSON.stringify(broken)));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.where).toBe('articles[0].publishedAt.date');
    expect(result.problem.message).toMatch(/articles\[0\]\.publishedAt\.date/);
  });

  it('names a missing field', async () => {
    const { name: _name, ...withoutName } = smallPack();
    const result = await readImportFile(fakeFile('noname.json', JSON.stringify(withoutName)));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatchObject({ where: 'name', message: expect.stringMatching(/name: is missing/) });
  });

  it('says so when the formatVersion is unknown', async () => {
    const result = await readImportFile(fakeFile('future.json', JSON.stringify({ ...smallPack(), formatVersion: 7 })));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatchObject({ where: 'formatVersion', message: expect.stringMatching(/formatVersion 7/) });
  });

  it('refuses a pack whose article URL is javascript:', async () => {
    const pack = smallPack();
    const hostile = { ...pack, articles: [{ ...pack.articles[0], url: 'javascript:alert(1)' }] };
    const result = await readImportFile(fakeFile('hostile.json', JSON.stringify(hostile)));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.where).toBe('articles[0].url');
  });

  it('keeps HTML and script in a pack as the very same text', async () => {
    const pack = smallPack();
    const title = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const hostile = { ...pack, articles: [{ ...pack.articles[0], title }] };
    const result = await readImportFile(fakeFile('html.json', JSON.stringify(hostile)));
    expect(result.ok && result.kind === 'pack' && result.pack.articles[0]?.title).toBe(title);
  });
});

describe('front matter', () => {
  it('reads title, outlet, date and url between --- fences', () => {
    const text = '---\ntitle: "Talks: day two"\noutlet: Le Monde\ndate: 2026-01-09\nurl: https://example.org/talks\n---\nBody text.';
    expect(parseFrontMatter(text)).toEqual({
      fields: { title: 'Talks: day two', outlet: 'Le Monde', date: '2026-01-09', url: 'https://example.org/talks' },
      body: 'Body text.',
      warnings: [],
    });
  });

  it('returns null when there is none, so the form asks', () => {
    expect(parseFrontMatter('Just an article.\n---\ntitle: no')).toBeNull();
  });

  it('reports lines it cannot read and fields it does not use, and never evaluates anything', () => {
    const text = "---\ntitle: 'It''s here'\nauthor: Someone\n!!js/function >\n  alert(1)\n---\nBody";
    const parsed = parseFrontMatter(text);
    expect(parsed?.fields).toEqual({ title: "It's here" });
    expect(parsed?.warnings).toHaveLength(3);
    expect(parsed?.warnings[0]).toMatch(/"author" is not used/);
  });

  it('turns a .md file with front matter into a complete draft', async () => {
    const text = '---\ntitle: Talks\noutlet: Le Monde\ndate: 2026-01\n---\n\nAda Quillfeather spoke.';
    const result = await readImportFile(fakeFile('talks.md', text));
    expect(result).toEqual({
      ok: true,
      kind: 'article',
      fileName: 'talks.md',
      draft: {
        fileName: 'talks.md',
        title: 'Talks',
        outlet: 'Le Monde',
        url: null,
        publishedAt: { date: '2026-01-01', precision: 'month' },
        text: 'Ada Quillfeather spoke.',
        hasFrontMatter: true,
        warnings: [],
      },
    });
  });

  it('leaves unknown values unknown in a file without front matter', async () => {
    const result = await readImportFile(fakeFile('notes/2026 talks.txt', 'Ada Quillfeather spoke.\n'));
    expect(result).toMatchObject({
      ok: true,
      draft: { title: '2026 talks', outlet: 'unknown', url: null, publishedAt: null, hasFrontMatter: false },
    });
  });

  it('does not read front matter in a .txt file', async () => {
    const result = await readImportFile(fakeFile('a.txt', '---\ntitle: X\n---\nBody'));
    expect(result.ok && result.kind === 'article' && result.draft.hasFrontMatter).toBe(false);
  });

  it('refuses a .md file with front matter and no body', async () => {
    const result = await readImportFile(fakeFile('hollow.md', '---\ntitle: X\n---\n\n'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.message).toMatch(/no article text/);
  });
});

describe('hostile metadata', () => {
  it('drops a javascript: URL to null with a warning', async () => {
    const text = '---\ntitle: Click me\nurl: javascript:alert(document.cookie)\n---\nBody';
    const result = await readImportFile(fakeFile('evil.md', text));
    expect(result.ok).toBe(true);
    if (!result.ok || result.kind !== 'article') return;
    expect(result.draft.url).toBeNull();
    expect(result.draft.warnings).toEqual([expect.stringMatching(/^evil\.md: the URL "javascript:alert.*not an http\(s\) link/)]);
  });

  it('accepts http and https URLs only', () => {
    expect(acceptArticleUrl('https://example.org/a').url).toBe('https://example.org/a');
    expect(acceptArticleUrl('http://example.org/a').url).toBe('http://example.org/a');
    for (const bad of ['JavaScript:alert(1)', 'data:text/html,<script>', 'ftp://x.org/', '/relative/path', 'example.org']) {
      expect(acceptArticleUrl(bad)).toMatchObject({ url: null, warning: expect.any(String) });
    }
    expect(acceptArticleUrl('')).toEqual({ url: null, warning: null });
  });

  it('keeps HTML in a title as text, character for character', async () => {
    const text = '---\ntitle: <b onmouseover="alert(1)">Hi</b><script>x()</script>\n---\nBody';
    const result = await readImportFile(fakeFile('html.md', text));
    expect(result.ok && result.kind === 'article' && result.draft.title).toBe('<b onmouseover="alert(1)">Hi</b><script>x()</script>');
  });

  it('form metadata: blanks stay unknown, a bad date stays unknown with a warning', async () => {
    const read = await readImportFile(fakeFile('plain.txt', 'Body'));
    if (!read.ok || read.kind !== 'article') throw new Error('expected a draft');
    const applied = applyArticleMetadata(read.draft, { title: '  ', outlet: '', date: 'last Tuesday', url: '' });
    expect(applied).toMatchObject({ title: 'plain', outlet: 'unknown', publishedAt: null, url: null });
    expect(applied.warnings).toEqual([expect.stringMatching(/^plain\.txt: the date "last Tuesday" is not YYYY-MM-DD/)]);
  });
});

describe('dates', () => {
  it('reads day, month and year precision and refuses impossible dates', () => {
    expect(parsePartialDate('2026-01-09')).toEqual({ date: '2026-01-09', precision: 'day' });
    expect(parsePartialDate('2026-01-09T10:00:00Z')).toEqual({ date: '2026-01-09', precision: 'day' });
    expect(parsePartialDate('2026-02')).toEqual({ date: '2026-02-01', precision: 'month' });
    expect(parsePartialDate('2026')).toEqual({ date: '2026-01-01', precision: 'year' });
    expect(parsePartialDate('2026-02-30')).toBeNull();
    expect(parsePartialDate('9 January 2026')).toBeNull();
  });
});
