// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportJobResult } from '../../lib/pack/import-job';
import type { Pack } from '../../lib/pack/schema';
import { ImportPanel } from './ImportPanel';
import { fakeApi, ok, summary } from './test-api';

const packText = readFileSync(resolve(import.meta.dirname, '../../tests/e2e/fixtures/options/port-venn-pack.json'), 'utf8');
const NOW = () => new Date('2026-01-12T09:00:00Z');

afterEach(cleanup);

function pick(files: File[]): void {
  fireEvent.change(screen.getByLabelText(/choose packs/i), { target: { files } });
}

describe('ImportPanel', () => {
  it('imports a pack file and sums up what was added, skipped and merged', async () => {
    const api = fakeApi({
      importPack: vi.fn(() =>
        Promise.resolve(
          ok(
            summary({
              packId: 'e2e-options-pack',
              articlesAdded: 0,
              articlesSkipped: [{ articleId: 'a', title: 'Ferry talks', reason: 'already stored (same URL)' }],
              entitiesNew: 0,
              entitiesMerged: 1,
              conflicts: [{ alias: '<img src=x onerror=alert(1)>', entities: [{ id: 'a', name: 'Ada' }, { id: 'b', name: 'Bea' }] }],
            }),
          ),
        ),
      ),
    });
    const onImported = vi.fn();
    render(<ImportPanel api={api} onImported={onImported} now={NOW} />);
    pick([new File([packText], 'venn.json', { type: 'application/json' })]);

    const status = screen.getByRole('status');
    await waitFor(() => expect(status.textContent).toContain('Imported “Port Venn test pack” from venn.json'));
    expect(status.textContent).toContain('0 articles added, 1 skipped; 0 new entities, 1 merged');
    expect(status.textContent).toContain('Ferry talks: already stored (same URL)');
    // A conflict is shown, and hostile text in it stays text.
    expect(status.textContent).toContain('“<img src=x onerror=alert(1)>”: Ada, Bea');
    expect(status.querySelector('img')).toBeNull();
    expect(api.importPack).toHaveBeenCalledWith([packText]);
    expect(onImported).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('alert').textContent).toBe('');
  });

  it('shows where a broken pack is broken and stores nothing', async () => {
    const api = fakeApi();
    render(<ImportPanel api={api} onImported={() => undefined} now={NOW} />);
    pick([new File([packText], 'good.json'), new File(['{\n  "id": "x",\n  oops\n}'], 'broken.json')]);
    const alert = screen.getByRole('alert');
    await waitFor(() => expect(alert.textContent).toContain('broken.json'));
    expect(alert.textContent).toContain('line 3, column 3');
    expect(alert.textContent).not.toContain('good.json');
    expect(api.importPack).not.toHaveBeenCalled();
  });

  it('refuses a file over 50 MB without reading it', async () => {
    const api = fakeApi();
    render(<ImportPanel api={api} onImported={() => undefined} now={NOW} />);
    const huge = new File(['{}'], 'huge.json');
    Object.defineProperty(huge, 'size', { value: 51 * 1024 * 1024 });
    const read = vi.spyOn(huge, 'arrayBuffer');
    const text = vi.spyOn(huge, 'text');
    pick([huge]);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('huge.json is 51 MB, over the 50 MB limit'));
    expect(read).not.toHaveBeenCalled();
    expect(text).not.toHaveBeenCalled();
    expect(api.startImport).not.toHaveBeenCalled();
  });

  it('refuses binary and empty files by name', async () => {
    render(<ImportPanel api={fakeApi()} onImported={() => undefined} now={NOW} />);
    pick([new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00])], 'photo.txt'), new File([''], 'empty.md')]);
    const alert = screen.getByRole('alert');
    await waitFor(() => expect(alert.textContent).toContain('These 2 files could not be imported'));
    expect(alert.textContent).toContain('photo.txt is a binary file');
    expect(alert.textContent).toContain('empty.md is empty');
  });

  it('asks for the metadata of a raw article without front matter, and unknown values stay unknown', async () => {
    const api = fakeApi();
    render(<ImportPanel api={api} onImported={() => undefined} now={NOW} />);
    pick([new File(['Tobias Wrenfield led the dock strike in Port Venn on Thursday.'], 'strike.txt')]);
    const form = await screen.findByRole('form', { name: 'About these articles' });
    const fieldset = within(form).getByRole('group', { name: 'strike.txt' });
    expect((within(fieldset).getByLabelText('Title') as HTMLInputElement).value).toBe('strike');
    fireEvent.change(within(fieldset).getByLabelText('Title'), { target: { value: '<b>Strike</b>' } });
    fireEvent.change(within(fieldset).getByLabelText(/Article URL/), { target: { value: 'javascript:alert(1)' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Import article' }));

    await waitFor(() => expect(api.importPack).toHaveBeenCalledTimes(1));
    const pack = JSON.parse(vi.mocked(api.importPack).mock.calls[0]?.[0].join('') ?? 'null') as Pack;
    expect(pack.name).toBe('Articles imported 2026-01-12');
    expect(pack.articles[0]).toMatchObject({ title: '<b>Strike</b>', outlet: 'unknown', url: null, publishedAt: null });
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('strike.txt: the URL "javascript:alert(1)" is not an http(s) link'));
    expect(api.getGazetteer).toHaveBeenCalled();
  });

  it('shows progress while the worker runs, and Cancel stores nothing', async () => {
    const cancel = vi.fn();
    let settle: (value: ImportJobResult | null) => void = () => undefined;
    const api = fakeApi({
      startImport: vi.fn((_request, onProgress) => {
        onProgress({ phase: 'extracting', articlesRead: 3, articlesTotal: 10, entitiesFound: 12 });
        return {
          result: new Promise<ImportJobResult | null>((resolve) => (settle = resolve)),
          cancel: () => {
            cancel();
            settle(null);
          },
        };
      }),
    });
    render(<ImportPanel api={api} onImported={() => undefined} now={NOW} />);
    pick([new File([packText], 'venn.json')]);
    const bar = await screen.findByRole('progressbar');
    expect(bar.getAttribute('value')).toBe('3');
    expect(bar.getAttribute('max')).toBe('10');
    expect(screen.getByText('Extracting entities: 3 of 10 articles read, 12 entities found')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel import' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Import cancelled: nothing was stored.'));
    expect(cancel).toHaveBeenCalledTimes(1);
    expect(api.importPack).not.toHaveBeenCalled();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('reports a pack the background refused, with what and where', async () => {
    const api = fakeApi({
      importPack: vi.fn(() => Promise.resolve({ ok: false as const, error: { code: 'invalid-input' as const, message: 'bad alias', where: 'entities[0].aliases[2]' } })),
    });
    render(<ImportPanel api={api} onImported={() => undefined} now={NOW} />);
    pick([new File([packText], 'venn.json')]);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('venn.json was not imported: bad alias (at entities[0].aliases[2])'));
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('takes files dropped on the drop zone', async () => {
    const api = fakeApi();
    render(<ImportPanel api={api} onImported={() => undefined} now={NOW} />);
    const zone = screen.getByTestId('drop-zone');
    fireEvent.dragOver(zone, { dataTransfer: { files: [] } });
    expect(zone.className).toContain('dragging');
    fireEvent.drop(zone, { dataTransfer: { files: [new File([packText], 'dropped.json')] } });
    await waitFor(() => expect(api.importPack).toHaveBeenCalledWith([packText]));
    expect(zone.className).not.toContain('dragging');
  });
});
