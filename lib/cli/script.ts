/** What the build scripts in lib/cli share: where the repository is, and whether they were run or imported. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root: where the scripts read seeds/ and write their generated files. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Whether the module at `moduleUrl` is the script Node was started with, rather than imported (by its tests). */
export function isRunAsScript(moduleUrl: string): boolean {
  const entry = process.argv[1];
  return entry !== undefined && entry !== '' && resolve(entry) === fileURLToPath(moduleUrl);
}
