import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { storedItem } from './stored-item';

describe('storedItem', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('answers the fallback until a value is stored, then the value', async () => {
    const item = storedItem('local', 'settings', { enabled: true });
    expect(await item.getValue()).toEqual({ enabled: true });
    await item.setValue({ enabled: false });
    expect(await item.getValue()).toEqual({ enabled: false });
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({ settings: { enabled: false } });
  });

  it('reads nothing from storage until asked', async () => {
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    storedItem('local', 'settings', null);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(get).not.toHaveBeenCalled();
  });

  it('reads what was stored under the same key before (settings written by earlier versions)', async () => {
    await fakeBrowser.storage.local.set({ settings: { enabled: false } });
    expect(await storedItem('local', 'settings', { enabled: true }).getValue()).toEqual({ enabled: false });
  });

  it('removes the entry for null, so the fallback comes back', async () => {
    const item = storedItem<string | null>('session', 'popupRequest', null);
    await item.setValue('entity-1');
    await item.setValue(null);
    expect(await fakeBrowser.storage.session.get('popupRequest')).toEqual({});
    expect(await item.getValue()).toBeNull();
  });

  it('tells watchers of changes to its own key and area only, until unwatched', async () => {
    const item = storedItem('local', 'matcherRevision', 'none');
    const seen: string[] = [];
    const unwatch = item.watch((value) => seen.push(value));
    await item.setValue('r1');
    await fakeBrowser.storage.local.set({ other: 'x' });
    await fakeBrowser.storage.session.set({ matcherRevision: 'session value' });
    await fakeBrowser.storage.local.remove('matcherRevision');
    unwatch();
    await item.setValue('r2');
    expect(seen).toEqual(['r1', 'none']);
  });
});
