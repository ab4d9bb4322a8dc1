/** A fake `OptionsApi` for component tests: the real import job without a worker, the background as spies. */
import { vi } from 'vitest';
import type { ImportSummary, PackSummary, Result } from '../../lib/messaging/protocol';
import { runImportJob } from '../../lib/pack/import-job';
import type { Pack } from '../../lib/pack/schema';
import type { OptionsApi } from './options-api';

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function summary(overrides: Partial<ImportSummary> = {}): ImportSummary {
  return { packId: 'p', articlesAdded: 1, articlesSkipped: [], entitiesNew: 1, entitiesMerged: 0, conflicts: [], ...overrides };
}

export function packSummary(overrides: Partial<PackSummary> = {}): PackSummary {
  return {
    id: 'venn',
    name: 'Port Venn',
    description: '',
    source: 'test',
    created: '2026-01-12T09:00:00Z',
    importedAt: '2026-01-12T10:00:00Z',
    enabled: true,
    bundled: false,
    articleCount: 3,
    entityCount: 7,
    ...overrides,
  };
}

export function fakeApi(overrides: Partial<OptionsApi> = {}) {
  const api = {
    listPacks: vi.fn(() => Promise.resolve(ok<PackSummary[]>([]))),
    importPack: vi.fn((text: readonly string[]) => Promise.resolve(ok(summary({ packId: (JSON.parse(text.join('')) as Pack).id })))),
    setPackEnabled: vi.fn(() => Promise.resolve(ok(undefined))),
    removePack: vi.fn(() => Promise.resolve(ok(undefined))),
    exportPack: vi.fn(() => Promise.reject(new Error('not expected'))),
    resetToSeed: vi.fn(() => Promise.resolve(ok(undefined))),
    getGazetteer: vi.fn(() => Promise.resolve(ok([]))),
    startImport: vi.fn((request: Parameters<OptionsApi['startImport']>[0], onProgress: Parameters<OptionsApi['startImport']>[1]) => ({
      result: runImportJob(request, onProgress),
      cancel: () => undefined,
    })),
    watchPacks: vi.fn(() => () => undefined),
    listShortcuts: vi.fn(() =>
      Promise.resolve([
        { name: 'open-card', description: 'Open the Factcards card for the name at the caret or selection', shortcut: 'Alt+Shift+F' },
        { name: 'next-mention', description: 'Go to the next name Factcards knows on the page', shortcut: '' },
      ]),
    ),
    openShortcutSettings: vi.fn(),
    ...overrides,
  } satisfies OptionsApi;
  return api;
}
