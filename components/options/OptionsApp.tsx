/** The options page: import, the stored packs, settings and keyboard shortcuts. */
import { useCallback, useEffect, useState } from 'react';
import type { PackSummary } from '../../lib/messaging/protocol';
import type { Pack } from '../../lib/pack/schema';
import { ImportPanel } from './ImportPanel';
import type { OptionsApi } from './options-api';
import { PackList } from './PackList';
import { SettingsForm, type SettingsStore } from './SettingsForm';
import { ShortcutsPanel } from './ShortcutsPanel';
import './options.css';

export interface OptionsAppProps {
  api: OptionsApi;
  settings: SettingsStore;
  download(pack: Pack): void;
}

export function OptionsApp({ api, settings, download }: OptionsAppProps) {
  const [packs, setPacks] = useState<PackSummary[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const refresh = useCallback(() => {
    void api.listPacks().then((result) => {
      if (result.ok) {
        setPacks(result.value);
        setLoadError(null);
      } else {
        setLoadError(`The packs could not be listed: ${result.error.message}`);
      }
    });
  }, [api]);

  useEffect(() => {
    refresh();
    return api.watchPacks(refresh);
  }, [api, refresh]);

  return (
    <main className="options">
      <h1>Factcards options</h1>
      <ImportPanel api={api} onImported={refresh} />
      {loadError && <p role="alert">{loadError}</p>}
      <PackList api={api} packs={packs} onChanged={refresh} download={download} />
      <SettingsForm store={settings} />
      <ShortcutsPanel api={api} />
    </main>
  );
}
