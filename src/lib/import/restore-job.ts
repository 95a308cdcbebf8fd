/**
 * Restoring a backup, off the page: reading and checking the file, then replacing everything
 * in one transaction, with progress and cancel. The restore worker runs it; tests run it in
 * the same thread. Only small summaries cross to the page, never the backup itself.
 */
import type { Repository } from '../db/repository';
import { explainError } from '../db/storage';
import { checkBackup, type Backup } from '../io/backup';
import { countsOf } from '../io/export-choices';
import { readInput } from '../io/read';
import { messageOf } from '../model/errors';
import { msg } from '../model/messages';
import type { FromRestore, ToRestore } from './protocol';

/** Progress is told at most this often (ms), and always at the end. */
const PROGRESS_EVERY = 100;

/** A handler of the page's restore requests; it answers through `post`. */
export function restoreJob(repo: Repository, post: (message: FromRestore) => void) {
	let backup: Backup | undefined;
	/** The read or write under way: cancel aborts it. */
	let running: AbortController | undefined;
	let queue: Promise<void> = Promise.resolve();

	function progress(stage: 'read' | 'write') {
		let last = 0;
		return (done: number, total?: number) => {
			const now = Date.now();
			if (total !== undefined && done < total && now - last < PROGRESS_EVERY) return;
			last = now;
			post({ type: 'restore-progress', stage, done, ...(total !== undefined ? { total } : {}) });
		};
	}

	async function read(file: Blob, signal: AbortSignal): Promise<void> {
		backup = undefined;
		let json: unknown;
		try {
			// The same reader and the same size limit as every import: a stream, never the whole text.
			const input = await readInput(file.stream(), {
				size: file.size,
				signal,
				onProgress: progress('read')
			});
			json = input.kind === 'json' ? input.value : undefined;
		} catch (error) {
			post({ type: 'restore-refused', error: messageOf(error), cancelled: signal.aborted });
			return;
		}
		const checked = checkBackup(json);
		if (!checked.ok) {
			post({ type: 'restore-refused', error: checked.error, cancelled: false });
			return;
		}
		backup = checked.backup;
		post({
			type: 'restore-ready',
			createdAt: Date.parse(backup.createdAt),
			incoming: countsOf(backup)
		});
	}

	async function write(signal: AbortSignal): Promise<void> {
		const chosen = backup;
		if (!chosen) {
			post({ type: 'restore-failed', error: msg('backup.notBackup'), cancelled: false });
			return;
		}
		try {
			await repo.restoreBackup(chosen, new Date(), { signal, onProgress: progress('write') });
			backup = undefined;
			post({ type: 'restored', settings: chosen.settings, counts: countsOf(chosen) });
		} catch (error) {
			post({
				type: 'restore-failed',
				error: await explainError(error),
				cancelled: signal.aborted
			});
		}
	}

	async function handle(message: ToRestore): Promise<void> {
		if (message.type === 'forget') {
			backup = undefined;
			return;
		}
		running = new AbortController();
		try {
			if (message.type === 'read') await read(message.file, running.signal);
			else await write(running.signal);
		} finally {
			running = undefined;
		}
	}

	return (message: ToRestore): void => {
		if (message.type === 'cancel') {
			running?.abort();
			return;
		}
		queue = queue.then(() => handle(message));
	};
}
