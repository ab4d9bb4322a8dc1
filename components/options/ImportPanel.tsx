/**
 * Importing packs and raw articles: pick or drop files, fill in what raw articles do not say, watch the
 * worker's progress (Cancel stops it, and nothing is stored), then read what was added or skipped.
 * Every file's problem is listed in the alert region with what and where; no file is stored when any
 * file of the batch is refused.
 */
import { useRef, useState, type DragEvent } from 'react';
import type { GazetteerEntity, ImportSummary } from '../../lib/messaging/protocol';
import { articlePackId, type ImportJobProgress, type ReadyPack } from '../../lib/pack/import-job';
import {
  applyArticleMetadata,
  checkFileBeforeReading,
  readImportFile,
  type ArticleMetadataInput,
  type FileProblem,
  type RawArticleDraft,
} from '../../lib/pack/read-file';
import { ArticleMetadataForm, type MetadataEntry } from './ArticleMetadataForm';
import type { OptionsApi } from './options-api';
import type { RunningImport } from './import-client';

export interface ImportPanelProps {
  api: OptionsApi;
  /** Called after packs were stored, so the pack list refreshes. */
  onImported(): void;
  /** Clock for pack ids and dates; tests pin it. */
  now?: () => Date;
}

/** Files read and waiting for the user: raw articles without front matter need their metadata. */
interface StagedImport {
  packFiles: File[];
  ready: RawArticleDraft[];
  needMetadata: MetadataEntry[];
}

interface PackOutcome {
  name: string;
  fileName: string | null;
  summary: ImportSummary;
}

type Phase =
  | { name: 'idle' }
  | { name: 'staged'; staged: StagedImport }
  | { name: 'running'; progress: ImportJobProgress | null }
  | { name: 'saving'; done: number; total: number };

export function ImportPanel({ api, onImported, now = () => new Date() }: ImportPanelProps) {
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  const [problems, setProblems] = useState<FileProblem[]>([]);
  const [outcomes, setOutcomes] = useState<PackOutcome[]>([]);
  const [notices, setNotices] = useState<string[]>([]);
  const [articlePackName, setArticlePackName] = useState('');
  const [dragging, setDragging] = useState(false);
  /** Batches finished (stored, refused or cancelled): exposed as `data-finished` for tests and the benchmark. */
  const [finished, setFinished] = useState(0);
  const running = useRef<RunningImport | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const busy = phase.name === 'running' || phase.name === 'saving';

  function reset(): void {
    setProblems([]);
    setOutcomes([]);
    setNotices([]);
  }

  async function acceptFiles(files: File[]): Promise<void> {
    if (busy || files.length === 0) return;
    reset();
    const found: FileProblem[] = [];
    const packFiles: File[] = [];
    const drafts: RawArticleDraft[] = [];
    for (const file of files) {
      // Size and kind first: a file over the limit is never opened.
      const check = checkFileBeforeReading(file);
      if (!check.ok) {
        found.push(check.problem);
      } else if (check.kind === 'pack') {
        packFiles.push(file);
      } else {
        const read = await readImportFile(file);
        if (!read.ok) found.push(read.problem);
        else if (read.kind === 'article') drafts.push(read.draft);
      }
    }
    if (fileInput.current) fileInput.current.value = '';
    if (found.length > 0) {
      setProblems(found);
      setPhase({ name: 'idle' });
      setFinished((count) => count + 1);
      return;
    }
    const needMetadata = drafts
      .filter((draft) => !draft.hasFrontMatter)
      .map((draft) => ({ draft, metadata: { title: draft.title, outlet: '', date: '', url: '' } }));
    const ready = drafts.filter((draft) => draft.hasFrontMatter);
    if (drafts.length > 0) setArticlePackName(`Articles imported ${now().toISOString().slice(0, 10)}`);
    if (needMetadata.length > 0) {
      setPhase({ name: 'staged', staged: { packFiles, ready, needMetadata } });
      return;
    }
    await runImport(packFiles, ready, `Articles imported ${now().toISOString().slice(0, 10)}`);
  }

  function submitStaged(staged: StagedImport): void {
    const completed = staged.needMetadata.map(({ draft, metadata }) => applyArticleMetadata(draft, metadata));
    void runImport(staged.packFiles, [...staged.ready, ...completed], articlePackName);
  }

  async function runImport(packFiles: File[], articles: RawArticleDraft[], packName: string): Promise<void> {
    setPhase({ name: 'running', progress: null });
    setNotices(articles.flatMap((article) => article.warnings));
    let gazetteer: GazetteerEntity[] = [];
    if (articles.length > 0) {
      const known = await api.getGazetteer();
      // Without the known entities extraction still works; it only links less to what is stored.
      if (known.ok) gazetteer = known.value;
    }
    const created = now();
    const job = api.startImport(
      {
        packFiles,
        articles,
        articlePack: {
          id: articlePackId(created),
          name: packName.trim() === '' ? `Articles imported ${created.toISOString().slice(0, 10)}` : packName.trim(),
          description: `${articles.length} article${articles.length === 1 ? '' : 's'} imported from files.`,
          source: truncate(`Files: ${articles.map((article) => article.fileName).join(', ')}`, 500),
          created: created.toISOString(),
        },
        gazetteer,
      },
      (progress) => setPhase({ name: 'running', progress }),
    );
    running.current = job;
    let result;
    try {
      result = await job.result;
    } catch (error) {
      setProblems([{ fileName: 'Import', message: `stopped with an error: ${error instanceof Error ? error.message : String(error)}. Nothing was stored.` }]);
      setPhase({ name: 'idle' });
      setFinished((count) => count + 1);
      return;
    } finally {
      running.current = null;
    }
    if (result === null) {
      setNotices(['Import cancelled: nothing was stored.']);
      setPhase({ name: 'idle' });
      setFinished((count) => count + 1);
      return;
    }
    if (!result.ok) {
      setProblems(result.problems);
      setPhase({ name: 'idle' });
      setFinished((count) => count + 1);
      return;
    }
    await savePacks(result.packs);
  }

  async function savePacks(packs: ReadyPack[]): Promise<void> {
    const stored: PackOutcome[] = [];
    const failed: FileProblem[] = [];
    for (const [index, pack] of packs.entries()) {
      setPhase({ name: 'saving', done: index, total: packs.length });
      const answer = await api.importPack(pack.text);
      if (answer.ok) {
        stored.push({ name: pack.name, fileName: pack.fileName, summary: answer.value });
      } else {
        const where = answer.error.where;
        failed.push({
          fileName: pack.fileName ?? `“${pack.name}”`,
          message: `was not imported: ${answer.error.message}`,
          ...(where !== undefined ? { where } : {}),
        });
      }
    }
    setOutcomes(stored);
    setProblems(failed);
    setPhase({ name: 'idle' });
    setFinished((count) => count + 1);
    if (stored.length > 0) onImported();
  }

  function cancel(): void {
    running.current?.cancel();
  }

  function onDrop(event: DragEvent<HTMLElement>): void {
    event.preventDefault();
    setDragging(false);
    void acceptFiles([...event.dataTransfer.files]);
  }

  return (
    <section aria-labelledby="import-heading" className="panel" data-phase={phase.name} data-finished={finished}>
      <h2 id="import-heading">Import</h2>
      <div
        className={dragging ? 'drop-zone dragging' : 'drop-zone'}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="drop-zone"
      >
        <label htmlFor="import-files">Choose packs (.json) or articles (.txt, .md), or drop them here</label>
        <input
          id="import-files"
          ref={fileInput}
          type="file"
          multiple
          accept=".json,.txt,.md,.markdown,application/json,text/plain,text/markdown"
          disabled={busy}
          onChange={(event) => void acceptFiles([...(event.currentTarget.files ?? [])])}
        />
        <p className="hint">Up to 50 MB per file. Nothing is stored unless every file can be imported.</p>
      </div>

      {phase.name === 'staged' && (
        <ArticleMetadataForm
          entries={phase.staged.needMetadata}
          packName={articlePackName}
          onPackNameChange={setArticlePackName}
          onChange={(index, metadata: ArticleMetadataInput) => {
            const needMetadata = phase.staged.needMetadata.map((entry, at) => (at === index ? { ...entry, metadata } : entry));
            setPhase({ name: 'staged', staged: { ...phase.staged, needMetadata } });
          }}
          onSubmit={() => submitStaged(phase.staged)}
          onCancel={() => setPhase({ name: 'idle' })}
        />
      )}

      {phase.name === 'running' && (
        <div className="progress" data-testid="import-progress">
          <label htmlFor="import-progress-bar">{describeProgress(phase.progress)}</label>
          <progress
            id="import-progress-bar"
            max={Math.max(1, phase.progress?.articlesTotal ?? 1)}
            value={phase.progress?.articlesRead ?? 0}
          />
          <button type="button" onClick={cancel}>
            Cancel import
          </button>
        </div>
      )}
      {phase.name === 'saving' && (
        <p className="progress">
          Storing pack {phase.done + 1} of {phase.total}… (each pack is stored whole or not at all)
        </p>
      )}

      <div role="alert" id="import-errors" className={problems.length > 0 ? 'errors' : 'errors empty'}>
        {problems.length > 0 && (
          <>
            <p>{problems.length === 1 ? 'This file could not be imported:' : `These ${problems.length} files could not be imported:`}</p>
            <ul>
              {problems.map((item, index) => (
                <li key={index}>
                  <strong>{item.fileName}</strong> <span className="message">{item.message}</span>
                  {item.where !== undefined && !item.message.includes(item.where) && <span className="where"> (at {item.where})</span>}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>

      <div role="status" id="import-status" className="summary">
        {outcomes.map((outcome) => (
          <ImportOutcome key={outcome.summary.packId} outcome={outcome} />
        ))}
        {notices.length > 0 && (
          <ul className="notices">
            {notices.map((notice, index) => (
              <li key={index}>{notice}</li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function ImportOutcome({ outcome }: { outcome: PackOutcome }) {
  const { summary } = outcome;
  return (
    <div className="outcome" data-pack-id={summary.packId}>
      <p>
        Imported “{outcome.name}”{outcome.fileName ? ` from ${outcome.fileName}` : ''}: {plural(summary.articlesAdded, 'article')} added,{' '}
        {summary.articlesSkipped.length} skipped; {plural(summary.entitiesNew, 'new entity', 'new entities')},{' '}
        {summary.entitiesMerged} merged with known ones.
      </p>
      {summary.articlesSkipped.length > 0 && (
        <details>
          <summary>Skipped articles</summary>
          <ul>
            {summary.articlesSkipped.map((skipped) => (
              <li key={skipped.articleId}>
                {skipped.title}: {skipped.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {summary.conflicts.length > 0 && (
        <div className="conflicts">
          <p>{plural(summary.conflicts.length, 'name is', 'names are')} used by different entities and were not merged:</p>
          <ul>
            {summary.conflicts.map((conflict) => (
              <li key={conflict.alias}>
                “{conflict.alias}”: {conflict.entities.map((entity) => entity.name).join(', ')}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function describeProgress(progress: ImportJobProgress | null): string {
  if (!progress) return 'Starting the import…';
  const verb = progress.phase === 'reading' ? 'Reading packs' : 'Extracting entities';
  return `${verb}: ${progress.articlesRead} of ${progress.articlesTotal} articles read, ${plural(progress.entitiesFound, 'entity', 'entities')} found`;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function truncate(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}
