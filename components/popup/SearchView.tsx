/**
 * The search box and its results: entities, then articles, updated on every keystroke. Keyboard: ↑ ↓ move
 * through the results, Enter opens one, Esc clears the query (and closes the popup when it is already
 * empty). The input is an ARIA combobox whose listbox holds the results; the active result is
 * `aria-activedescendant`, so focus never leaves the input while the reader moves.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ArticleSearchItem, EntitySearchItem, Result, SearchHit, SearchResults } from '../../lib/messaging/protocol';
import { formatPartialDate } from '../../lib/pack/dates';
import { MIN_QUERY_LENGTH } from '../../lib/search/limits';
import { Highlighted } from './Highlighted';
import { ENTITY_TYPE_LABELS, outletLabel, UNKNOWN_OUTLET } from './labels';
import type { PopupApi } from './popup-api';

export const SEARCH_LIMIT = 20;
/** Performance mark set when the search box is first on screen and focused. */
export const SEARCH_READY_MARK = 'factcards-search-ready';

export interface SearchViewProps {
  api: PopupApi;
  query: string;
  onQueryChange: (query: string) => void;
  onOpenEntity: (entityId: string) => void;
  onOpenArticle: (articleId: string) => void;
  /** True when no enabled pack has articles: the first-run state says how to add some. */
  storeEmpty: boolean;
  /** Shown under the box while the query is empty ("On this page"). */
  idleContent?: ReactNode;
}

type Option = { kind: 'entity'; hit: SearchHit<EntitySearchItem> } | { kind: 'article'; hit: SearchHit<ArticleSearchItem> };

type SearchState =
  | { status: 'idle' }
  | { status: 'loading'; query: string; previous: SearchResults | null }
  | { status: 'done'; query: string; results: SearchResults }
  | { status: 'error'; query: string; message: string };

/** The answer to one query, kept until the next one lands. */
interface Answer {
  query: string;
  result: Result<SearchResults>;
}

/** What the view shows: the answer when it is for the current query, else the last results while waiting. */
function searchState(trimmed: string, answer: Answer | null): SearchState {
  if (trimmed.length < MIN_QUERY_LENGTH) return { status: 'idle' };
  if (answer?.query === trimmed) {
    return answer.result.ok
      ? { status: 'done', query: trimmed, results: answer.result.value }
      : { status: 'error', query: trimmed, message: answer.result.error.message };
  }
  return { status: 'loading', query: trimmed, previous: answer?.result.ok ? answer.result.value : null };
}

export function SearchView({ api, query, onQueryChange, onOpenEntity, onOpenArticle, storeEmpty, idleContent }: SearchViewProps) {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  // Only the answer to the latest keystroke may land: an older, slower answer is dropped.
  const latestRequest = useRef(0);
  const listboxId = useId();
  const optionId = (index: number) => `${listboxId}-option-${index}`;
  const trimmed = query.trim();

  useEffect(() => {
    const request = ++latestRequest.current;
    if (trimmed.length < MIN_QUERY_LENGTH) return;
    void api.search(trimmed, SEARCH_LIMIT).then((result) => {
      if (request !== latestRequest.current) return;
      setAnswer({ query: trimmed, result });
      setActiveIndex(0);
    });
  }, [api, trimmed]);

  const state = searchState(trimmed, answer);

  // `autoFocus` alone is not always honoured when a browser opens its popup window: focus once more.
  // Then mark the moment the reader can type (the benchmark reads it: "usable within 100 ms of opening").
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    inputRef.current?.focus();
    if (performance.getEntriesByName(SEARCH_READY_MARK).length === 0) performance.mark(SEARCH_READY_MARK);
  }, []);

  const results = state.status === 'done' ? state.results : state.status === 'loading' ? state.previous : null;
  const options: Option[] = results
    ? [...results.entities.map((hit): Option => ({ kind: 'entity', hit })), ...results.articles.map((hit): Option => ({ kind: 'article', hit }))]
    : [];
  const active = options.length > 0 ? Math.min(activeIndex, options.length - 1) : -1;

  useEffect(() => {
    if (active < 0) return;
    const element = document.getElementById(optionId(active));
    element?.scrollIntoView?.({ block: 'nearest' });
  });

  const open = (option: Option | undefined) => {
    if (!option) return;
    if (option.kind === 'entity') onOpenEntity(option.hit.item.id);
    else onOpenArticle(option.hit.item.id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && options.length > 0) {
      event.preventDefault();
      setActiveIndex(Math.min(options.length - 1, active + 1));
    } else if (event.key === 'ArrowUp' && options.length > 0) {
      event.preventDefault();
      setActiveIndex(Math.max(0, active - 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      open(options[active]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (query !== '') onQueryChange('');
      else api.close();
    }
  };

  const showList = options.length > 0;
  return (
    <div className="fc-search-view">
      <input
        ref={inputRef}
        type="search"
        className="fc-search"
        // The popup is for searching: the box has focus the moment it opens.
        autoFocus
        value={query}
        onChange={(event) => onQueryChange(event.target.value)}
        onKeyDown={onKeyDown}
        placeholder="Search people, places, organisations, articles"
        aria-label="Search Factcards"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listboxId}
        aria-activedescendant={active >= 0 ? optionId(active) : undefined}
        autoComplete="off"
        spellCheck={false}
      />
      <div id={listboxId} role="listbox" aria-label="Search results" className="fc-results" hidden={!showList}>
        {results && results.entities.length > 0 ? (
          <div role="group" aria-labelledby={`${listboxId}-entities`} className="fc-group">
            <p className="fc-group__label" id={`${listboxId}-entities`} role="presentation">
              People, organisations, places
            </p>
            {results.entities.map((hit, index) => (
              <EntityOption
                key={hit.item.id}
                id={optionId(index)}
                hit={hit}
                selected={index === active}
                onPoint={() => setActiveIndex(index)}
                onOpen={() => open({ kind: 'entity', hit })}
              />
            ))}
          </div>
        ) : null}
        {results && results.articles.length > 0 ? (
          <div role="group" aria-labelledby={`${listboxId}-articles`} className="fc-group">
            <p className="fc-group__label" id={`${listboxId}-articles`} role="presentation">
              Articles
            </p>
            {results.articles.map((hit, index) => {
              const position = results.entities.length + index;
              return (
                <ArticleOption
                  key={hit.item.id}
                  id={optionId(position)}
                  hit={hit}
                  selected={position === active}
                  onPoint={() => setActiveIndex(position)}
                  onOpen={() => open({ kind: 'article', hit })}
                />
              );
            })}
          </div>
        ) : null}
      </div>
      <SearchStatus state={state} trimmed={trimmed} storeEmpty={storeEmpty} onOpenOptions={api.openOptions} idleContent={idleContent} />
    </div>
  );
}

function SearchStatus({
  state,
  trimmed,
  storeEmpty,
  onOpenOptions,
  idleContent,
}: {
  state: SearchState;
  trimmed: string;
  storeEmpty: boolean;
  onOpenOptions: () => void;
  idleContent?: ReactNode;
}) {
  if (storeEmpty && (state.status === 'idle' || (state.status === 'done' && isEmpty(state.results)))) {
    return (
      <div className="fc-state fc-state--first-run" role="status">
        <p>
          <strong>Factcards has no articles yet.</strong>
        </p>
        <p>Import a pack of articles, or re-enable one, and the people and places they mention become searchable here and marked on pages.</p>
        <button type="button" className="fc-button" onClick={onOpenOptions}>
          Import articles…
        </button>
        {idleContent}
      </div>
    );
  }
  if (state.status === 'idle') {
    return (
      <div className="fc-state fc-state--empty">
        {trimmed.length > 0 ? (
          <p role="status">Keep typing: search needs at least {MIN_QUERY_LENGTH} letters.</p>
        ) : (
          <p>Type a name, even misspelt or without its accents, a title, an outlet or words from an article.</p>
        )}
        {trimmed.length === 0 ? idleContent : null}
      </div>
    );
  }
  if (state.status === 'error') {
    return (
      <p className="fc-state fc-error" role="alert">
        Search failed: {state.message}
      </p>
    );
  }
  if (state.status === 'done' && isEmpty(state.results)) {
    return (
      <div className="fc-state fc-state--no-results" role="status">
        <p>
          <strong>No matches for “{state.query}”.</strong>
        </p>
        <p>Try fewer words, only the surname, or another spelling. Only the articles in your packs are searched; add more on the options page.</p>
      </div>
    );
  }
  return null;
}

function isEmpty(results: SearchResults): boolean {
  return results.entities.length === 0 && results.articles.length === 0;
}

function rangesFor(hit: SearchHit<unknown>, field: string): Array<[number, number]> {
  return hit.highlights.filter((highlight) => highlight.field === field).flatMap((highlight) => highlight.ranges);
}

interface OptionProps<T> {
  id: string;
  hit: SearchHit<T>;
  selected: boolean;
  /** The pointer moved onto the option: it becomes the active one, as with the arrow keys. */
  onPoint: () => void;
  onOpen: () => void;
}

function EntityOption({ id, hit, selected, onPoint, onOpen }: OptionProps<EntitySearchItem>) {
  const { item } = hit;
  // Say why a result matched when it was not by its name: the alias the query found.
  const aliasField = rangesFor(hit, 'name').length === 0 ? hit.highlights.find((highlight) => highlight.field.startsWith('aliases.')) : undefined;
  const alias = aliasField ? item.aliases[Number(aliasField.field.slice('aliases.'.length))] : undefined;
  return (
    <div
      id={id}
      role="option"
      aria-selected={selected}
      className="fc-option fc-option--entity"
      data-entity-id={item.id}
      onMouseDown={(event) => event.preventDefault()}
      onMouseMove={selected ? undefined : onPoint}
      onClick={onOpen}
    >
      <div className="fc-option__main">
        <span className="fc-option__name">
          <Highlighted text={item.name} ranges={rangesFor(hit, 'name')} />
        </span>
        <span className="fc-option__type">{ENTITY_TYPE_LABELS[item.type]}</span>
      </div>
      {alias !== undefined && aliasField ? (
        <div className="fc-option__detail">
          also “<Highlighted text={alias} ranges={aliasField.ranges} />”
        </div>
      ) : item.description ? (
        <div className="fc-option__detail">
          <Highlighted text={item.description} ranges={rangesFor(hit, 'description')} />
        </div>
      ) : null}
    </div>
  );
}

function ArticleOption({ id, hit, selected, onPoint, onOpen }: OptionProps<ArticleSearchItem>) {
  const { item } = hit;
  return (
    <div
      id={id}
      role="option"
      aria-selected={selected}
      className="fc-option fc-option--article"
      data-article-id={item.id}
      onMouseDown={(event) => event.preventDefault()}
      onMouseMove={selected ? undefined : onPoint}
      onClick={onOpen}
    >
      <div className="fc-option__name">
        <Highlighted text={item.title} ranges={rangesFor(hit, 'title')} />
      </div>
      <div className="fc-option__meta">
        {item.outlet === UNKNOWN_OUTLET ? outletLabel(item.outlet) : <Highlighted text={item.outlet} ranges={rangesFor(hit, 'outlet')} />} ·{' '}
        {formatPartialDate(item.publishedAt)}
      </div>
      {item.snippet ? (
        <div className="fc-option__detail">
          <Highlighted text={item.snippet} ranges={rangesFor(hit, 'snippet')} />
        </div>
      ) : null}
    </div>
  );
}
