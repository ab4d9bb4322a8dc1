import type { FactcardsDb } from './db';

const REVISION_KEY = 'revision';

/**
 * The store's revision: it changes whenever what the matcher, search or cards see changes (import,
 * removal, enabling, reset). Caches keyed by it are rebuilt only when it moves.
 */
export async function getRevision(db: FactcardsDb): Promise<string> {
  const record = await db.meta.get(REVISION_KEY);
  return typeof record?.value === 'string' ? record.value : '0';
}

/** Call inside the transaction that makes the change, so the revision moves with it or not at all. */
export async function bumpRevision(db: FactcardsDb): Promise<string> {
  const revision = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  await db.meta.put({ key: REVISION_KEY, value: revision });
  return revision;
}
