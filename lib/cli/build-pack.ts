/**
 * `npm run build:pack [-- --out FILE]`: turns seeds/ (the articles, their curated metadata and the
 * curation) into the bundled seed pack, validated against PackSchema, and rewrites the published JSON
 * Schema. Deterministic: `created` comes from seeds/metadata.json, not the clock, so two runs write the
 * same bytes.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CurationSchema, extractPack, type ArticleInput } from '../extract/index';
import type { Pack } from '../pack/schema';
import { formatPath, parsePack } from '../pack/validate';
import { PACK_JSON_SCHEMA_PATH, packJsonSchemaText } from './pack-json-schema';
import { REPO_ROOT, isRunAsScript } from './script';
import { SeedMetadataSchema } from './seed-metadata';

export const DEFAULT_OUT = 'lib/pack/seed-pack.generated.json';

/** A failure with a message that says what and where; the CLI prints it and exits non-zero. */
export class SeedBuildError extends Error {
  override name = 'SeedBuildError';
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    throw new SeedBuildError(`${path}: ${(error as Error).message}`);
  }
}

function describeIssues(file: string, issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 20)
    .map((issue) => `${file}: ${formatPath(issue.path) || '(root)'}: ${issue.message}`)
    .join('\n');
}

/** Builds the seed pack from a seeds directory (the repository's by default). */
export function buildSeedPack(seedsDir = join(REPO_ROOT, 'seeds')): Pack {
  const metadataPath = join(seedsDir, 'metadata.json');
  const curationPath = join(seedsDir, 'curation.json');
  const metadata = SeedMetadataSchema.safeParse(readJson(metadataPath));
  if (!metadata.success) throw new SeedBuildError(describeIssues(metadataPath, metadata.error.issues));
  const curation = CurationSchema.safeParse(readJson(curationPath));
  if (!curation.success) throw new SeedBuildError(describeIssues(curationPath, curation.error.issues));

  const files = readdirSync(seedsDir).filter((file) => file.endsWith('.txt')).sort();
  const described = new Set(metadata.data.articles.map((article) => article.file));
  const undescribed = files.filter((file) => !described.has(file));
  if (undescribed.length > 0) throw new SeedBuildError(`${metadataPath}: no metadata for ${undescribed.join(', ')}`);

  const articles: ArticleInput[] = metadata.data.articles.map(({ file, provenance: _provenance, ...article }) => ({
    ...article,
    text: readFileSync(join(seedsDir, file), 'utf8'),
  }));
  const { pack: packMeta } = metadata.data;
  const pack = extractPack(articles, {
    id: packMeta.id,
    name: packMeta.name,
    description: packMeta.description,
    source: packMeta.source,
    created: packMeta.created,
    curation: curation.data,
  });
  // The same validation every imported pack goes through, so the bundled pack can never be one the store refuses.
  const checked = parsePack(pack);
  if (!checked.ok) throw new SeedBuildError(`built seed pack: ${checked.error.message}`);
  return checked.value;
}

function parseOut(args: string[]): string {
  const index = args.indexOf('--out');
  if (index === -1) return join(REPO_ROOT, DEFAULT_OUT);
  const value = args[index + 1];
  if (!value || value.startsWith('--')) throw new SeedBuildError('--out needs a file name');
  return resolve(process.cwd(), value);
}

function main(): void {
  const out = parseOut(process.argv.slice(2));
  const pack = buildSeedPack();
  writeFileSync(out, `${JSON.stringify(pack, null, 2)}\n`);
  writeFileSync(join(REPO_ROOT, PACK_JSON_SCHEMA_PATH), packJsonSchemaText());
  const count = (type: string) => pack.entities.filter((entity) => entity.type === type).length;
  console.log(
    `build:pack: ${pack.articles.length} articles, ${pack.entities.length} entities (${count('person')} people, ` +
      `${count('organization')} organizations, ${count('place')} places, ${count('concept')} concepts, ${count('event')} events), ` +
      `${pack.contexts.length} contexts → ${out}`,
  );
}

if (isRunAsScript(import.meta.url)) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof SeedBuildError ? `build:pack failed:\n${error.message}` : error);
    process.exit(1);
  }
}
