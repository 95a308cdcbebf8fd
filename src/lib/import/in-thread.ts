/**
 * A worker's job run in this thread, behind the same messages: where no worker can share the
 * page's store (a store kept in memory, see `db/memory.ts`), and in tests. Answers come back a
 * turn later, as from a worker.
 */
import type { Repository } from '../db/repository';
import type { FromRestore, FromWorker, ToRestore, ToWorker } from './protocol';

/** What the page holds of a worker. */
export type WorkerPort = Pick<Worker, 'postMessage' | 'terminate' | 'onmessage'>;

/** A job: given where to post its answers, the handler of the page's messages. */
export type Job<To, From> = (post: (message: From) => void) => (message: To) => void;

/**
 * A port to a job run here. `load` gives the job, or loads its code first (messages wait, in
 * order, until it has loaded).
 */
export function inThread<To, From>(
	load: () => Job<To, From> | Promise<Job<To, From>>
): () => WorkerPort {
	return () => {
		const port = {
			onmessage: null as ((event: MessageEvent<From>) => void) | null,
			postMessage: (message: To) => void handler.then((handle) => handle(message)),
			terminate: () => undefined
		};
		const handler = Promise.resolve(load()).then((job) =>
			job((message) => setTimeout(() => port.onmessage?.({ data: message } as MessageEvent<From>)))
		);
		return port;
	};
}

/** Imports run here, over the page's own store; the pipeline's code loads with the first. */
export const inThreadImports = (repo: Repository) =>
	inThread<ToWorker, FromWorker>(async () => {
		const { importJob } = await import('./import-job');
		return (post) => importJob(repo, post);
	});

/** Restores run here, over the page's own store. */
export const inThreadRestores = (repo: Repository) =>
	inThread<ToRestore, FromRestore>(async () => {
		const { restoreJob } = await import('./restore-job');
		return (post) => restoreJob(repo, post);
	});
