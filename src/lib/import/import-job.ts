/**
 * The import job: reads, parses, validates, compares and writes imports, off the page (the import
 * worker runs it; see `import.worker.ts`), so the page stays responsive with files of hundreds of
 * megabytes (read as streams). It keeps each parsed input until it is written or forgotten; the
 * page only ever receives small previews. Here the pipeline (io) meets its store (the repository,
 * db): the one place that wires the two together.
 */
import type { Repository } from '../db/repository';
import {
	commitPrepared,
	preparePreview,
	readSource,
	type Prepared,
	type Stage
} from '../io/pipeline';
import { messageOf } from '../model/errors';
import { explainError } from '../db/storage';
import type { FromWorker, ToWorker } from './protocol';

/** A handler of the page's import requests over the given store; it answers through `post`. */
export function importJob(repo: Repository, post: (message: FromWorker) => void) {
	const prepared = new Map<string, Prepared>();
	let writing: AbortController | undefined;
	/** The read under way, which a cancel stops between two chunks of its input. */
	let reading: AbortController | undefined;
	/** Messages are handled one at a time, in order, except cancel. */
	let queue: Promise<void> = Promise.resolve();

	function progressOf(key?: string) {
		let last = 0;
		return (stage: Stage, done?: number, total?: number) => {
			const now = Date.now();
			if (done !== undefined && total !== undefined && done < total && now - last < 100) return;
			last = now;
			post({ type: 'progress', ...(key ? { key } : {}), stage, done, total });
		};
	}

	async function handle(message: ToWorker): Promise<void> {
		switch (message.type) {
			case 'read':
			case 'update': {
				const progress = progressOf(message.key);
				let item: Prepared | undefined;
				if (message.type === 'read') {
					reading = new AbortController();
					try {
						item = await readSource(
							message.source,
							progress,
							reading.signal,
							message.choices.encoding
						);
					} catch (error) {
						if (reading.signal.aborted) return;
						throw error;
					} finally {
						reading = undefined;
					}
				} else item = prepared.get(message.key);
				if (!item) return;
				let ready: Prepared;
				try {
					ready = await preparePreview(item, message.choices, repo, progress);
				} catch (error) {
					ready = { ...item, summary: { ...item.summary, error: messageOf(error) } };
				}
				prepared.set(message.key, ready);
				post({ type: 'preview', key: message.key, summary: ready.summary });
				return;
			}
			case 'commit': {
				writing = new AbortController();
				try {
					const items = message.keys.flatMap((k) => prepared.get(k) ?? []);
					const done = await commitPrepared(items, repo, progressOf(), writing.signal);
					for (const k of message.keys) prepared.delete(k);
					post({ type: 'committed', ...done });
				} catch (error) {
					const cancelled = writing.signal.aborted;
					post({ type: 'commit-failed', error: await explainError(error), cancelled });
				} finally {
					writing = undefined;
				}
				return;
			}
			case 'forget':
				prepared.delete(message.key);
				return;
			case 'cancel':
				return;
		}
	}

	return (message: ToWorker): void => {
		if (message.type === 'cancel') {
			writing?.abort();
			reading?.abort();
			return;
		}
		queue = queue
			.then(() => handle(message))
			.catch((error: unknown) => {
				console.error('import worker:', error);
			});
	};
}
