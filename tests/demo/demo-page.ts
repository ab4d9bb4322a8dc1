/**
 * The demo news page: the five seed articles laid out like a news site, so a newcomer (and the E2E
 * tests) can hover the names the seed pack knows. A short readers' section adds the misspellings that
 * fuzzy lookup is there to catch ("Zelenskiy", "Kir Starmer", "Dmitry Peslov").
 *
 * Every string is escaped: the seeds are data, and this page is built the way a real site would be.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SeedMetadataSchema, type SeedArticleMetadata } from '../../lib/cli/seed-metadata';
import { formatPartialDate } from '../../lib/pack/dates';
import { UNKNOWN } from '../../lib/pack/schema';

const SEEDS_DIR = resolve(import.meta.dirname, '../../seeds');

interface DemoArticle {
  file: string;
  title: string;
  byline: string;
  paragraphs: string[];
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The curated metadata, validated by the schema build:pack uses; keyed by seed file. */
function readMetadata(): Map<string, SeedArticleMetadata> {
  const metadata = SeedMetadataSchema.parse(JSON.parse(readFileSync(join(SEEDS_DIR, 'metadata.json'), 'utf8')));
  return new Map(metadata.articles.map((article) => [article.file, article]));
}

export function readDemoArticles(): DemoArticle[] {
  const metadata = readMetadata();
  return readdirSync(SEEDS_DIR)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => {
      const lines = readFileSync(join(SEEDS_DIR, file), 'utf8')
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean);
      const meta = metadata.get(file);
      const title = meta?.title ?? lines[0]?.slice(0, 90) ?? file;
      const paragraphs = lines[0] === title ? lines.slice(1) : lines;
      return {
        file,
        title,
        byline: `${meta && meta.outlet !== UNKNOWN ? meta.outlet : 'Agency copy'} · ${formatPartialDate(meta?.publishedAt)}`,
        paragraphs,
      };
    });
}

const READERS_LETTERS = [
  'Several readers asked whether Kir Starmer and President Zelenskiy had spoken since the summit.',
  'Another reader noted that Dmitry Peslov, speaking for the Kremlin, had again dismissed the plan.',
  'A correction: a previous edition misnamed the daily Le Parisien in one caption.',
];

export function renderDemoPage(): string {
  const articles = readDemoArticles()
    .map(
      (article) => `
      <article id="${escapeHtml(article.file.replace(/\.txt$/, ''))}">
        <h2>${escapeHtml(article.title)}</h2>
        <p class="byline">${escapeHtml(article.byline)}</p>
        ${article.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n        ')}
      </article>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>The Demo Gazette: Europe and Ukraine</title>
  <style>
    body { margin: 0; font: 18px/1.6 Georgia, 'DejaVu Serif', serif; color: #1b1b1b; background: #fbfaf7; }
    header { border-bottom: 3px double #1b1b1b; padding: 16px 24px; }
    header h1 { margin: 0; font-size: 34px; letter-spacing: 0.02em; }
    header p { margin: 4px 0 0; color: #555; font: 14px system-ui, sans-serif; }
    main { max-width: 760px; margin: 0 auto; padding: 8px 24px 64px; }
    article { border-bottom: 1px solid #ddd; padding: 16px 0; }
    h2 { font-size: 26px; line-height: 1.25; margin: 12px 0 4px; }
    .byline { color: #666; font: 14px system-ui, sans-serif; margin-top: 0; }
    aside { background: #f0ede4; padding: 8px 20px; margin-top: 24px; }
  </style>
</head>
<body>
  <header>
    <h1>The Demo Gazette</h1>
    <p>Five agency stories on Europe, Ukraine and the “coalition of the willing”. Hover a name.</p>
  </header>
  <main>
${articles}
    <aside id="letters">
      <h2>From our readers</h2>
      ${READERS_LETTERS.map((letter) => `<p>${escapeHtml(letter)}</p>`).join('\n      ')}
    </aside>
  </main>
</body>
</html>
`;
}
