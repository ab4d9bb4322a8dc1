// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PACK_FORMAT_VERSION, type Pack } from '../../lib/pack/schema';
import { PackList } from './PackList';
import { fakeApi, ok, packSummary } from './test-api';

afterEach(cleanup);

const SEED = packSummary({ id: 'seed', name: 'Seed articles', bundled: true, articleCount: 5, entityCount: 66 });
const VENN = packSummary({ id: 'venn', name: '<i>Port Venn</i>', source: 'javascript:alert(1)' });

function exported(id: string): Pack {
  return { formatVersion: PACK_FORMAT_VERSION, id, name: id, description: '', created: '2026-01-12T09:00:00Z', source: 's', articles: [], entities: [], contexts: [] };
}

describe('PackList', () => {
  it('lists each pack with its name, source, counts and whether it is enabled; text stays text', () => {
    render(<PackList api={fakeApi()} packs={[SEED, VENN]} onChanged={() => undefined} download={() => undefined} />);
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((row) => [...row.querySelectorAll('th, td')].slice(0, 4).map((cell) => cell.textContent))).toEqual([
      ['Seed articles (bundled)', 'test', '5', '66'],
      ['<i>Port Venn</i>', 'javascript:alert(1)', '3', '7'],
    ]);
    expect(document.querySelector('i, a[href]')).toBeNull();
    expect((screen.getByRole('checkbox', { name: 'Enable Seed articles' }) as HTMLInputElement).checked).toBe(true);
    // The bundled pack can be disabled or reset, not exported or removed on its own.
    expect(within(rows[0] as HTMLElement).queryByRole('button')).toBeNull();
  });

  it('disables a pack and reloads the list', async () => {
    const api = fakeApi();
    const onChanged = vi.fn();
    render(<PackList api={api} packs={[VENN]} onChanged={onChanged} download={() => undefined} />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Enable <i>Port Venn</i>' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(api.setPackEnabled).toHaveBeenCalledWith('venn', false);
  });

  it('removes a pack only after confirmation', async () => {
    const api = fakeApi();
    render(<PackList api={api} packs={[VENN]} onChanged={() => undefined} download={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove <i>Port Venn</i>' }));
    expect(screen.getByRole('group').textContent).toContain('Remove “<i>Port Venn</i>”?');
    fireEvent.click(screen.getByRole('button', { name: 'Keep' }));
    expect(api.removePack).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Remove <i>Port Venn</i>' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove pack' }));
    await waitFor(() => expect(api.removePack).toHaveBeenCalledWith('venn'));
    await screen.findByText('Removed “<i>Port Venn</i>”.');
  });

  it('exports one pack or everything as a file', async () => {
    const api = fakeApi({ exportPack: vi.fn((packId: string | null) => Promise.resolve(ok(exported(packId ?? 'everything')))) });
    const download = vi.fn();
    render(<PackList api={api} packs={[SEED, VENN]} onChanged={() => undefined} download={download} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export <i>Port Venn</i>' }));
    await waitFor(() => expect(download).toHaveBeenCalledWith(exported('venn')));
    fireEvent.click(screen.getByRole('button', { name: 'Export everything' }));
    await waitFor(() => expect(download).toHaveBeenCalledWith(exported('everything')));
    expect(vi.mocked(api.exportPack).mock.calls).toEqual([['venn'], [null]]);
  });

  it('resets to the bundled pack after confirmation, and shows a failure as an alert', async () => {
    const api = fakeApi({ resetToSeed: vi.fn(() => Promise.resolve({ ok: false as const, error: { code: 'internal' as const, message: 'disk full' } })) });
    render(<PackList api={api} packs={[SEED]} onChanged={() => undefined} download={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Reset to bundled pack…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Reset failed: disk full'));
    expect(api.resetToSeed).toHaveBeenCalledTimes(1);
  });
});
