// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { SettingsForm, siteFromInput, type SettingsStore } from './SettingsForm';

afterEach(cleanup);

/** Settings kept in memory, with watchers, like the settings item (lib/settings/stored-item.ts). */
function memoryStore(initial: Settings = DEFAULT_SETTINGS) {
  let value = initial;
  const watchers = new Set<(value: Settings) => void>();
  const store: SettingsStore & { current(): Settings; changeElsewhere(next: Settings): void } = {
    getValue: () => Promise.resolve(value),
    setValue: (next) => {
      value = next;
      return Promise.resolve();
    },
    watch: (callback) => {
      watchers.add(callback);
      return () => watchers.delete(callback);
    },
    current: () => value,
    changeElsewhere: (next) => {
      value = next;
      watchers.forEach((callback) => callback(next));
    },
  };
  return store;
}

describe('SettingsForm', () => {
  it('saves each change at once', async () => {
    const store = memoryStore();
    render(<SettingsForm store={store} />);
    fireEvent.click(await screen.findByLabelText('Show Factcards on news pages'));
    expect(store.current().enabled).toBe(false);
    fireEvent.click(screen.getByLabelText('Only on the sites below'));
    expect(store.current().siteMode).toBe('allowlist');
    fireEvent.change(screen.getByLabelText('Highlight style'), { target: { value: 'background' } });
    expect(store.current().highlightStyle).toBe('background');
    fireEvent.click(screen.getByLabelText('Places'));
    expect(store.current().highlightTypes).toEqual(['person', 'organization', 'concept', 'event']);
    fireEvent.click(screen.getByLabelText('Highlight only the first mention of each entity'));
    expect(store.current().firstMentionOnly).toBe(true);
    fireEvent.change(screen.getByLabelText('Theme of cards'), { target: { value: 'dark' } });
    expect(store.current().theme).toBe('dark');
    fireEvent.change(screen.getByLabelText(/Hover delay/), { target: { value: '750' } });
    expect(store.current().hoverDelayMs).toBe(750);
  });

  it('does not save a hover delay that makes no sense', async () => {
    const store = memoryStore();
    render(<SettingsForm store={store} />);
    const delay = await screen.findByLabelText(/Hover delay/);
    fireEvent.change(delay, { target: { value: '-5' } });
    fireEvent.change(delay, { target: { value: '99999' } });
    expect(store.current().hoverDelayMs).toBe(DEFAULT_SETTINGS.hoverDelayMs);
  });

  it('adds sites as host names and removes them', async () => {
    const store = memoryStore();
    render(<SettingsForm store={store} />);
    const input = await screen.findByLabelText('Add a site');
    fireEvent.change(input, { target: { value: 'https://www.LeMonde.fr/international/article' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(store.current().sites).toEqual(['lemonde.fr']);
    fireEvent.change(input, { target: { value: 'not a site' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(screen.getByRole('alert').textContent).toContain('“not a site” is not a site name');
    expect(store.current().sites).toEqual(['lemonde.fr']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove lemonde.fr' }));
    expect(store.current().sites).toEqual([]);
  });

  it('shows a change made elsewhere (another tab, the popup)', async () => {
    const store = memoryStore();
    render(<SettingsForm store={store} />);
    const toggle = (await screen.findByLabelText('Show Factcards on news pages')) as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    act(() => store.changeElsewhere({ ...DEFAULT_SETTINGS, enabled: false, sites: ['bbc.co.uk'] }));
    await waitFor(() => expect(toggle.checked).toBe(false));
    expect(screen.getByRole('list', { name: 'Sites where Factcards is off' }).textContent).toContain('bbc.co.uk');
  });
});

describe('siteFromInput', () => {
  it('takes the host of a URL or a bare name, lower case, without www.', () => {
    expect(siteFromInput('www.BBC.co.uk')).toBe('bbc.co.uk');
    expect(siteFromInput('http://example.org:8080/x')).toBe('example.org');
    expect(siteFromInput('')).toBeNull();
    expect(siteFromInput('javascript:alert(1)')).toBeNull();
  });
});
