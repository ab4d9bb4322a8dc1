import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACK_TEXT_PIECE_CHARS, articlePackId, createResultAssembler, piecesOf, resultMessages, runImportJob, type ImportJobProgress, type ImportJobRequest, type ImportJobResult } from './import-job';
import { readArticleText, type RawArticleDraft, type ReadableFile } from './read-file';
import { PackSchema } from './schema';

const FIXTURES = resolve(import.meta.dirname, '../../tests/e2e/fixtures/options');
const packText = readFileSync(resolve(FIXTURES, 'port-venn-pack.json'), 'utf8');

function file(name: string, text: string, size?: number): ReadableFile {
  const bytes = new TextEncoder().encode(text);
  return { name, size: size ?? bytes.length, arrayBuffer: () => Promise.resolve(bytes.slice().buffer) };
}

function draft(name: string, text: string): RawArticleDraft {
  const read = readArticleText(name, text);
  if (!read.ok) throw new Error(read.problem.message);
  return read.draft;
}

function request(overrides: Partial<ImportJobRequest>): ImportJobRequest {
  return {
    packFiles: [],
    articles: [],
    articlePack: { id: 'import-20260112090000', name: 'Imported', description: '', source: 'Files: test', created: '2026-01-12T09:00:00.000Z' },
    gazetteer: [],
    ...overrides,
  };
}

describe('runImportJob', () => {
  it('passes a valid pack file on as its own text, with its counts', async () => {
    const progress: ImportJobProgress[] = [];
    const result = await runImportJob(request({ packFiles: [file('venn.json', packText)] }), (step) => progress.push(step));
    expect(result).toEqual({
      ok: true,
      packs: [{ fileName: 'venn.json', packId: 'e2e-options-pack', name: 'Port Venn test pack', articleCount: 1, entityCount: 1, text: [packText] }],
    });
    expect(progress.at(-1)).toMatchObject({ articlesRead: 1, entitiesFound: 1 });
  });

  it('returns no pack at all when any file of the batch is refused, and lists every problem', async () => {
    const result = await runImportJob(
      request({
        packFiles: [file('good.json', packText), file('broken.json', '{"id": }'), file('huge.json', '{}', 60 * 1024 * 1024)],
        articles: [draft('a.txt', 'Tobias Wrenfield led the strike in Port Venn.')],
      }),
      () => undefined,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.fileName)).toEqual(['broken.json', 'huge.json']);
    expect(result.problems[0]?.where).toBe('line 1, column 8');
  });

  it('extracts raw articles into one valid pack, reporting articles read and entities found', async () => {
    const progress: ImportJobProgress[] = [];
    const articles = [
      draft('strike.txt', readFileSync(resolve(FIXTURES, 'harbour-strike.txt'), 'utf8')),
      draft('timetable.md', readFileSync(resolve(FIXTURES, 'ferry-timetable.md'), 'utf8')),
    ];
    const result = await runImportJob(request({ articles }), (step) => progress.push(step));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [ready] = result.packs;
    const pack = PackSchema.parse(JSON.parse(ready?.text.join('') ?? 'null'));
    expect(pack.id).toBe('import-20260112090000');
    expect(pack.articles.map((article) => article.title)).toEqual(['strike', '<script>alert("title")</script>New ferry timetable']);
    expect(pack.articles.map((article) => article.url)).toEqual([null, null]);
    expect(pack.entities.map((entity) => entity.name)).toContain('Tobias Wrenfield');
    expect(progress.at(-1)).toMatchObject({ phase: 'extracting', articlesRead: 2, articlesTotal: 2 });
    expect(progress.at(-1)?.entitiesFound).toBeGreaterThan(0);
  });

  it('refuses two files that are the same article, naming both', async () => {
    const text = 'Tobias Wrenfield led the strike in Port Venn.';
    const result = await runImportJob(request({ articles: [draft('one.txt', text), draft('two.txt', text)] }), () => undefined);
    expect(result).toEqual({
      ok: false,
      problems: [{ fileName: 'two.txt', message: 'is the same article as one.txt (same text): import one of them.' }],
    });
  });
});

describe('resultMessages', () => {
  it('carries each pack’s text in pieces the page puts back together, so no message is large', () => {
    const large = `{"text":"${'é'.repeat(PACK_TEXT_PIECE_CHARS * 2 + 17)}"}`;
    const result: ImportJobResult = {
      ok: true,
      packs: [
        { fileName: 'a.json', packId: 'a', name: 'A', articleCount: 1, entityCount: 2, text: piecesOf(large) },
        { fileName: null, packId: 'b', name: 'B', articleCount: 3, entityCount: 4, text: piecesOf('{"small":true}') },
      ],
    };
    const messages = resultMessages(result);
    expect(messages.map((message) => message.type)).toEqual(['packText', 'packText', 'packText', 'packText', 'result']);
    const assembler = createResultAssembler();
    for (const message of messages) {
      if (message.type === 'packText') {
        expect(message.text.length).toBeLessThanOrEqual(PACK_TEXT_PIECE_CHARS);
        assembler.add(message);
      } else if (message.type === 'result') {
        // The result itself holds no pack text: it came ahead in pieces.
        expect(JSON.stringify(message.result).length).toBeLessThan(400);
        const assembled = assembler.finish(message.result);
        expect(assembled).toEqual(result);
        expect(assembled.ok ? assembled.packs[0]?.text.join('') : null).toBe(large);
      }
    }
  });

  it('passes a refused batch on as it is', () => {
    const refused: ImportJobResult = { ok: false, problems: [{ fileName: 'x.json', message: 'is not valid JSON.' }] };
    expect(resultMessages(refused)).toEqual([{ type: 'result', result: refused }]);
    expect(createResultAssembler().finish(refused)).toEqual(refused);
  });
});

describe('articlePackId', () => {
  it('is a valid pack id made from the time', () => {
    expect(articlePackId(new Date('2026-01-12T09:08:07.123Z'))).toBe('import-20260112090807');
  });
});
