/**
 * Settings, saved as soon as they change (extension storage): every open tab watches the same item, so a
 * change applies there at once. The store of record is `settingsItem`; this form only edits it.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { EntityType } from '../../lib/pack/schema';
import { DEFAULT_SETTINGS, siteKey, type HighlightStyle, type Settings, type Theme } from '../../lib/settings';

/** Where settings live; the page passes `settingsItem`, tests a fake. */
export interface SettingsStore {
  getValue(): Promise<Settings>;
  setValue(value: Settings): Promise<void>;
  watch(callback: (value: Settings) => void): () => void;
}

export interface SettingsFormProps {
  store: SettingsStore;
}

const ENTITY_TYPES: Array<{ type: EntityType; label: string }> = [
  { type: 'person', label: 'People' },
  { type: 'organization', label: 'Organisations' },
  { type: 'place', label: 'Places' },
  { type: 'concept', label: 'Concepts' },
  { type: 'event', label: 'Events' },
];

const MAX_HOVER_DELAY_MS = 5_000;

/** A host name from what a person types: "https://www.lemonde.fr/x" or "lemonde.fr" → "lemonde.fr". */
export function siteFromInput(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed === '') return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
    if (!/^[a-z0-9.-]+$/i.test(url.hostname) || !url.hostname.includes('.') && url.hostname !== 'localhost') return null;
    return siteKey(url.hostname);
  } catch {
    return null;
  }
}

export function SettingsForm({ store }: SettingsFormProps) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [siteInput, setSiteInput] = useState('');
  const [siteError, setSiteError] = useState<string | null>(null);
  const [delayInput, setDelayInput] = useState<string | null>(null);
  const id = useId();

  useEffect(() => {
    let live = true;
    void store.getValue().then((value) => {
      if (live) setSettings({ ...DEFAULT_SETTINGS, ...value });
    });
    const unwatch = store.watch((value) => setSettings({ ...DEFAULT_SETTINGS, ...value }));
    return () => {
      live = false;
      unwatch();
    };
  }, [store]);

  if (!settings) return <p>Loading settings…</p>;

  function save(change: Partial<Settings>): void {
    if (!settings) return;
    const next = { ...settings, ...change };
    setSettings(next);
    void store.setValue(next);
  }

  function addSite(event: FormEvent): void {
    event.preventDefault();
    if (!settings) return;
    const site = siteFromInput(siteInput);
    if (!site) {
      setSiteError(`“${siteInput}” is not a site name such as lemonde.fr.`);
      return;
    }
    setSiteError(null);
    setSiteInput('');
    if (!settings.sites.includes(site)) save({ sites: [...settings.sites, site].sort() });
  }

  const shownDelay = delayInput ?? String(settings.hoverDelayMs);

  return (
    <section aria-labelledby={`${id}-heading`} className="panel settings">
      <h2 id={`${id}-heading`}>Settings</h2>
      <label className="check">
        <input type="checkbox" name="enabled" checked={settings.enabled} onChange={(event) => save({ enabled: event.currentTarget.checked })} />
        Show Factcards on news pages
      </label>

      <fieldset>
        <legend>Sites</legend>
        <label className="check">
          <input
            type="radio"
            name="siteMode"
            value="blocklist"
            checked={settings.siteMode === 'blocklist'}
            onChange={() => save({ siteMode: 'blocklist' })}
          />
          Everywhere except the sites below
        </label>
        <label className="check">
          <input
            type="radio"
            name="siteMode"
            value="allowlist"
            checked={settings.siteMode === 'allowlist'}
            onChange={() => save({ siteMode: 'allowlist' })}
          />
          Only on the sites below
        </label>
        <ul className="sites" aria-label={settings.siteMode === 'blocklist' ? 'Sites where Factcards is off' : 'Sites where Factcards runs'}>
          {settings.sites.map((site) => (
            <li key={site}>
              {site}{' '}
              <button type="button" aria-label={`Remove ${site}`} onClick={() => save({ sites: settings.sites.filter((other) => other !== site) })}>
                Remove
              </button>
            </li>
          ))}
        </ul>
        <form onSubmit={addSite} className="add-site">
          <label htmlFor={`${id}-site`}>Add a site</label>
          <input
            id={`${id}-site`}
            type="text"
            value={siteInput}
            placeholder="lemonde.fr"
            aria-invalid={siteError !== null}
            aria-describedby={siteError ? `${id}-site-error` : undefined}
            onChange={(event) => setSiteInput(event.currentTarget.value)}
          />
          <button type="submit">Add</button>
          {siteError && (
            <span id={`${id}-site-error`} role="alert">
              {siteError}
            </span>
          )}
        </form>
      </fieldset>

      <label className="field" htmlFor={`${id}-delay`}>
        <span>Hover delay before a card opens (milliseconds)</span>
        <input
          id={`${id}-delay`}
          type="number"
          min={0}
          max={MAX_HOVER_DELAY_MS}
          step={50}
          value={shownDelay}
          onChange={(event) => {
            const text = event.currentTarget.value;
            setDelayInput(text);
            const value = Number(text);
            // Saved only when it is a sensible number; what the person types stays in the box meanwhile.
            if (text !== '' && Number.isFinite(value) && value >= 0 && value <= MAX_HOVER_DELAY_MS) save({ hoverDelayMs: Math.round(value) });
          }}
          onBlur={() => setDelayInput(null)}
        />
      </label>

      <label className="field" htmlFor={`${id}-style`}>
        <span>Highlight style</span>
        <select id={`${id}-style`} value={settings.highlightStyle} onChange={(event) => save({ highlightStyle: event.currentTarget.value as HighlightStyle })}>
          <option value="underline">Underline</option>
          <option value="background">Background</option>
          <option value="none">None (cards still open on hover)</option>
        </select>
      </label>

      <fieldset>
        <legend>Highlight these kinds of entity</legend>
        {ENTITY_TYPES.map(({ type, label }) => (
          <label className="check" key={type}>
            <input
              type="checkbox"
              name="highlightTypes"
              value={type}
              checked={settings.highlightTypes.includes(type)}
              onChange={(event) => {
                const checked = event.currentTarget.checked;
                const types = ENTITY_TYPES.map((entry) => entry.type).filter((other) =>
                  other === type ? checked : settings.highlightTypes.includes(other),
                );
                save({ highlightTypes: types });
              }}
            />
            {label}
          </label>
        ))}
      </fieldset>

      <label className="check">
        <input type="checkbox" name="firstMentionOnly" checked={settings.firstMentionOnly} onChange={(event) => save({ firstMentionOnly: event.currentTarget.checked })} />
        Highlight only the first mention of each entity
      </label>

      <label className="field" htmlFor={`${id}-theme`}>
        <span>Theme of cards</span>
        <select id={`${id}-theme`} value={settings.theme} onChange={(event) => save({ theme: event.currentTarget.value as Theme })}>
          <option value="auto">Same as the system</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </label>
    </section>
  );
}
