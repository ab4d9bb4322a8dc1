/**
 * Every seed article has complete, valid, curated metadata, and the facts in it agree with the texts:
 * an outlet is named only when the text shows it, a URL only when the text gives it, and each cited
 * outlet is cited in the text.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SeedMetadataSchema } from '../../lib/cli/seed-metadata';
import { UNKNOWN } from '../../lib/pack/schema';

const SEEDS = join(import.meta.dirname, '../../seeds');
const raw = JSON.parse(readFileSync(join(SEEDS, 'metadata.json'), 'utf8')) as unknown;
const parsed = SeedMetadataSchema.safeParse(raw);
const metadata = parsed.success ? parsed.data : null;
const files = readdirSync(SEEDS).filter((file) => file.endsWith('.txt')).sort();
const text = (file: string) => readFileSync(join(SEEDS, file), 'utf8');

describe('seeds/metadata.json', () => {
  it('is valid: every field present, typed and explained', () => {
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('describes every seed file exactly once, with unique ids', () => {
    expect(metadata?.articles.map((article) => article.file).sort()).toEqual(files);
    const ids = metadata?.articles.map((article) => article.id) ?? [];
    expect(new Set(ids).size).toBe(files.length);
  });

  it('names an outlet only when the text shows it, and lists only outlets the text cites', () => {
    for (const article of metadata?.articles ?? []) {
      const body = text(article.file);
      if (article.outlet !== UNKNOWN) {
        const domain = article.url ? new URL(article.url).hostname : null;
        expect(domain !== null && body.includes(domain), `${article.file}: outlet ${article.outlet}`).toBe(true);
      }
      for (const outlet of article.citedOutlets) expect(body, `${article.file} cites ${outlet}`).toContain(outlet);
    }
  });

  it('gives a URL only when the text states it', () => {
    for (const article of metadata?.articles ?? []) {
      if (article.url !== null) expect(text(article.file)).toContain(article.url);
    }
  });

  it('dates each seed as its evidence allows', () => {
    const byFile = new Map(metadata?.articles.map((article) => [article.file.slice(0, 3), article]));
    expect(byFile.get('000')?.publishedAt).toEqual({ date: '2026-01-09', precision: 'day' });
    expect(byFile.get('001')?.publishedAt).toEqual({ date: '2025-03-01', precision: 'month' });
    expect(byFile.get('003')?.publishedAt).toEqual({ date: '2024-11-26', precision: 'day' });
    // Seed 003's Thanh Niên URL encodes its date as yymmdd after the "185" prefix.
    const encoded = /-185(\d{2})(\d{2})(\d{2})\d+\.htm$/.exec(byFile.get('003')?.url ?? '');
    expect(encoded && `20${encoded[1]}-${encoded[2]}-${encoded[3]}`).toBe(byFile.get('003')?.publishedAt?.date);
    // Seed 000's dateline gives the day.
    expect(text(byFile.get('000')?.file ?? '')).toMatch(/^PARIS, January 9\b/);
  });

  it('does not take the outlet seed 002 reports on for its publisher', () => {
    const seed002 = metadata?.articles.find((article) => article.file.startsWith('002'));
    expect(seed002?.outlet).toBe(UNKNOWN);
    expect(seed002?.citedOutlets).toContain('Le Monde');
  });

  it('fixes the pack creation time, so builds are reproducible', () => {
    expect(metadata?.pack.created).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });
});
