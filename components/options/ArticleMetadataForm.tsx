/**
 * Metadata for raw articles that do not state it (no front matter): title, outlet, date and URL, one
 * fieldset per file. Every field may stay empty, and an empty field stays unknown: outlet "unknown",
 * no date, no link. Only http(s) URLs are kept.
 */
import type { FormEvent } from 'react';
import type { ArticleMetadataInput, RawArticleDraft } from '../../lib/pack/read-file';

export interface MetadataEntry {
  draft: RawArticleDraft;
  metadata: ArticleMetadataInput;
}

export interface ArticleMetadataFormProps {
  entries: MetadataEntry[];
  packName: string;
  onPackNameChange(name: string): void;
  onChange(index: number, metadata: ArticleMetadataInput): void;
  onSubmit(): void;
  onCancel(): void;
}

export function ArticleMetadataForm({ entries, packName, onPackNameChange, onChange, onSubmit, onCancel }: ArticleMetadataFormProps) {
  function submit(event: FormEvent): void {
    event.preventDefault();
    onSubmit();
  }
  return (
    <form className="metadata-form" aria-labelledby="metadata-heading" onSubmit={submit}>
      <h3 id="metadata-heading">About these articles</h3>
      <p className="hint">
        {entries.length === 1 ? 'This file does' : `These ${entries.length} files do`} not say where and when it was published. Leave a
        field empty if you do not know: it stays unknown.
      </p>
      <label className="field">
        <span>Name for the imported articles</span>
        <input type="text" value={packName} maxLength={500} onChange={(event) => onPackNameChange(event.currentTarget.value)} />
      </label>
      {entries.map((entry, index) => {
        const id = `article-${index}`;
        const field = (key: keyof ArticleMetadataInput, label: string, extra: { type?: string; placeholder?: string } = {}) => (
          <label className="field" htmlFor={`${id}-${key}`}>
            <span>{label}</span>
            <input
              id={`${id}-${key}`}
              name={key}
              type={extra.type ?? 'text'}
              placeholder={extra.placeholder}
              maxLength={key === 'url' ? 2048 : 500}
              value={entry.metadata[key] ?? ''}
              onChange={(event) => onChange(index, { ...entry.metadata, [key]: event.currentTarget.value })}
            />
          </label>
        );
        return (
          <fieldset key={entry.draft.fileName + index} data-file={entry.draft.fileName}>
            <legend>{entry.draft.fileName}</legend>
            {field('title', 'Title')}
            {field('outlet', 'Outlet', { placeholder: 'unknown' })}
            {field('date', 'Publication date', { placeholder: 'YYYY-MM-DD, YYYY-MM or YYYY' })}
            {field('url', 'Article URL (http or https)', { placeholder: 'https://…' })}
          </fieldset>
        );
      })}
      <div className="actions">
        <button type="submit">Import {entries.length === 1 ? 'article' : 'articles'}</button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
