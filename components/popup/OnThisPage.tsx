/**
 * What the page in the tab mentions (entity and count, its frames added up, kept current while the popup
 * is open), and the switches that turn Factcards off for this site or everywhere. The switches write
 * settings; content scripts watch settings, so open tabs follow at once, and the page's state is asked
 * again once they have.
 */
import { useCallback, useEffect, useState } from 'react';
import type { PageMentionCount } from '../../lib/messaging/protocol';
import { isSiteEnabled, withSiteEnabled, type Settings } from '../../lib/settings';
import { ENTITY_TYPE_LABELS } from './labels';
import type { PageInfo, PopupApi } from './popup-api';

/** Mentions listed before "Show all": a long page can name a hundred entities. */
export const PAGE_MENTIONS_SHOWN = 15;

/** How long the content script gets to apply a settings change before the list is asked again. */
const REFRESH_AFTER_SETTINGS_MS = 300;

export interface OnThisPageProps {
  api: PopupApi;
  settings: Settings | null;
  onOpenEntity: (entityId: string) => void;
}

export function OnThisPage({ api, settings, onOpenEntity }: OnThisPageProps) {
  const [page, setPage] = useState<{ status: 'loading' } | { status: 'done'; info: PageInfo | null }>({ status: 'loading' });
  // Null until the page's frames have reported (the top one answers as soon as the port opens).
  const [reported, setReported] = useState<PageMentionCount[] | null>(null);
  const mentions = reported ?? [];
  const [revealFailed, setRevealFailed] = useState<string | null>(null);
  const [showAll, setShowAll] = useState(false);

  const refresh = useCallback(() => {
    let current = true;
    void api.getPageInfo().then((info) => {
      if (current) setPage({ status: 'done', info });
    });
    return () => {
      current = false;
    };
  }, [api]);

  useEffect(() => refresh(), [refresh]);
  useEffect(() => api.watchPageMentions(setReported), [api]);
  useEffect(() => {
    if (!settings) return;
    let cancel = () => {};
    const timer = setTimeout(() => (cancel = refresh()), REFRESH_AFTER_SETTINGS_MS);
    return () => {
      clearTimeout(timer);
      cancel();
    };
  }, [settings, refresh]);

  const info = page.status === 'done' ? page.info : null;
  const reveal = (entityId: string, name: string) => {
    setRevealFailed(null);
    void api.revealMention(entityId).then((revealed) => {
      if (!revealed) setRevealFailed(name);
    });
  };

  return (
    <section className="fc-section fc-on-this-page" aria-labelledby="fc-on-this-page-heading">
      <h2 id="fc-on-this-page-heading">On this page</h2>
      {page.status === 'loading' || (info?.active && reported === null) ? <p className="fc-state">Looking at the page…</p> : null}
      {page.status === 'done' && !info ? (
        <p className="fc-state">Factcards cannot read this page: browser pages, extension pages and some file types are out of its reach.</p>
      ) : null}
      {info && !info.active ? <p className="fc-state">Factcards is off on this page.</p> : null}
      {info && info.active && reported?.length === 0 ? <p className="fc-state">Nothing Factcards knows is mentioned on this page.</p> : null}
      {info && info.active && mentions.length > 0 ? (
        <ul className="fc-page-mentions">
          {(showAll ? mentions : mentions.slice(0, PAGE_MENTIONS_SHOWN)).map((mention) => (
            <li key={mention.entityId} data-entity-id={mention.entityId}>
              <button
                type="button"
                className="fc-link"
                title="Show it on the page"
                onClick={() => reveal(mention.entityId, mention.name)}
              >
                {mention.name}
              </button>
              <span>
                <span className="fc-count" aria-label={`${mention.count} ${mention.count === 1 ? 'mention' : 'mentions'}`}>
                  {mention.count}×
                </span>{' '}
                <button type="button" className="fc-link" aria-label={`Details of ${mention.name} (${ENTITY_TYPE_LABELS[mention.type]})`} onClick={() => onOpenEntity(mention.entityId)}>
                  details
                </button>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {info && info.active && !showAll && mentions.length > PAGE_MENTIONS_SHOWN ? (
        <button type="button" className="fc-button" onClick={() => setShowAll(true)}>
          Show all {mentions.length}
        </button>
      ) : null}
      {revealFailed ? <p className="fc-state">Could not find {revealFailed} on the page any more.</p> : null}
      {settings ? (
        <div className="fc-switches">
          {info ? (
            <label className="fc-switch">
              <span>
                On <strong>{info.site}</strong>
              </span>
              <input
                type="checkbox"
                role="switch"
                className="fc-site-switch"
                checked={isSiteEnabled(settings, info.site)}
                onChange={(event) => void api.setSettings(withSiteEnabled(settings, info.site, event.target.checked))}
              />
            </label>
          ) : null}
          <label className="fc-switch">
            <span>Factcards on all sites</span>
            <input
              type="checkbox"
              role="switch"
              className="fc-global-switch"
              checked={settings.enabled}
              onChange={(event) => void api.setSettings({ ...settings, enabled: event.target.checked })}
            />
          </label>
        </div>
      ) : null}
    </section>
  );
}
