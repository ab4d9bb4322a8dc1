/**
 * Runs an import job in a Web Worker and gives the page a promise and a Cancel. Cancel terminates the
 * worker: it has written nothing, so nothing needs undoing.
 */
import { createResultAssembler, type ImportJobProgress, type ImportJobRequest, type ImportJobResult, type ImportWorkerMessage } from '../../lib/pack/import-job';
// Vite's `?worker` import rather than `new Worker(new URL(…, import.meta.url))`: WXT rewrites
// `import.meta.url` to `self.location.href`, which hides that pattern from Vite (wxt-dev/wxt#2032).
import ImportWorker from './import.worker.ts?worker';

export interface RunningImport {
  /** Settles with the job's result, or `null` when cancelled. */
  result: Promise<ImportJobResult | null>;
  cancel(): void;
}

export function startImportWorker(request: ImportJobRequest, onProgress: (progress: ImportJobProgress) => void): RunningImport {
  const worker = new ImportWorker();
  let settle: (value: ImportJobResult | null) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const result = new Promise<ImportJobResult | null>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  const finish = () => worker.terminate();
  const assembler = createResultAssembler();
  worker.onmessage = (event: MessageEvent<ImportWorkerMessage>) => {
    const message = event.data;
    if (message.type === 'progress') onProgress(message.progress);
    else if (message.type === 'packText') assembler.add(message);
    else if (message.type === 'result') {
      finish();
      settle(assembler.finish(message.result));
    } else {
      finish();
      fail(new Error(message.message));
    }
  };
  worker.onerror = (event) => {
    finish();
    fail(new Error(event.message || 'the import worker failed to start'));
  };
  worker.postMessage(request);
  return {
    result,
    cancel() {
      finish();
      settle(null);
    },
  };
}
