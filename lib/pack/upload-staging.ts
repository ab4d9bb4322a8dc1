/**
 * The background's side of a staged pack upload (`stagePackChunk`, `importStagedPack` in the protocol):
 * pieces of a pack's JSON text held in memory until the last arrives. Nothing here touches the store,
 * so an upload abandoned halfway (tab closed, import cancelled) leaves the store as it was, and its
 * pieces are dropped after `maxAgeMs`.
 */
export interface UploadStaging {
  /** Adds piece `index` of an upload; false when the upload is already too large. */
  append(uploadId: string, index: number, chunk: string): { ok: true } | { ok: false; message: string };
  /** Joins and forgets an upload: its text, or why it cannot be had (unknown id, missing pieces). */
  take(uploadId: string, chunks: number): { ok: true; text: string } | { ok: false; message: string };
  /** How many uploads are held (after dropping stale ones). */
  size(): number;
}

export interface UploadStagingOptions {
  /** Total characters one upload may hold (default 60 M: a 50 MB file, generously). */
  maxChars?: number;
  maxAgeMs?: number;
  now?: () => number;
}

export function createUploadStaging(options: UploadStagingOptions = {}): UploadStaging {
  const maxChars = options.maxChars ?? 60_000_000;
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  const now = options.now ?? Date.now;
  const uploads = new Map<string, { pieces: string[]; chars: number; touched: number }>();

  const dropStale = () => {
    const cutoff = now() - maxAgeMs;
    for (const [id, upload] of uploads) if (upload.touched < cutoff) uploads.delete(id);
  };

  return {
    append(uploadId, index, chunk) {
      dropStale();
      const upload = uploads.get(uploadId) ?? { pieces: [], chars: 0, touched: now() };
      if (!Number.isInteger(index) || index < 0 || index > 100_000) return { ok: false, message: `piece ${index} of the upload is out of range.` };
      const previous = upload.pieces[index]?.length ?? 0;
      if (upload.chars - previous + chunk.length > maxChars) {
        uploads.delete(uploadId);
        return { ok: false, message: 'The pack is too large to import.' };
      }
      upload.pieces[index] = chunk;
      upload.chars += chunk.length - previous;
      upload.touched = now();
      uploads.set(uploadId, upload);
      return { ok: true };
    },
    take(uploadId, chunks) {
      dropStale();
      const upload = uploads.get(uploadId);
      uploads.delete(uploadId);
      if (!upload) return { ok: false, message: 'The upload is unknown or expired: import the file again.' };
      for (let index = 0; index < chunks; index++) {
        if (upload.pieces[index] === undefined) return { ok: false, message: `Piece ${index + 1} of ${chunks} of the upload is missing: import the file again.` };
      }
      if (upload.pieces.length !== chunks) return { ok: false, message: `The upload has ${upload.pieces.length} pieces, not ${chunks}: import the file again.` };
      return { ok: true, text: upload.pieces.join('') };
    },
    size() {
      dropStale();
      return uploads.size;
    },
  };
}
