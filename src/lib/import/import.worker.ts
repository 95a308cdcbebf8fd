/** The import worker: runs the import job (see `import-job.ts`) over its own connection to the store. */
import { Repository } from '../db/repository';
import { importJob } from './import-job';
import type { FromWorker, ToWorker } from './protocol';

const scope = self as unknown as {
	postMessage(message: FromWorker): void;
	onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
};
const handle = importJob(new Repository(), (message) => scope.postMessage(message));
scope.onmessage = (event) => handle(event.data);
