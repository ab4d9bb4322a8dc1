// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ArticleView as ArticleViewData, EntityCard, PackSummary, PageMentionCount, Result, SearchResults } from '../../lib/messaging/protocol';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { createCorpusSearch } from '../../lib/search';
import { Popup } from './Popup';
import type { PageInfo, PopupApi } from './popup-api';

const ok = <T,>(value: T): Result<T> => ({ ok: true, value });

const corpus = createCorpusSearch({
  entities: [
    { id: 'macron', name: 'Emmanuel Macron', type: 'person', description: 'President of France', aliases: ['Macron'], roles: [] },
    { id: 'mandon', name: 'Fabien Mandon', type: 'person', description: 'French general', aliases: ['General Mandon'], roles: [] },
    { id: 'hostile', name: 'Evil <img src=x onerror=alert(1)>', type: 'concept', description: null, aliases: [], roles: [] },
  ],
  articles: [
    {
      id: 'a1',
      title: 'Macron and Mandon on the army',
      outlet: 'Le Monde',
      publishedAt: { date: '2025-11-19', precision: 'day' },
      url: 'https://www.lemonde.fr/a1',
      text: 'General Mandon spoke.',
    },
  ],
});

const CARD: EntityCard = {
  id: 'mandon',
  name: 'Fabien Mandon',
  type: 'person',
  description: 'French general',
  roles: [{ title: 'Chief of the Defence Staff', asOf: { date: '2025-10-01', precision: 'month' }, articleId: 'a1' }],
  aliases: ['General Mandon'],
  articleCount: 1,
  contexts: Array.from({ length: 25 }, (_, index) => ({
    sentence: `General Mandon said thing ${index}.`,
    start: 8,
    end: 14,
    eventDate: null,
    publishedAt: { date: `2025-01-${String(index + 1).padStart(2, '0')}`, precision: 'day' as const },
    outlet: 'Le Monde',
    url: 'https://www.lemonde.fr/a1',
    articleId: 'a1',
    articleTitle: 'Army chief warns',
    attributedTo: null,
  })),
  contextCount: 25,
};

const ARTICLE: ArticleViewData = {
  id: 'a1',
  title: 'Macron and Mandon on the army',
  outlet: 'Le Monde',
  url: 'javascript:alert(1)',
  publishedAt: { date: '2025-11-19', precision: 'day' },
  language: 'en',
  citedOutlets: [],
  text: 'General Mandon spoke.\nMacron listened.',
  mentions: [
    { start: 8, end: 14, entityId: 'mandon' },
    { start: 22, end: 28, entityId: 'macron' },
  ],
};

const PACK: PackSummary = {
  id: 'seed',
  name: 'Seed',
  description: '',
  source: '',
  created: '',
  importedAt: '',
  enabled: true,
  bundled: true,
  articleCount: 1,
  entityCount: 3,
};

/** A page whose frames report `mentions` once the port opens, a moment after the popup asks. */
function reportsMentions(mentions: PageMentionCount[]): PopupApi['watchPageMentions'] {
  return (onChange) => {
    const timer = setTimeout(() => onChange(mentions), 0);
    return () => clearTimeout(timer);
  };
}

function fakeApi(overrides: Partial<PopupApi> = {}): PopupApi & { settings: Settings } {
  const listeners = new Set<(settings: Settings) => void>();
  const api: PopupApi & { settings: Settings } = {
    settings: DEFAULT_SETTINGS,
    search: vi.fn(async (query: string, limit?: number) => ok(corpus.search(query, limit))),
    getCard: vi.fn(async () => ok(CARD)),
    getArticle: vi.fn(async () => ok(ARTICLE)),
    listEntityArticles: vi.fn(async () => ok({ total: 1, articles: [{ id: 'a1', title: ARTICLE.title, outlet: 'Le Monde', publishedAt: null, url: null }] })),
    listPacks: vi.fn(async () => ok([PACK])),
    getPageInfo: vi.fn(async (): Promise<PageInfo | null> => ({ site: 'lemonde.fr', active: true })),
    watchPageMentions: reportsMentions([{ entityId: 'mandon', name: 'Fabien Mandon', type: 'person', count: 3 }]),
    revealMention: vi.fn(async () => true),
    getSettings: vi.fn(async (): Promise<Settings> => api.settings),
    setSettings: vi.fn(async (settings: Settings) => {
      api.settings = settings;
      for (const listener of listeners) listener(settings);
    }),
    watchSettings: (listener: (settings: Settings) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    takePopupRequest: vi.fn(async () => null),
    openOptions: vi.fn(),
    close: vi.fn(),
    ...overrides,
  };
  return api;
}

const box = () => screen.getByRole('combobox') as HTMLInputElement;
const type = (value: string) => fireEvent.change(box(), { target: { value } });

afterEach(cleanup);

describe('Popup search', () => {
  it('has the search box focused on open, with what the page mentions below', async () => {
    render(<Popup api={fakeApi()} />);
    expect(box().type).toBe('search');
    expect(document.activeElement).toBe(box());
    expect(await screen.findByText('Fabien Mandon')).toBeTruthy();
    expect(screen.getByText('3×')).toBeTruthy();
  });

  it('groups entities then articles, emphasises the matched part and tags entities with their id', async () => {
    render(<Popup api={fakeApi()} />);
    type('Maccron');
    const listbox = await screen.findByRole('listbox');
    await waitFor(() => expect(within(listbox).getAllByRole('option').length).toBeGreaterThan(0));
    const options = within(listbox).getAllByRole('option');
    expect(options[0]?.dataset.entityId).toBe('macron');
    expect(options[0]?.querySelector('mark')?.textContent).toMatch(/Macron/);
    const groups = within(listbox).getAllByRole('group').map((group) => group.textContent ?? '');
    expect(groups[0]).toMatch(/^People/);
    expect(groups[1]).toMatch(/^Articles/);
  });

  it('renders text from packs as text, never as HTML', async () => {
    render(<Popup api={fakeApi()} />);
    type('Evil');
    const option = await screen.findByText((_, element) => element?.classList.contains('fc-option__name') === true && /Evil/.test(element.textContent ?? ''));
    expect(option.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(document.querySelector('.fc-results img')).toBeNull();
  });

  it('shows only the answer to the latest keystroke, whatever order answers arrive in', async () => {
    const pending = new Map<string, (results: Result<SearchResults>) => void>();
    const api = fakeApi({ search: vi.fn((query: string) => new Promise<Result<SearchResults>>((resolve) => pending.set(query, resolve))) });
    render(<Popup api={api} />);
    type('Man');
    type('Mac');
    await act(async () => pending.get('Mac')?.(ok(corpus.search('Macron'))));
    await act(async () => pending.get('Man')?.(ok(corpus.search('Mandon'))));
    const options = screen.getAllByRole('option');
    expect(options[0]?.dataset.entityId).toBe('macron');
    expect(options.some((option) => option.dataset.entityId === 'mandon' && option.classList.contains('fc-option--entity'))).toBe(false);
  });

  it('moves with ↑ ↓, opens with Enter, goes back with Esc and clears with Esc', async () => {
    const api = fakeApi();
    render(<Popup api={api} />);
    type('Mandon');
    await waitFor(() => expect(screen.getAllByRole('option').length).toBeGreaterThanOrEqual(2));
    const activeId = () => box().getAttribute('aria-activedescendant');
    const first = activeId();
    expect(first && document.getElementById(first)?.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(box(), { key: 'ArrowDown' });
    expect(activeId()).not.toBe(first);
    fireEvent.keyDown(box(), { key: 'ArrowUp' });
    expect(activeId()).toBe(first);
    fireEvent.keyDown(box(), { key: 'Enter' });
    expect(await screen.findByRole('heading', { name: 'Fabien Mandon' })).toBeTruthy();
    expect(api.getCard).toHaveBeenCalledWith('mandon', expect.any(Number));
    fireEvent.keyDown(document, { key: 'Escape' });
    await waitFor(() => expect(box().value).toBe('Mandon'));
    fireEvent.keyDown(box(), { key: 'Escape' });
    expect(box().value).toBe('');
    fireEvent.keyDown(box(), { key: 'Escape' });
    expect(api.close).toHaveBeenCalled();
  });

  it('says when nothing matches, and how to find more', async () => {
    render(<Popup api={fakeApi()} />);
    type('Zzyzxqwv');
    expect((await screen.findByRole('status')).textContent).toContain('No matches for “Zzyzxqwv”');
  });

  it('asks for a second letter rather than matching everything', async () => {
    const api = fakeApi();
    render(<Popup api={api} />);
    type('M');
    expect(screen.getByRole('status').textContent).toContain('at least 2 letters');
    expect(api.search).not.toHaveBeenCalledWith('M', expect.anything());
  });

  it('on first run, with no articles stored, says how to add some', async () => {
    const api = fakeApi({ listPacks: vi.fn(async () => ok<PackSummary[]>([])) });
    render(<Popup api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Import articles…' }));
    expect(api.openOptions).toHaveBeenCalled();
  });
});

describe('Popup views', () => {
  it('opens on ?entity=ID with the full timeline paged, roles over time and the articles that mention it', async () => {
    render(<Popup api={fakeApi()} initialEntityId="mandon" />);
    expect(await screen.findByRole('heading', { name: 'Fabien Mandon' })).toBeTruthy();
    expect(document.querySelectorAll('.fc-context')).toHaveLength(20);
    fireEvent.click(screen.getByRole('button', { name: /Show 5 more of 5 contexts/ }));
    expect(document.querySelectorAll('.fc-context')).toHaveLength(25);
    expect(screen.getByRole('heading', { name: 'Roles over time' })).toBeTruthy();
    expect(screen.getByText('Chief of the Defence Staff')).toBeTruthy();
    expect(await screen.findByRole('button', { name: ARTICLE.title })).toBeTruthy();
  });

  it('opens the entity a card asked for through the popup request', async () => {
    render(<Popup api={fakeApi({ takePopupRequest: vi.fn(async () => 'mandon') })} />);
    expect(await screen.findByRole('heading', { name: 'Fabien Mandon' })).toBeTruthy();
  });

  it('shows an article with its mentions linked and no link for a non-http source', async () => {
    const api = fakeApi();
    render(<Popup api={api} initialEntityId="mandon" />);
    fireEvent.click(await screen.findByRole('button', { name: ARTICLE.title }));
    expect(await screen.findByRole('heading', { name: ARTICLE.title })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Source' })).toBeNull();
    const mention = screen.getByRole('button', { name: 'Macron' });
    expect(mention.dataset.entityId).toBe('macron');
    fireEvent.click(mention);
    await waitFor(() => expect(api.getCard).toHaveBeenLastCalledWith('macron', expect.any(Number)));
  });
});

describe('On this page', () => {
  it('reveals a mention in the tab', async () => {
    const api = fakeApi();
    render(<Popup api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Fabien Mandon' }));
    expect(api.revealMention).toHaveBeenCalledWith('mandon');
  });

  it('turns Factcards off for the site and everywhere through the settings', async () => {
    const api = fakeApi();
    render(<Popup api={api} />);
    const site = await screen.findByRole('switch', { name: /lemonde\.fr/ });
    expect((site as HTMLInputElement).checked).toBe(true);
    fireEvent.click(site);
    await waitFor(() => expect(api.settings.sites).toEqual(['lemonde.fr']));
    await waitFor(() => expect((screen.getByRole('switch', { name: /lemonde\.fr/ }) as HTMLInputElement).checked).toBe(false));
    fireEvent.click(screen.getByRole('switch', { name: /all sites/ }));
    await waitFor(() => expect(api.settings.enabled).toBe(false));
  });

  it('keeps the list current as the page changes and its frames report', async () => {
    let report: (mentions: PageMentionCount[]) => void = () => undefined;
    render(<Popup api={fakeApi({ watchPageMentions: (onChange) => ((report = onChange), () => undefined) })} />);
    expect(await screen.findByText('Looking at the page…')).toBeTruthy();
    act(() => report([]));
    expect(await screen.findByText(/Nothing Factcards knows/)).toBeTruthy();
    act(() => report([
      { entityId: 'mandon', name: 'Fabien Mandon', type: 'person', count: 3 },
      { entityId: 'starmer', name: 'Keir Starmer', type: 'person', count: 1 },
    ]));
    expect(await screen.findByRole('button', { name: 'Keir Starmer' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Fabien Mandon' })).toBeTruthy();
    expect(screen.queryByText(/Nothing Factcards knows/)).toBeNull();
  });

  it('says when the page cannot be read', async () => {
    render(<Popup api={fakeApi({ getPageInfo: vi.fn(async () => null) })} />);
    expect(await screen.findByText(/cannot read this page/)).toBeTruthy();
    expect(screen.queryByRole('switch', { name: /lemonde/ })).toBeNull();
  });
});

describe('On this page, long pages', () => {
  it('lists the most mentioned first and the rest on demand', async () => {
    const mentions = Array.from({ length: 40 }, (_, index) => ({ entityId: `e${index}`, name: `Entity ${index}`, type: 'place' as const, count: 40 - index }));
    render(<Popup api={fakeApi({ getPageInfo: vi.fn(async () => ({ site: 'example.org', active: true })), watchPageMentions: reportsMentions(mentions) })} />);
    await screen.findByText('Entity 0');
    expect(document.querySelectorAll('.fc-page-mentions li')).toHaveLength(15);
    fireEvent.click(screen.getByRole('button', { name: 'Show all 40' }));
    expect(document.querySelectorAll('.fc-page-mentions li')).toHaveLength(40);
  });
});
