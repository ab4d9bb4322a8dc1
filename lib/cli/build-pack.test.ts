import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSeedPack, SeedBuildError } from './build-pack';

const SEEDS = join(import.meta.dirname, '../../seeds');
let workDir: string | null = null;

/** A copy of seeds/ that a test may break. */
function copySeeds(): string {
  workDir = mkdtempSync(join(tmpdir(), 'factcards-seeds-'));
  for (const file of readdirSync(SEEDS)) copyFileSync(join(SEEDS, file), join(workDir, file));
  return workDir;
}

afterEach(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
  workDir = null;
});

function buildError(seedsDir: string): string {
  try {
    buildSeedPack(seedsDir);
  } catch (error) {
    expect(error).toBeInstanceOf(SeedBuildError);
    return (error as Error).message;
  }
  throw new Error('the build did not fail');
}

describe('buildSeedPack', () => {
  it('refuses a seed file that has no metadata, naming it', () => {
    const dir = copySeeds();
    writeFileSync(join(dir, '005_0123456789abcdef.txt'), 'A sixth article about Paris.');
    expect(buildError(dir)).toMatch(/no metadata for 005_0123456789abcdef\.txt/);
  });

  it('refuses invalid metadata with the field path and what is wrong', () => {
    const dir = copySeeds();
    const metadata = JSON.parse(readFileSync(join(dir, 'metadata.json'), 'utf8')) as { articles: { url: string | null }[] };
    const first = metadata.articles[0];
    if (first) first.url = 'javascript:alert(1)';
    writeFileSync(join(dir, 'metadata.json'), JSON.stringify(metadata));
    expect(buildError(dir)).toMatch(/metadata\.json: articles\[0\]\.url: must be an absolute http:\/\/ or https:\/\/ URL/);
  });

  it('refuses malformed curation JSON, naming the file', () => {
    const dir = copySeeds();
    writeFileSync(join(dir, 'curation.json'), '{ "entities": [ }');
    expect(buildError(dir)).toMatch(/curation\.json: /);
  });
});
