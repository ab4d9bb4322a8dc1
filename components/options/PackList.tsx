/**
 * The stored packs: what each holds, a switch to enable it, export and remove; export everything; and
 * reset to the bundled seed pack. Destructive actions ask for confirmation inline (no `window.confirm`,
 * which some contexts block and which cannot be styled or labelled).
 */
import { useState } from 'react';
import type { PackSummary, ProtocolError } from '../../lib/messaging/protocol';
import type { Pack } from '../../lib/pack/schema';
import type { OptionsApi } from './options-api';

export interface PackListProps {
  api: OptionsApi;
  /** Null while loading. */
  packs: PackSummary[] | null;
  /** Reloads `packs` from the background. */
  onChanged(): void;
  /** Saves an exported pack as a file; the page passes `downloadPack`. */
  download(pack: Pack): void;
}

type Confirming = { action: 'remove'; pack: PackSummary } | { action: 'reset' } | null;

export function PackList({ api, packs, onChanged, download }: PackListProps) {
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function act<T>(what: string, run: () => Promise<{ ok: true; value: T } | { ok: false; error: ProtocolError }>, done?: (value: T) => void) {
    setPending(true);
    setError(null);
    setNotice(null);
    const result = await run();
    setPending(false);
    if (!result.ok) {
      setError(`${what} failed: ${result.error.message}${result.error.where ? ` (at ${result.error.where})` : ''}`);
      return;
    }
    done?.(result.value);
    onChanged();
  }

  return (
    <section aria-labelledby="packs-heading" className="panel">
      <h2 id="packs-heading">Packs</h2>
      {packs === null ? (
        <p>Loading packs…</p>
      ) : packs.length === 0 ? (
        <p>No packs are stored. Import one above, or reset to the bundled pack.</p>
      ) : (
        <table className="packs">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Source</th>
              <th scope="col">Articles</th>
              <th scope="col">Entities</th>
              <th scope="col">Imported</th>
              <th scope="col">Enabled</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {packs.map((pack) => (
              <tr key={pack.id} data-pack-id={pack.id}>
                <th scope="row">
                  {pack.name}
                  {pack.bundled && <span className="badge"> (bundled)</span>}
                </th>
                <td>{pack.source}</td>
                <td>{pack.articleCount}</td>
                <td>{pack.entityCount}</td>
                <td>
                  <time dateTime={pack.importedAt}>{formatDate(pack.importedAt)}</time>
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Enable ${pack.name}`}
                    checked={pack.enabled}
                    disabled={pending}
                    data-action="toggle"
                    onChange={(event) => {
                      const enabled = event.currentTarget.checked;
                      void act(enabled ? 'Enabling the pack' : 'Disabling the pack', () => api.setPackEnabled(pack.id, enabled));
                    }}
                  />
                </td>
                <td>
                  <div className="row-actions">
                    {!pack.bundled && (
                      <button
                        type="button"
                        data-action="export"
                        aria-label={`Export ${pack.name}`}
                        disabled={pending}
                        onClick={() => void act('Export', () => api.exportPack(pack.id), download)}
                      >
                        Export
                      </button>
                    )}
                    {!pack.bundled && (
                      <button
                        type="button"
                        data-action="remove"
                        aria-label={`Remove ${pack.name}`}
                        disabled={pending}
                        onClick={() => setConfirming({ action: 'remove', pack })}
                      >
                        Remove
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {confirming && (
        <div className="confirm" role="group" aria-labelledby="confirm-text">
          <p id="confirm-text">
            {confirming.action === 'remove'
              ? `Remove “${confirming.pack.name}”? Its articles and the entities only it has are deleted.`
              : 'Reset to the bundled pack? Every imported pack is deleted and the bundled pack is loaded again.'}
          </p>
          <button
            type="button"
            data-action="confirm"
            onClick={() => {
              const current = confirming;
              setConfirming(null);
              if (current.action === 'remove') {
                void act('Removing the pack', () => api.removePack(current.pack.id), () => setNotice(`Removed “${current.pack.name}”.`));
              } else {
                void act('Reset', () => api.resetToSeed(), () => setNotice('Reset to the bundled pack.'));
              }
            }}
          >
            {confirming.action === 'remove' ? 'Remove pack' : 'Reset'}
          </button>
          <button type="button" data-action="keep" onClick={() => setConfirming(null)}>
            Keep
          </button>
        </div>
      )}

      <div className="actions">
        <button type="button" data-action="export-all" disabled={pending || !packs?.length} onClick={() => void act('Export', () => api.exportPack(null), download)}>
          Export everything
        </button>
        <button type="button" data-action="reset" disabled={pending} onClick={() => setConfirming({ action: 'reset' })}>
          Reset to bundled pack…
        </button>
      </div>
      <div role="alert" id="packs-errors">
        {error}
      </div>
      <p aria-live="polite" id="packs-notice">
        {notice}
      </p>
    </section>
  );
}

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Saves a pack as a `.json` file through a temporary object URL and an `a[download]`. */
export function downloadPack(pack: Pack): void {
  const blob = new Blob([JSON.stringify(pack, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${pack.id}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the download reads the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
