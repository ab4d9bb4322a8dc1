/**
 * The options page's import worker: reads, validates and extracts off the page's thread so the page
 * stays responsive. It writes nothing; terminating it (Cancel, a closed tab) loses nothing.
 */
import { resultMessages, runImportJob, type ImportJobRequest, type ImportWorkerMessage } from '../../lib/pack/import-job';

const post = (message: ImportWorkerMessage) => self.postMessage(message);

self.onmessage = (event: MessageEvent<ImportJobRequest>) => {
  runImportJob(event.data, (progress) => post({ type: 'progress', progress })).then(
    (result) => resultMessages(result).forEach(post),
    (error: unknown) => post({ type: 'crash', message: error instanceof Error ? error.message : String(error) }),
  );
};
