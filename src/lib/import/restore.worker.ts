/** The restore worker: reads a backup and replaces the store with it, off the page. */
import { Repository } from '../db/repository';
import type { FromRestore, ToRestore } from './protocol';
import { restoreJob } from './restore-job';

const scope = self as unknown as {
	postMessage(message: FromRestore): void;
	onmessage: ((event: MessageEvent<ToRestore>) => void) | null;
};
const handle = restoreJob(new Repository(), (message) => scope.postMessage(message));
scope.onmessage = (event) => handle(event.data);
