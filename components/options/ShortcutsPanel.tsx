/**
 * The keyboard shortcuts as the browser has them: extensions suggest keys, but the browser decides (it
 * leaves a key unbound when it clashes with one of its own) and the reader can change them, on the
 * browser's own page only.
 */
import { useEffect, useState } from 'react';
import type { KeyboardShortcut, OptionsApi } from './options-api';

export interface ShortcutsPanelProps {
  api: Pick<OptionsApi, 'listShortcuts' | 'openShortcutSettings'>;
}

export function ShortcutsPanel({ api }: ShortcutsPanelProps) {
  const [shortcuts, setShortcuts] = useState<KeyboardShortcut[] | null>(null);

  useEffect(() => {
    let live = true;
    const load = () =>
      void api.listShortcuts().then((list) => {
        if (live) setShortcuts(list);
      });
    // Coming back from the browser's shortcut page: show what the reader set there.
    const refresh = () => {
      if (document.visibilityState === 'visible') load();
    };
    load();
    document.addEventListener('visibilitychange', refresh);
    return () => {
      live = false;
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [api]);

  return (
    <section aria-labelledby="shortcuts-heading" className="panel">
      <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
      {shortcuts === null ? (
        <p>Loading shortcuts…</p>
      ) : (
        <dl className="shortcuts">
          {shortcuts.map((shortcut) => (
            <div key={shortcut.name} data-command={shortcut.name}>
              <dt>{shortcut.description}</dt>
              <dd>{shortcut.shortcut ? <kbd>{shortcut.shortcut}</kbd> : 'No key set'}</dd>
            </div>
          ))}
        </dl>
      )}
      <button type="button" onClick={() => api.openShortcutSettings()}>
        Change shortcuts…
      </button>
    </section>
  );
}
