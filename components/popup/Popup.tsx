/**
 * The popup: search first, with what the current page mentions beneath an empty box; an entity view and
 * an article view reached from results, mentions and links, with Back (or Esc) returning to where the
 * reader was. Nothing waits for data before the first render: the box is there and focused at once.
 */
import { useEffect, useRef, useState } from 'react';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { ENTITY_CARD_CSS } from '../entity-card.css';
import { ArticleView } from './ArticleView';
import { EntityView } from './EntityView';
import { OnThisPage } from './OnThisPage';
import { POPUP_CSS } from './popup.css';
import type { PopupApi } from './popup-api';
import { SearchView } from './SearchView';

export type PopupView = { kind: 'search' } | { kind: 'entity'; entityId: string } | { kind: 'article'; articleId: string };

export interface PopupProps {
  api: PopupApi;
  /** From the URL: `?entity=ID` opens on an entity, `?q=QUERY` on a search. */
  initialEntityId?: string | null;
  initialQuery?: string;
}

export function Popup({ api, initialEntityId = null, initialQuery = '' }: PopupProps) {
  const [views, setViews] = useState<PopupView[]>(() => [
    { kind: 'search' },
    ...(initialEntityId ? [{ kind: 'entity', entityId: initialEntityId } as const] : []),
  ]);
  const [query, setQuery] = useState(initialQuery);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [storeEmpty, setStoreEmpty] = useState(false);
  const view = views[views.length - 1] ?? { kind: 'search' };
  const rootRef = useRef<HTMLDivElement>(null);

  // A view opens at its top, not where the previous one was scrolled to.
  useEffect(() => {
    rootRef.current?.scrollTo?.({ top: 0 });
  }, [views.length]);

  const open = (next: PopupView) => setViews((stack) => [...stack, next]);
  const back = () => setViews((stack) => (stack.length > 1 ? stack.slice(0, -1) : stack));

  useEffect(() => {
    let current = true;
    // A blank search answers nothing but makes the background build its search index now, while the
    // reader is still reaching for the keyboard, rather than on the first keystroke.
    void api.search('', 1);
    void api.getSettings().then((value) => current && setSettings(value));
    const unwatch = api.watchSettings((value) => setSettings(value));
    void api.listPacks().then((result) => {
      if (current && result.ok) setStoreEmpty(!result.value.some((pack) => pack.enabled && pack.articleCount > 0));
    });
    if (!initialEntityId) {
      void api.takePopupRequest().then((entityId) => {
        if (current && entityId) setViews((stack) => [...stack, { kind: 'entity', entityId }]);
      });
    }
    return () => {
      current = false;
      unwatch();
    };
  }, [api, initialEntityId]);

  // Esc in a view goes back to the search (the search box handles its own Esc).
  useEffect(() => {
    if (view.kind === 'search') return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        back();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [view.kind]);

  const theme = settings?.theme ?? DEFAULT_SETTINGS.theme;
  useEffect(() => {
    if (theme === 'auto') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);
  const openEntity = (entityId: string) => open({ kind: 'entity', entityId });
  const openArticle = (articleId: string) => open({ kind: 'article', articleId });

  return (
    <div ref={rootRef} className="fc-popup" data-view={view.kind}>
      <style>{ENTITY_CARD_CSS}</style>
      <style>{POPUP_CSS}</style>
      <header className="fc-popup__bar">
        {view.kind !== 'search' ? (
          <button type="button" className="fc-button fc-back" onClick={back} aria-label="Back">
            ← Back
          </button>
        ) : null}
        <h1 className="fc-popup__title">Factcards</h1>
        <button type="button" className="fc-link" onClick={api.openOptions}>
          Options
        </button>
      </header>
      <main>
        {view.kind === 'search' ? (
          <SearchView
            api={api}
            query={query}
            onQueryChange={setQuery}
            onOpenEntity={openEntity}
            onOpenArticle={openArticle}
            storeEmpty={storeEmpty}
            idleContent={<OnThisPage api={api} settings={settings} onOpenEntity={openEntity} />}
          />
        ) : view.kind === 'entity' ? (
          <EntityView key={view.entityId} api={api} entityId={view.entityId} theme={theme} onOpenArticle={openArticle} />
        ) : (
          <ArticleView key={view.articleId} api={api} articleId={view.articleId} onOpenEntity={openEntity} />
        )}
      </main>
    </div>
  );
}
