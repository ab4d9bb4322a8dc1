/**
 * The extractor also runs in the options page and in Web Workers, so its modules must not touch
 * Node-only APIs. A static check, because a browser-only import failure would otherwise surface only
 * in the built extension.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = import.meta.dirname;
const sources = readdirSync(DIR).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));

describe('lib/extract portability', () => {
  it.each(sources)('%s uses no Node-only API', (file) => {
    const code = readFileSync(join(DIR, file), 'utf8');
    expect(code).not.toMatch(/from ['"](?:node:|fs|path|os|crypto|child_process|url)['"/]/);
    expect(code).not.toMatch(/\b(?:process\.|require\(|__dirname|Buffer\.)/);
  });
});
