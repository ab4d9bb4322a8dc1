import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createUploadStaging } from '../../lib/pack/upload-staging';
import { PACK_TEXT_PIECE_CHARS, piecesOf } from '../../lib/pack/import-job';
import { importPackText } from './options-api';

const sendMessage = vi.hoisted(() => vi.fn());
vi.mock('../../lib/messaging/protocol', () => ({ backgroundMessenger: { sendMessage } }));

const imported = { packId: 'p', articlesAdded: 1, articlesSkipped: [], entitiesNew: 0, entitiesMerged: 0, conflicts: [] };

/** A background that stages pieces as lib/pack/upload-staging does, and records what it imported. */
function stagingBackground() {
  const staging = createUploadStaging();
  const importedTexts: string[] = [];
  sendMessage.mockImplementation((type: string, data: { uploadId: string; index: number; chunk: string; chunks: number; pack: string }) => {
    if (type === 'stagePackChunk') {
      const staged = staging.append(data.uploadId, data.index, data.chunk);
      return Promise.resolve(staged.ok ? { ok: true, value: undefined } : { ok: false, error: { code: 'too-large', message: staged.message } });
    }
    if (type === 'importStagedPack') {
      const taken = staging.take(data.uploadId, data.chunks);
      if (!taken.ok) return Promise.resolve({ ok: false, error: { code: 'invalid-input', message: taken.message } });
      importedTexts.push(taken.text);
      return Promise.resolve({ ok: true, value: imported });
    }
    if (type === 'importPack') {
      importedTexts.push(data.pack);
      return Promise.resolve({ ok: true, value: imported });
    }
    return Promise.reject(new Error(`unexpected message ${type}`));
  });
  return importedTexts;
}

beforeEach(() => {
  sendMessage.mockReset();
});

describe('importPackText', () => {
  it('sends a small pack whole', async () => {
    const importedTexts = stagingBackground();
    expect(await importPackText(piecesOf('{"small":true}'))).toEqual({ ok: true, value: imported });
    expect(sendMessage.mock.calls.map(([type]) => type)).toEqual(['importPack']);
    expect(importedTexts).toEqual(['{"small":true}']);
  });

  it('sends a large pack in pieces that the background joins back into the same text', async () => {
    const importedTexts = stagingBackground();
    const text = `{"text":"${'é'.repeat(PACK_TEXT_PIECE_CHARS * 2 + 17)}"}`;
    expect(await importPackText(piecesOf(text))).toEqual({ ok: true, value: imported });
    const types = sendMessage.mock.calls.map(([type]) => type);
    expect(types).toEqual(['stagePackChunk', 'stagePackChunk', 'stagePackChunk', 'importStagedPack']);
    for (const [type, data] of sendMessage.mock.calls) {
      if (type === 'stagePackChunk') expect((data as { chunk: string }).chunk.length).toBeLessThanOrEqual(PACK_TEXT_PIECE_CHARS);
    }
    expect(importedTexts).toEqual([text]);
  });

  it('passes on a refusal of a piece and sends nothing more', async () => {
    const text = 'x'.repeat(PACK_TEXT_PIECE_CHARS + 1);
    sendMessage.mockResolvedValue({ ok: false, error: { code: 'too-large', message: 'The pack is too large to import.' } });
    expect(await importPackText(piecesOf(text))).toEqual({ ok: false, error: { code: 'too-large', message: 'The pack is too large to import.' } });
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });
});
